package io.livemodel;

import io.livemodel.bridge.TcpBridgeVerticle;
import io.livemodel.cluster.Clustering;
import io.livemodel.cluster.Node;
import io.livemodel.cluster.StoreGuard;
import io.livemodel.config.ServerConfig;
import io.livemodel.config.StoreConfig;
import io.livemodel.crud.CrudVerticle;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.access.AccessControl;
import io.livemodel.crud.WriteClient;
import io.livemodel.filter.QueryLimits;
import io.livemodel.http.ConnectionClose;
import io.livemodel.http.HttpVerticle;
import io.livemodel.http.RequestGate;
import io.livemodel.http.StreamAdmission;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import io.livemodel.ops.Metrics;
import io.livemodel.ops.TimedStore;
import io.livemodel.relation.ImplicitThroughModels;
import io.livemodel.relation.IncludeLimits;
import io.livemodel.stream.SharedEncodings;
import io.livemodel.model.ModelReport;
import io.livemodel.store.Store;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.stream.ChangeBus;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import io.vertx.core.shareddata.LocalMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one bootstrap of a LiveModel node, used by {@link Main} and by tests: config → models → store
 * → change bus → CRUD verticle → HTTP verticles (→ TCP bridge).
 *
 * <p>One node per Vert.x instance: a second start on the same instance is refused (both would
 * consume the node-local CRUD address and the change addresses).
 *
 * <p>A clustered node on the embedded store is refused with {@link Clustering#SHARED_STORE_REQUIRED}:
 * nodes would otherwise keep diverging copies of the data.
 */
public final class LiveModelServer {

  /** The start-up failure of a second node on one Vert.x instance. */
  public static final String ONE_NODE_PER_VERTX =
      "a LiveModel server already runs on this Vert.x instance: start each node on a Vert.x of its own";
  private static final String REGISTRY = "livemodel.nodes";

  private final Node node;
  private final ServerConfig config;
  private final ModelRegistry models;
  private final Store store;
  private final ChangeBus bus;
  private AccessControl access;
  private final List<HttpVerticle> httpVerticles = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private final RequestGate gate;
  /** The Netty transport {@link #launch} chose; an embedder's own Vert.x chose its own. */
  private volatile String transport = "the embedder's";

  private LiveModelServer(Node node, ServerConfig config, ModelRegistry models, Store store) {
    this.node = node;
    this.config = config;
    this.models = models;
    this.store = store;
    this.bus = new ChangeBus(node.vertx(), store, config.stream().gapWaitMillis());
    this.gate = new RequestGate(config.maxRequestsInFlightPerClient(), config.bridge().sockJsPath());
  }

  /**
   * Starts a node on a Vert.x of its own, clustered when the config says so ({@link Main}). On
   * failure the Vert.x instance is closed again.
   */
  public static Future<LiveModelServer> launch(ServerConfig config) {
    ModelRegistry models;
    try {
      Clustering.requireSharedStore(config);
      models = loadModels(config);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    // Netty's io_uring transport where the kernel allows it, else epoll, else NIO (NetTransport).
    Transport transport;
    try {
      transport = NetTransport.choose(System.getenv(NetTransport.ENV));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    VertxOptions options = Metrics.vertxOptions(new VertxOptions().setPreferNativeTransport(true), config.ops());
    Future<Node> node = (config.cluster().enabled() ? Clustering.vertx(config.cluster(), options, transport)
        : Future.succeededFuture(Node.standalone(Vertx.builder().with(options).withTransport(transport).build())))
        .map(n -> {
          Metrics.bind(n.vertx(), options);
          return n;
        });
    return node.compose(n -> start(n, config, models, createStore(config))
        .onFailure(e -> n.vertx().close()))
        .map(server -> {
          server.transport = NetTransport.describe(transport);
          return server;
        });
  }

  /** Starts a node with the store the config names. */
  public static Future<LiveModelServer> start(Node node, ServerConfig config) {
    return start(node, config, null);
  }

  /** Starts a node on a given store (not yet opened), or on the config's store if {@code store} is null. */
  public static Future<LiveModelServer> start(Node node, ServerConfig config, Store store) {
    try {
      ModelRegistry models = loadModels(config);
      return start(node, config, models, store != null ? store : createStore(config));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static Future<LiveModelServer> start(Node node, ServerConfig config, ModelRegistry models, Store store) {
    try {
      // Clustered nodes each run their own store instance: it must be one shared database.
      Clustering.requireSharedStore(config, node.clustered() || node.vertx().isClustered());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    LocalMap<String, Boolean> registry = node.vertx().sharedData().getLocalMap(REGISTRY);
    if (registry.putIfAbsent("node", true) != null) {
      return Future.failedFuture(new IllegalStateException(ONE_NODE_PER_VERTX));
    }
    // Query cost limits are process-wide (patterns are parsed before any store or verticle sees them).
    QueryLimits.install(config.query());
    LiveModelServer server = new LiveModelServer(node, config, models,
        config.ops().metricsEnabled() ? TimedStore.wrap(node.vertx(), store) : store);
    return server.deploy().map(server).onFailure(e -> registry.remove("node"));
  }

  /**
   * Loads every model source of the config (plain folders or LoopBack app folders), in order (a
   * later model replaces one of the same name), adds the implicit through models of
   * hasAndBelongsToMany relations, and reports what was loaded.
   */
  public static ModelRegistry loadModels(ServerConfig config) {
    ModelRegistry loaded = ModelLoader.loadAll(config.modelDirs());
    ModelRegistry models = new ModelRegistry(ImplicitThroughModels.addTo(List.copyOf(loaded.all())), loaded.notes());
    ModelReport.log(models);
    return models;
  }

  /** The store the config names, not yet opened. */
  static Store createStore(ServerConfig config) {
    StoreConfig store = config.store();
    if (StoreConfig.POSTGRES.equals(store.type())) {
      return new PgStore(new PgStoreOptions(store.postgresUrl(), store.poolSize(),
          Duration.ofMillis(store.statementTimeoutMs()), store.postgresSchema(), store.maxConnectionsPerClient()),
          config.stream().retention());
    }
    return new MemoryStore(store.dataDir() == null
        ? MemoryStoreOptions.inMemory()
        : MemoryStoreOptions.journaled(store.dataDir()), config.stream().retention());
  }

  private Future<Void> deploy() {
    Vertx vertx = node.vertx();
    ModelOperations operations;
    try {
      operations = new ModelOperations(store, models, IncludeLimits.of(config.query()));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);  // a relation that cannot be resolved
    }
    SharedEncodings encodings = new SharedEncodings();
    StreamAdmission admission = new StreamAdmission(config.stream().limits());
    return store.open(vertx, models.all())
        .compose(v -> node.clustered() ? store.identity().compose(id -> StoreGuard.requireSameStore(node, id))
            : Future.succeededFuture())
        .compose(v -> bus.start(models.all()))
        .compose(v -> AccessControl.start(vertx, models, store, bus))
        .compose(started -> {
          access = started;
          return vertx.deployVerticle(new CrudVerticle(operations, bus));
        })
        .compose(id -> {
          deployments.add(id);
          DeploymentOptions options = new DeploymentOptions().setInstances(config.effectiveHttpInstances());
          return vertx.deployVerticle(() -> {
            HttpVerticle verticle = new HttpVerticle(config, models, operations, store, bus, encodings, admission,
                node.clusterManager(), access, gate);
            httpVerticles.add(verticle);
            return verticle;
          }, options);
        })
        .compose(id -> {
          deployments.add(id);
          return config.bridge().tcpPort() > 0
              ? vertx.deployVerticle(new TcpBridgeVerticle(models, operations, config.bridge(), access, ConnectionClose::now)).map(deployments::add)
              : Future.succeededFuture();
        })
        .onFailure(e -> {
          deployments.forEach(vertx::undeploy);
          store.close();
        })
        .mapEmpty();
  }

  /** The HTTP port actually bound. */
  public int port() {
    return httpVerticles.get(0).actualPort();
  }

  /** The Netty transport this node runs on ({@code io_uring}, {@code epoll}, {@code nio}), as {@link #launch} chose it. */
  public String transport() {
    return transport;
  }

  public Vertx vertx() {
    return node.vertx();
  }

  /** Whether this node runs in a cluster, and its node id and members: what {@code GET /health} answers. */
  public io.vertx.core.spi.cluster.ClusterManager clusterManager() {
    return node.clusterManager();
  }

  public ModelRegistry models() {
    return models;
  }

  /**
   * Writes for code embedding LiveModel: the same path as REST and bridge writes (the CRUD
   * verticle, LoopBack's semantics, changes published after commit).
   */
  public WriteClient writes() {
    return new WriteClient(node.vertx());
  }

  public Store store() {
    return store;
  }

  /** Client addresses with requests in progress on this node (0 once every request has ended). */
  public int clientsWithRequestsInProgress() {
    return gate.clients();
  }

  /** Requests of this client address in progress on this node. */
  public int requestsInProgress(String client) {
    return gate.inProgress(client);
  }

  /** Open change streams on this node, over all HTTP verticles. */
  public int subscriberCount() {
    return httpVerticles.stream().mapToInt(v -> v.hub().subscriberCount()).sum();
  }

  /** Distinct filter groups held by the fan-out of this node (0 once every stream is gone). */
  public int filterGroupCount() {
    return httpVerticles.stream().mapToInt(v -> v.hub().groupCount()).sum();
  }

  /** Undeploys the verticles (closing open streams), stops the change bus and closes the store. */
  public Future<Void> stop() {
    List<Future<Void>> undeployed = new ArrayList<>();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      undeployed.add(node.vertx().undeploy(deployments.get(i)));
    }
    return Future.join(undeployed)
        .eventually(bus::stop)
        .eventually(() -> node.clustered() ? StoreGuard.leave(node) : Future.succeededFuture())
        .eventually(store::close)
        .eventually(() -> {
          Metrics.forget(node.vertx());
          node.vertx().sharedData().getLocalMap(REGISTRY).remove("node");
          return Future.succeededFuture();
        })
        .mapEmpty();
  }
}
