package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import io.livemodel.relation.RelationDefinition.Kind;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Relations are read from model files with juggler's defaults")
class RelationsTest {

  private final ModelRegistry registry = new ModelRegistry(ModelLoader.loadFolder(RelationFixture.MODELS));

  private RelationDefinition relation(String model, String name) {
    return Relations.parse(registry.byName(model), registry).get(name);
  }

  @Test
  @DisplayName("hasMany: the target's key is camelCase(source)+Id, the source's is its id")
  void hasMany() {
    RelationDefinition books = relation("Author", "books");
    assertThat(books.kind()).isEqualTo(Kind.HAS_MANY);
    assertThat(books.to().name()).isEqualTo("Book");
    assertThat(books.keyFrom()).isEqualTo("id");
    assertThat(books.keyTo()).isEqualTo("authorId");
    assertThat(books.multiple()).isTrue();
    assertThat(relation("Author", "profile").keyTo()).isEqualTo("authorId");
  }

  @Test
  @DisplayName("belongsTo: the foreign key is the relation name + Id unless foreignKey is given")
  void belongsTo() {
    RelationDefinition author = relation("Book", "author");
    assertThat(author.keyFrom()).isEqualTo("authorId");
    assertThat(author.keyTo()).isEqualTo("id");
    assertThat(relation("Profile", "owner").keyFrom()).isEqualTo("authorId");
  }

  @Test
  @DisplayName("through: keyTo points at the source, keyThrough at the target; habtm finds SourceTarget or TargetSource")
  void through() {
    RelationDefinition patients = relation("Physician", "patients");
    assertThat(patients.kind()).isEqualTo(Kind.HAS_MANY_THROUGH);
    assertThat(patients.through().name()).isEqualTo("Appointment");
    assertThat(patients.keyTo()).isEqualTo("physicianId");
    assertThat(patients.keyThrough()).isEqualTo("patientId");
    RelationDefinition assemblies = relation("Part", "assemblies");
    assertThat(assemblies.through().name()).isEqualTo("AssemblyPart");
    assertThat(assemblies.keyTo()).isEqualTo("partId");
    assertThat(assemblies.keyThrough()).isEqualTo("assemblyId");
  }

  @Test
  @DisplayName("a habtm without a through model gets juggler's implicit SourceTarget model, keys typed as the ids")
  void implicitThroughModel() {
    ModelRegistry withImplicit = new ModelRegistry(ImplicitThroughModels.addTo(ModelLoader.loadFolder(RelationFixture.MODELS)));
    ModelDefinition through = withImplicit.byName("ArticleLabel");
    assertThat(through).isNotNull();
    assertThat(through.property("articleId").type()).isEqualTo(io.livemodel.model.PropertyType.NUMBER);
    assertThat(through.property("labelId").type()).isEqualTo(io.livemodel.model.PropertyType.STRING);
    assertThat(withImplicit.byName("AssemblyPart").properties()).as("a declared one is kept").containsOnlyKeys("id");
    assertThat(withImplicit.byName("PartAssembly")).isNull();
    RelationDefinition labels = Relations.parse(withImplicit.byName("Article"), withImplicit).get("labels");
    assertThat(labels.through()).isSameAs(through);
    assertThat(Relations.parse(registry.byName("Article"), registry).get("labels")).as("without it: skipped").isNull();
  }

  @Test
  @DisplayName("embedsMany and polymorphic relations are left out with a warning line; a habtm without a through model too")
  void unsupported() {
    ModelRegistry gallery = galleryRegistry();
    Relations author = Relations.parse(gallery.byName("Gallery"), gallery);
    assertThat(author.get("photos")).isNull();
    assertThat(author.unsupported()).containsExactly("photos (embedsMany) is not supported and is ignored",
        "owner (belongsTo, polymorphic) is not supported and is ignored");
    ModelRegistry noThrough = registry(model("A", new JsonObject().put("bs", rel("hasAndBelongsToMany", "B"))), model("B", null));
    Relations a = Relations.parse(noThrough.byName("A"), noThrough);
    assertThat(a.all()).isEmpty();
    assertThat(a.unsupported().get(0)).contains("declare its through model AB (properties aId, bId)");
  }

  @Test
  @DisplayName("building the graph logs one start-up warning per model with relations left out")
  void startUpWarning() {
    List<String> logged = new ArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(RelationGraph.class.getName());
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        logged.add(r.getLevel() + " " + r.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(handler);
    try {
      RelationGraph.of(new ModelRegistry(ImplicitThroughModels.addTo(ModelLoader.loadFolder(RelationFixture.MODELS))));
      RelationGraph.of(galleryRegistry());
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(logged).as("the shared relation models have none; Gallery has two")
        .containsExactly("WARNING model Gallery: photos (embedsMany) is not supported and is ignored; "
        + "owner (belongsTo, polymorphic) is not supported and is ignored");
  }

  @Test
  @DisplayName("an unknown target or through model, or an unknown type, is a start-up error naming model and relation")
  void errors() {
    ModelRegistry bad = registry(model("A", new JsonObject().put("bs", rel("hasMany", "Nope"))));
    assertThatThrownBy(() -> RelationGraph.of(bad)).hasMessage("A relation \"bs\": the target model \"Nope\" is not defined");
    ModelRegistry badThrough = registry(model("A", new JsonObject().put("bs", rel("hasMany", "B").put("through", "X"))), model("B", null));
    assertThatThrownBy(() -> RelationGraph.of(badThrough)).hasMessageContaining("the through model \"X\" is not defined");
    ModelRegistry badType = registry(model("A", new JsonObject().put("bs", rel("hasLots", "A"))));
    assertThatThrownBy(() -> RelationGraph.of(badType)).hasMessage("A relation \"bs\": invalid relation type hasLots");
  }

  @Test
  @DisplayName("camelize is inflection's camelize(s, true)")
  void camelize() {
    assertThat(Relations.camelize("Author_id")).isEqualTo("authorId");
    assertThat(Relations.camelize("MyModel_id")).isEqualTo("myModelId");
    assertThat(Relations.camelize("sale_item_id")).isEqualTo("saleItemId");
  }

  private static JsonObject rel(String type, String model) {
    return new JsonObject().put("type", type).put("model", model);
  }

  private static ModelDefinition model(String name, JsonObject relations) {
    JsonObject json = new JsonObject().put("name", name);
    if (relations != null) {
      json.put("relations", relations);
    }
    return ModelLoader.parse(json, name + ".json");
  }

  /** A model with relations LiveModel does not support: an embedsMany and a polymorphic belongsTo. */
  private static ModelRegistry galleryRegistry() {
    return registry(model("Gallery", new JsonObject()
        .put("photos", rel("embedsMany", "Photo"))
        .put("owner", new JsonObject().put("type", "belongsTo").put("polymorphic", true))), model("Photo", null));
  }

  private static ModelRegistry registry(ModelDefinition... models) {
    return new ModelRegistry(new ArrayList<>(List.of(models)));
  }
}
