package io.livemodel.relation;

import static io.livemodel.store.StoreFixtures.await;
import static io.livemodel.store.StoreFixtures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.filter.FilterParser;
import io.livemodel.model.ApiError;
import io.livemodel.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@code include} answers on any store: a subclass gives a new, empty store; the suite fills it
 * once with {@link RelationFixture#withLibrary()} and only reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IncludeContractTest {

  protected Vertx vertx;
  private RelationFixture fx;

  /** A new, empty, unopened store. */
  protected abstract Store createStore();

  @BeforeAll
  void open() {
    vertx = Vertx.vertx();
    fx = new RelationFixture(vertx, createStore()).withLibrary();
  }

  @AfterAll
  void close() {
    try {
      fx.close();
    } finally {
      await(vertx.close());
    }
  }

  @Test
  @DisplayName("a hasMany include gives every parent an array, empty when nothing matches")
  void hasMany() {
    List<JsonObject> authors = fx.find("Author", "{\"include\":\"books\"}");
    assertThat(authors).extracting(a -> titles(a.getJsonArray("books")))
        .containsExactly(List.of("A1", "A2"), List.of("B1"), List.of());
    assertThat(authors.get(0).getJsonArray("books").getJsonObject(0))
        .isEqualTo(new JsonObject().put("title", "A1").put("year", 1999).put("id", 1).put("authorId", 1));
    assertThat(authors.get(0).fieldNames()).containsExactly("name", "id", "books");
  }

  @Test
  @DisplayName("a belongsTo include gives the owner, and leaves the key out without one (no fk, unknown fk)")
  void belongsTo() {
    List<JsonObject> books = fx.find("Book", "{\"include\":\"author\"}");
    assertThat(books).extracting(b -> b.getJsonObject("author") == null ? null : b.getJsonObject("author").getString("name"))
        .containsExactly("Ann", "Ann", "Bob", null, null);
    assertThat(books.get(3).containsKey("author")).isFalse();
    assertThat(books.get(4).containsKey("author")).isFalse();
  }

  @Test
  @DisplayName("a hasOne include gives the one related row or leaves the key out")
  void hasOne() {
    List<JsonObject> authors = fx.find("Author", "{\"include\":\"profile\"}");
    assertThat(authors.get(0).getJsonObject("profile").getString("bio")).isEqualTo("ann's");
    assertThat(authors.get(1).containsKey("profile")).isFalse();
  }

  @Test
  @DisplayName("nested includes: {books: 'chapters'}, arrays of names, and {relation, scope: {include}}")
  void nested() {
    Function<List<JsonObject>, List<Object>> chapters = authors -> authors.stream()
        .flatMap(a -> a.getJsonArray("books").stream())
        .map(b -> (Object) titles(((JsonObject) b).getJsonArray("chapters"))).toList();
    List<Object> expected = List.of(List.of("c1", "c2"), List.of(), List.of("c3"));
    assertThat(chapters.apply(fx.find("Author", "{\"include\":{\"books\":\"chapters\"}}"))).isEqualTo(expected);
    assertThat(chapters.apply(fx.find("Author", "{\"include\":{\"books\":[\"chapters\"]}}"))).isEqualTo(expected);
    assertThat(chapters.apply(fx.find("Author",
        "{\"include\":{\"relation\":\"books\",\"scope\":{\"include\":\"chapters\"}}}"))).isEqualTo(expected);
    List<JsonObject> both = fx.find("Author", "{\"include\":[\"books\",\"profile\",{\"books\":\"author\"}]}");
    assertThat(both.get(0).getJsonObject("profile")).isNotNull();
    assertThat(both.get(0).getJsonArray("books").getJsonObject(0).getJsonObject("author").getString("name")).isEqualTo("Ann");
  }

  @Test
  @DisplayName("an include scope filters, orders, projects (keeping the join key) and limits per parent")
  void scope() {
    List<JsonObject> authors = fx.find("Author", "{\"order\":\"id\",\"include\":{\"relation\":\"books\",\"scope\":"
        + "{\"where\":{\"year\":{\"gt\":1990}},\"fields\":[\"title\"],\"order\":\"year DESC\",\"limit\":1}}}");
    assertThat(authors.get(0).getJsonArray("books")).containsExactly(new JsonObject().put("title", "A2").put("authorId", 1));
    assertThat(authors.get(1).getJsonArray("books")).containsExactly(new JsonObject().put("title", "B1").put("authorId", 2));
    assertThat(authors.get(2).getJsonArray("books")).isEmpty();
    List<JsonObject> skipped = fx.find("Author", "{\"include\":{\"relation\":\"books\",\"scope\":{\"skip\":1}}}");
    assertThat(titles(skipped.get(0).getJsonArray("books"))).containsExactly("A2");
    assertThat(skipped.get(1).getJsonArray("books")).isEmpty();
  }

  @Test
  @DisplayName("a relation's own scope from the model file applies to its include")
  void relationScope() {
    List<JsonObject> authors = fx.find("Author", "{\"include\":\"recentBooks\"}");
    assertThat(authors).extracting(a -> titles(a.getJsonArray("recentBooks")))
        .containsExactly(List.of("A2"), List.of("B1"), List.of());
    JsonArray withChapters = fx.find("Author", "{\"include\":\"booksWithChapters\"}").get(0).getJsonArray("booksWithChapters");
    assertThat(titles(withChapters)).as("the scope's order").containsExactly("A2", "A1");
    assertThat(titles(withChapters.getJsonObject(1).getJsonArray("chapters"))).as("the scope's include").containsExactly("c1", "c2");
  }

  @Test
  @DisplayName("a relation with options.disableInclude is skipped, as in juggler")
  void disableInclude() {
    List<JsonObject> authors = fx.find("Author", "{\"include\":[\"hiddenBooks\",\"books\"]}");
    assertThat(authors.get(0).containsKey("hiddenBooks")).isFalse();
    assertThat(authors.get(0).getJsonArray("books")).hasSize(2);
  }

  @Test
  @DisplayName("hasMany through and hasAndBelongsToMany give the target instances")
  void through() {
    assertThat(fx.find("Physician", "{\"include\":\"patients\"}")).extracting(p -> names(p.getJsonArray("patients")))
        .containsExactly(List.of("P", "Q"), List.of("Q"));
    assertThat(fx.find("Patient", "{\"include\":\"physicians\"}")).extracting(p -> names(p.getJsonArray("physicians")))
        .containsExactly(List.of("X"), List.of("X", "Y"), List.of());
    List<JsonObject> assemblies = fx.find("Assembly", "{\"include\":\"parts\"}");
    assertThat(assemblies.get(0).getJsonArray("parts")).extracting(p -> ((JsonObject) p).getString("partNumber"))
        .containsExactly("p1", "p2");
    assertThat(assemblies.get(1).getJsonArray("parts")).isEmpty();
    assertThat(fx.find("Part", "{\"include\":\"assemblies\"}").get(0).getJsonArray("assemblies"))
        .extracting(a -> ((JsonObject) a).getString("name")).containsExactly("engine");
    List<JsonObject> scoped = fx.find("Physician",
        "{\"include\":{\"relation\":\"patients\",\"scope\":{\"where\":{\"name\":\"Q\"},\"fields\":[\"name\"]}}}");
    assertThat(scoped.get(0).getJsonArray("patients")).containsExactly(new JsonObject().put("name", "Q").put("id", 2));
  }

  @Test
  @DisplayName("findById and findOne include too")
  void single() {
    JsonObject ann = await(fx.ops.findById(fx.model("Author"), "1", "{\"include\":\"books\"}"));
    assertThat(titles(ann.getJsonArray("books"))).containsExactly("A1", "A2");
    JsonObject b1 = await(fx.ops.findOne(fx.model("Book"), "{\"where\":{\"title\":\"B1\"},\"include\":\"author\"}"));
    assertThat(b1.getJsonObject("author").getString("name")).isEqualTo("Bob");
  }

  @Test
  @DisplayName("an unknown relation, nested or not, is a 400 naming it and its model")
  void unknownRelation() {
    assertThat(badRequest("Author", "{\"include\":\"nope\"}")).isEqualTo("Relation \"nope\" is not defined for Author model");
    assertThat(badRequest("Author", "{\"include\":{\"books\":\"nope\"}}")).isEqualTo("Relation \"nope\" is not defined for Book model");
    assertThat(badRequest("Author", "{\"include\":[\"books\",null]}")).isEqualTo("Relation \"null\" is not defined for Author model");
  }

  @Test
  @DisplayName("include cycles are bounded by the depth limit: 5 levels run, 6 and 50 are a 400")
  void depth() {
    assertThat(fx.find("Author", "{\"include\":" + cycle(5) + "}")).hasSize(3);
    assertThat(badRequest("Author", "{\"include\":" + cycle(6) + "}")).contains("nested deeper than 5 levels");
    assertThat(status("Author", "{\"include\":" + cycle(50) + "}")).isEqualTo(400);
  }

  @Test
  @DisplayName("a bad scope (a where that is not an object, a scope that is not an object) is a 400")
  void badScope() {
    assertThat(status("Author", "{\"include\":{\"relation\":\"books\",\"scope\":{\"where\":\"x\"}}}")).isEqualTo(400);
    assertThat(status("Author", "{\"include\":{\"relation\":\"books\",\"scope\":\"x\"}}")).isEqualTo(400);
  }

  @Test
  @DisplayName("a hasMany include over parents whose fields drop the id is juggler's 400")
  void missingParentKey() {
    assertThat(badRequest("Author", "{\"fields\":[\"name\"],\"include\":\"books\"}"))
        .startsWith("ID property \"id\" is missing for included item: {\"name\":\"Ann\"}.");
  }

  @Test
  @DisplayName("more related rows than the limit is a 400; keys past inqLimit are split without changing the answer")
  void limits() {
    Includes small = new Includes(fx.store, RelationGraph.of(fx.registry), new IncludeLimits(5, 3, 2));
    var author = fx.model("Author");
    var filter = FilterParser.parse("{\"include\":\"books\"}", author);
    List<JsonObject> found = await(fx.store.find(author, filter).compose(small.plan(author, filter)::apply));
    assertThat(found).extracting(a -> titles(a.getJsonArray("books")))
        .containsExactly(List.of("A1", "A2"), List.of("B1"), List.of());
    var deep = FilterParser.parse("{\"include\":{\"books\":\"chapters\"}}", author);
    Throwable failure = awaitFailure(fx.store.find(author, deep).compose(small.plan(author, deep)::apply));
    assertThat(((ApiError) failure).statusCode()).isEqualTo(400);
    assertThat(failure.getMessage()).contains("more than 3 related rows");
  }

  private String badRequest(String model, String filter) {
    ApiError error = error(model, filter);
    assertThat(error.statusCode()).isEqualTo(400);
    return error.getMessage();
  }

  private int status(String model, String filter) {
    return error(model, filter).statusCode();
  }

  private ApiError error(String model, String filter) {
    try {
      return (ApiError) awaitFailure(fx.ops.find(fx.model(model), filter));
    } catch (ApiError thrown) {
      return thrown;
    }
  }

  /** {books: {author: {books: ...}}} with {@code levels} relations. */
  private static String cycle(int levels) {
    String include = levels % 2 == 1 ? "\"books\"" : "\"author\"";
    for (int level = levels - 1; level >= 1; level--) {
      include = "{\"" + (level % 2 == 1 ? "books" : "author") + "\":" + include + "}";
    }
    return include;
  }

  static List<String> titles(JsonArray rows) {
    return rows.stream().map(r -> ((JsonObject) r).getString("title")).toList();
  }

  static List<String> names(JsonArray rows) {
    return rows.stream().map(r -> ((JsonObject) r).getString("name")).toList();
  }
}
