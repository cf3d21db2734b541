package io.livemodel;

import io.livemodel.bridge.TcpBridgeVerticle;
import io.livemodel.cluster.Clustering;
import io.livemodel.config.ServerConfig;
import io.livemodel.crud.CrudVerticle;
import io.livemodel.crud.LocalCodec;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.WriteReply;
import io.livemodel.crud.WriteRequest;
import io.livemodel.http.HttpVerticle;
import io.livemodel.stream.SharedEncodings;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.Store;
import io.livemodel.store.Stores;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One LiveModel node on a Vert.x instance: loads the models, opens the store, deploys the CRUD
 * verticle and the HTTP verticles. Used by {@link Main} and by tests.
 *
 * <p>On a clustered Vert.x (or with clustering configured) start-up fails on the embedded store with
 * {@link Clustering#SHARED_STORE_REQUIRED}: nodes would otherwise keep diverging copies of the data.
 */
public final class LiveModelServer {

  private final Vertx vertx;
  private final ServerConfig config;
  private final ModelRegistry models;
  private final Store store;
  private final List<HttpVerticle> httpVerticles = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new ArrayList<>();

  private LiveModelServer(Vertx vertx, ServerConfig config, ModelRegistry models, Store store) {
    this.vertx = vertx;
    this.config = config;
    this.models = models;
    this.store = store;
  }

  /** Loads every model folder of the config, in order (a later model replaces one of the same name). */
  public static ModelRegistry loadModels(ServerConfig config) {
    List<ModelDefinition> all = new ArrayList<>();
    for (Path dir : config.modelDirs()) {
      all.addAll(ModelLoader.loadFolder(dir));
    }
    return new ModelRegistry(all);
  }

  /** Starts a node with the store the config names. */
  public static Future<LiveModelServer> start(Vertx vertx, ServerConfig config) {
    ModelRegistry models;
    Store store;
    try {
      models = loadModels(config);
      store = Stores.create(config.store(), config.stream().retention());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return start(vertx, config, models, store);
  }

  /** Starts a node on a given store (not yet opened). */
  public static Future<LiveModelServer> start(Vertx vertx, ServerConfig config, ModelRegistry models, Store store) {
    try {
      // Clustered nodes each run their own store instance: it must be one shared database.
      Clustering.requireSharedStore(config, vertx.isClustered());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    // Query cost limits are process-wide (patterns are parsed before any store or verticle sees them).
    io.livemodel.filter.QueryLimits.install(config.query());
    LiveModelServer server = new LiveModelServer(vertx, config, models, store);
    return server.deploy().map(server);
  }

  private Future<Void> deploy() {
    registerCodecs(vertx);
    ModelOperations operations = new ModelOperations(store);
    return store.open(vertx, models.all())
        .compose(v -> vertx.deployVerticle(new CrudVerticle(models, operations)))
        .compose(id -> {
          deployments.add(id);
          DeploymentOptions options = new DeploymentOptions().setInstances(config.effectiveHttpInstances());
          SharedEncodings encodings = new SharedEncodings();
          return vertx.deployVerticle(() -> {
            HttpVerticle verticle = new HttpVerticle(config, models, operations, store, encodings);
            httpVerticles.add(verticle);
            return verticle;
          }, options);
        })
        .compose(id -> {
          deployments.add(id);
          return config.bridge().tcpPort() > 0
              ? vertx.deployVerticle(new TcpBridgeVerticle(models, operations, config.bridge())).map(deployments::add)
              : Future.succeededFuture();
        })
        .mapEmpty();
  }

  private static void registerCodecs(Vertx vertx) {
    try {
      vertx.eventBus().registerDefaultCodec(WriteRequest.class, new LocalCodec<>(WriteRequest.class));
      vertx.eventBus().registerDefaultCodec(WriteReply.class, new LocalCodec<>(WriteReply.class));
    } catch (IllegalStateException alreadyRegistered) {
      // A second node on the same Vert.x instance (tests): the codecs are there already.
    }
  }

  /** The HTTP port actually bound. */
  public int port() {
    return httpVerticles.get(0).actualPort();
  }

  public ModelRegistry models() {
    return models;
  }

  public Store store() {
    return store;
  }

  /** Open change streams on this node, over all HTTP verticles. */
  public int subscriberCount() {
    return httpVerticles.stream().mapToInt(v -> v.hub().subscriberCount()).sum();
  }

  /** Distinct filter groups held by the fan-out of this node (0 once every stream is gone). */
  public int filterGroupCount() {
    return httpVerticles.stream().mapToInt(v -> v.hub().groupCount()).sum();
  }

  /** Undeploys the verticles (closing open streams) and closes the store. */
  public Future<Void> stop() {
    List<Future<Void>> undeployed = new ArrayList<>();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      undeployed.add(vertx.undeploy(deployments.get(i)));
    }
    return Future.join(undeployed).eventually(store::close).mapEmpty();
  }
}
