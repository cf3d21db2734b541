package io.livemodel.http;

import static io.livemodel.http.ChangeStreamTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A LoopBack 3 app folder served over REST: model-config, defaultFn, strict filter, http.path, default scope, nested types")
class LoopBackAppTest {

  static final Path APP = Path.of("src/test/resources/lb-app");

  /** The server under test; a subclass runs the same scenarios on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(APP));

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  private JsonObject created(String path, String json) {
    Api.Response r = api.post(path, new JsonObject(json));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  @DisplayName("a non-public model and a model based on Model have no routes; a model attached to no data source answers 500")
  void exposure() {
    assertThat(api.get("/api/Secrets").status()).isEqualTo(404);
    assertThat(api.get("/api/Users").status()).isEqualTo(404);
    assertThat(api.get("/api/AccessTokens").status()).isEqualTo(404);
    assertThat(api.get("/api/Locals").status()).isEqualTo(404);
    assertThat(api.get("/api/Secrets/change-stream").status()).isEqualTo(404);
    Api.Response scratch = api.get("/api/Scratches");
    assertThat(scratch.status()).isEqualTo(500);
    assertThat(scratch.error().getString("message")).as("500s say no more, as LoopBack's error handler")
        .isEqualTo("Internal Server Error");
    assertThat(api.get("/api/Orders").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("http.path is the route; the plural is not")
  void httpPath() {
    JsonObject vip = created("/api/vips", "{\"email\":\"a@b.c\",\"password\":\"x\",\"discount\":\"5\"}");
    assertThat(vip.getValue("discount")).isEqualTo(5);
    assertThat(vip.containsKey("tier")).as("the base's default is stored, and hidden").isFalse();
    assertThat(api.get("/api/vips/" + vip.getValue("id")).status()).as("routed; User's acls deny anonymous reads")
        .isEqualTo(401);
    assertThat(api.get("/api/VipCustomers").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a model based on User requires User's email and password")
  void userBase() {
    Api.Response missing = api.post("/api/Customers", new JsonObject().put("username", "u"));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.error().getJsonObject("details").getJsonObject("codes").fieldNames())
        .containsExactlyInAnyOrder("password", "email");
    assertThat(created("/api/Customers", "{\"email\":\"a@b.c\",\"password\":\"p\"}").getValue("id")).isEqualTo(1);
  }

  @Test
  @DisplayName("an id with defaultFn uuidv4 creates fine; guid, now and shortid fill their properties; strict filter drops unknown keys")
  void defaultFnsAndStrictFilter() {
    long before = System.currentTimeMillis();
    JsonObject widget = created("/api/Widgets", "{\"label\":\"w\",\"extra\":1,\"size\":1}");
    assertThat(UUID.fromString(widget.getString("id")).version()).isEqualTo(4);
    assertThat(UUID.fromString(widget.getString("serial")).version()).isEqualTo(1);
    assertThat(Instant.parse(widget.getString("made")).toEpochMilli()).isGreaterThanOrEqualTo(before - 1);
    assertThat(widget.getString("code")).matches("[0-9A-Za-z_-]{7,14}");
    assertThat(widget.containsKey("extra")).as("strict: filter drops it silently").isFalse();
    assertThat(widget.containsKey("size")).as("applyDefaultOnWrites: false, value equal to the default").isFalse();
    String id = widget.getString("id");
    assertThat(api.get("/api/Widgets/" + id).json().getString("label")).isEqualTo("w");
    JsonObject other = created("/api/Widgets", "{}");
    assertThat(other.getString("id")).isNotEqualTo(id);
    assertThat(other.getString("label")).isEqualTo("unnamed");
    assertThat(other.containsKey("size")).isFalse();

    Api.Response replaced = api.put("/api/Widgets/" + id, new JsonObject().put("extra", true));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().getString("label")).as("defaults are applied again on replace").isEqualTo("unnamed");
    assertThat(replaced.json().getString("serial")).isNotEqualTo(widget.getString("serial"));
    assertThat(replaced.json().containsKey("extra")).isFalse();
    assertThat(api.patch("/api/Widgets/" + id, new JsonObject().put("nope", 1)).json().containsKey("nope")).isFalse();
  }

  @Test
  @DisplayName("a stored instance that lacks a property with a default or defaultFn gets it in answers, at its declared place, unless fields leave it out; a strict model shows no undeclared key")
  void defaultsOnReads() {
    server.server.store().write(server.server.models().byName("Widget"), tx -> tx.insert(
        new JsonObject().put("id", "raw").put("other", 1))).await();
    JsonObject read = api.get("/api/Widgets/raw").json();
    assertThat(read.fieldNames()).containsExactly("id", "serial", "label", "made", "code");
    assertThat(read.getString("label")).isEqualTo("unnamed");
    assertThat(UUID.fromString(read.getString("serial")).version()).isEqualTo(1);
    assertThat(api.get("/api/Widgets/raw").json().getString("serial"))
        .as("not stored: juggler makes a fresh value on every read").isNotEqualTo(read.getString("serial"));
    assertThat(api.get("/api/Widgets?filter=" + enc("{\"fields\":[\"id\",\"label\"]}")).array().getJsonObject(0).encode())
        .isEqualTo("{\"id\":\"raw\",\"label\":\"unnamed\"}");
    assertThat(api.get("/api/Widgets/findOne").json().getString("label")).isEqualTo("unnamed");
  }

  @Test
  @DisplayName("a default scope: its where filters find, findOne, findById, exists and count; its values are forced on create and updateAll")
  void defaultScope() {
    JsonObject forced = created("/api/Posts", "{\"title\":\"a\",\"published\":false,\"lang\":\"de\"}");
    assertThat(forced.getBoolean("published")).isTrue();
    assertThat(forced.getString("lang")).isEqualTo("en");
    created("/api/Posts", "{\"title\":\"b\"}");
    created("/api/Posts", "{\"title\":\"hidden\"}");
    // Written around the scope through another path: the store, as a second app or an import would.
    server.server.store().write(server.server.models().byName("Post"), tx -> tx.insert(
        new JsonObject().put("title", "z").put("published", false).put("lang", "en"))).await();

    JsonArray all = api.get("/api/Posts").array();
    assertThat(all.stream().map(p -> ((JsonObject) p).getString("title")))
        .as("the scope's where, and its order as none is given").containsExactly("b", "a");
    assertThat(api.get("/api/Posts?filter=" + enc("{\"order\":\"title ASC\"}")).array().getJsonObject(0).getString("title")).isEqualTo("a");
    assertThat(api.get("/api/Posts/count").json().getInteger("count")).isEqualTo(2);
    assertThat(api.get("/api/Posts/findOne?filter=" + enc("{\"where\":{\"title\":\"z\"}}")).status()).isEqualTo(404);
    assertThat(api.get("/api/Posts/4").status()).as("findById goes through the scope").isEqualTo(404);
    assertThat(api.get("/api/Posts/4/exists").json().getBoolean("exists")).isFalse();
    assertThat(api.get("/api/Posts/1").status()).isEqualTo(200);
    assertThat(api.patch("/api/Posts/4", new JsonObject().put("title", "y")).status())
        .as("PATCH finds the instance through the scope").isEqualTo(404);
    assertThat(api.delete("/api/Posts/4").json().getInteger("count")).as("DELETE too").isEqualTo(0);

    Api.Response updated = api.post("/api/Posts/update?where=" + enc("{}"), new JsonObject().put("lang", "fr").put("title", "u"));
    assertThat(updated.json().getInteger("count")).as("updateAll matches only inside the scope").isEqualTo(2);
    assertThat(api.get("/api/Posts/1").json().getString("lang")).as("and forces the scope's values").isEqualTo("en");
    assertThat(api.get("/api/Posts/1").json().getString("title")).isEqualTo("u");
  }

  @Test
  @DisplayName("typed members of anonymous nested models are coerced on create and replace; other keys are kept; a value that is not an object is a 422")
  void nestedTypes() {
    JsonObject person = created("/api/People", """
        {"name":"p","address":{"zip":"1234","street":5,"since":0,"floor":"3"},
         "phones":[{"number":1234,"primary":"false"},{"kind":"home"}],"geo":{"lat":"1.5"}}""");
    assertThat(person.getJsonObject("address").encode())
        .isEqualTo("{\"street\":\"5\",\"zip\":1234,\"since\":\"1970-01-01T00:00:00.000Z\",\"floor\":\"3\"}");
    assertThat(person.getJsonArray("phones").encode())
        .isEqualTo("[{\"number\":\"1234\",\"primary\":false},{\"kind\":\"home\",\"primary\":false}]");
    assertThat(person.containsKey("geo")).as("geo is hidden: stored, never answered").isFalse();
    JsonObject stored = server.server.store().findById(server.server.models().byName("Person"), person.getValue("id"))
        .toCompletionStage().toCompletableFuture().join();
    assertThat(stored.getJsonObject("geo").getValue("lat")).isEqualTo(1.5);
    Api.Response replaced = api.put("/api/People/" + person.getValue("id"),
        new JsonObject("{\"name\":\"q\",\"address\":{\"zip\":\"99\"}}"));
    assertThat(replaced.json().getJsonObject("address").encode()).isEqualTo("{\"zip\":99}");

    for (String wrong : new String[] {"\"nowhere\"", "42", "[1]", "true"}) {
      Api.Response refused = api.post("/api/People", new JsonObject("{\"name\":\"r\",\"address\":" + wrong + "}"));
      assertThat(refused.status()).as("address " + wrong + " (LoopBack stores a string's characters as keys)")
          .isEqualTo(422);
      assertThat(refused.error().getString("name")).isEqualTo("ValidationError");
      assertThat(refused.error().getJsonObject("details").getJsonObject("codes").getJsonArray("address").getString(0))
          .isEqualTo("type");
    }
    assertThat(api.patch("/api/People/" + person.getValue("id"), new JsonObject("{\"address\":\"x\"}")).status())
        .isEqualTo(422);
    assertThat(api.post("/api/People", new JsonObject("{\"name\":\"s\",\"address\":null}")).status())
        .as("null is no object, and no mistake either").isEqualTo(200);
  }

  @Test
  @DisplayName("a property typed with another model's name is coerced by that model's properties")
  void modelTypedProperties() {
    JsonObject order = created("/api/Orders", """
        {"total":"12.5","shipTo":{"zip":"75001","street":1},"parcels":[{"verified":"true"},{}]}""");
    assertThat(order.getValue("total")).isEqualTo(12.5);
    assertThat(order.getJsonObject("shipTo").encode()).isEqualTo("{\"street\":\"1\",\"zip\":75001,\"verified\":false}");
    assertThat(order.getJsonArray("parcels").encode()).isEqualTo("[{\"verified\":true},{\"verified\":false}]");
  }
}
