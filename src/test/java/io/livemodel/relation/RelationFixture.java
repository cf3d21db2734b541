package io.livemodel.relation;

import static io.livemodel.store.StoreFixtures.await;

import io.livemodel.crud.ModelOperations;
import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * The relation test models (src/test/resources/relation-models) on an opened store, with
 * {@link ModelOperations} over them and the small data set the include tests read.
 */
final class RelationFixture implements AutoCloseable {

  static final Path MODELS = Path.of("src/test/resources/relation-models");

  final Vertx vertx;
  final Store store;
  final ModelRegistry registry;
  final ModelOperations ops;

  RelationFixture(Vertx vertx, Store store) {
    this.vertx = vertx;
    this.store = store;
    this.registry = new ModelRegistry(ImplicitThroughModels.addTo(ModelLoader.loadFolder(MODELS)));
    await(store.open(vertx, registry.all()));
    this.ops = new ModelOperations(store, registry);
  }

  ModelDefinition model(String name) {
    return registry.byName(name);
  }

  /**
   * Creates instances (ids 1, 2, ... in order, on an empty model) in one store transaction, prepared
   * as a create prepares them (coercion, key order); no change events (nothing listens).
   */
  void create(String model, JsonObject... items) {
    ModelDefinition definition = model(model);
    await(store.write(definition, tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject item : items) {
        chain = chain.compose(v -> tx.insert(Instances.prepare(definition, item, Instances.Mode.CREATE)).mapEmpty());
      }
      return chain;
    }));
  }

  /** The data every include test reads. */
  RelationFixture withLibrary() {
    create("Author", o("name", "Ann"), o("name", "Bob"), o("name", "Cy"));
    create("Book", o("title", "A1").put("year", 1999).put("authorId", 1),
        o("title", "A2").put("year", 2005).put("authorId", 1),
        o("title", "B1").put("year", 2010).put("authorId", 2),
        o("title", "Orphan").put("year", 2001),
        o("title", "Lost").put("year", 2002).put("authorId", 99));
    create("Chapter", o("title", "c1").put("page", 1).put("bookId", 1),
        o("title", "c2").put("page", 2).put("bookId", 1),
        o("title", "c3").put("page", 1).put("bookId", 3));
    create("Profile", o("bio", "ann's").put("authorId", 1));
    create("Physician", o("name", "X"), o("name", "Y"));
    create("Patient", o("name", "P"), o("name", "Q"), o("name", "R"));
    create("Appointment", o("physicianId", 1).put("patientId", 1), o("physicianId", 1).put("patientId", 2),
        o("physicianId", 2).put("patientId", 2));
    create("Assembly", o("name", "engine"), o("name", "empty"));
    create("Part", o("partNumber", "p1"), o("partNumber", "p2"));
    create("AssemblyPart", o("assemblyId", 1).put("partId", 2), o("assemblyId", 1).put("partId", 1));
    return this;
  }

  List<JsonObject> find(String model, String filter) {
    return await(ops.find(model(model), filter));
  }

  static JsonObject o(String key, Object value) {
    return new JsonObject().put(key, value);
  }

  @Override
  public void close() {
    await(store.close());
  }
}
