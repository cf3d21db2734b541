package io.livemodel.testing;

import io.livemodel.config.Retention;
import io.livemodel.LiveModelServer;
import io.livemodel.cluster.Node;
import io.livemodel.config.BridgeConfig;
import io.livemodel.config.ClusterConfig;
import io.livemodel.config.QueryConfig;
import io.livemodel.config.ServerConfig;
import io.livemodel.config.StreamConfig;
import io.livemodel.config.StreamLimits;
import io.livemodel.config.StoreConfig;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * A real LiveModel node for tests: its own Vert.x, port 0 on 127.0.0.1 (the bound port is
 * {@link #port()}), the memory store without journal unless told otherwise. Close it in {@code @AfterEach}/{@code @AfterAll}.
 */
public final class TestServer implements AutoCloseable {

  /** The repository's shipped model folder. */
  public static final Path CONF_MODELS = Path.of("conf/models");
  /** The two models of API.md (MyModel, Note), as a LoopBack user would bring them. */
  public static final Path API_MODELS = Path.of("src/test/resources/api-models");

  public final Vertx vertx;
  public final LiveModelServer server;
  public final ServerConfig config;

  private final Runnable onClose;

  private TestServer(Vertx vertx, LiveModelServer server, ServerConfig config, Runnable onClose) {
    this.vertx = vertx;
    this.server = server;
    this.config = config;
    this.onClose = onClose;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The memory store, no journal, API.md's models. */
  public static TestServer start() {
    return builder().build();
  }

  public int port() {
    return server.port();
  }

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    try {
      server.stop().await();
    } finally {
      vertx.close().await();
      onClose.run();
    }
  }

  /**
   * A port that was free a moment ago. Racy (another process may bind it before the caller does):
   * only for what cannot listen on port 0 and report the port it got (the TCP bridge, where 0 means
   * off; a metrics management port; a cluster member started as another process; nginx). Servers
   * ({@link #port()}) and in-JVM cluster members (TestCluster) listen on port 0.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds test servers; every setting has a test-friendly default. */
  public static final class Builder {
    private static final ServerConfig DEFAULTS = ServerConfig.defaults();
    private List<Path> modelDirs = List.of(API_MODELS);
    /** The memory store without journal, a small pool for PostgreSQL stores. */
    private StoreConfig store = new StoreConfig(StoreConfig.MEMORY, null, DEFAULTS.store().postgresUrl(), 4,
        DEFAULTS.store().statementTimeoutMs());
    private java.util.function.Function<Retention, Store> storeFactory;
    private Runnable onClose = () -> { };
    /** Two, so that every test runs with more than one fan-out, whatever the machine's cores. */
    private int httpInstances = 2;
    private long bodyLimit = DEFAULTS.bodyLimit();
    private int idleTimeoutSeconds = 30;
    private int heartbeatSeconds = DEFAULTS.stream().heartbeatSeconds();
    private int retryMs = DEFAULTS.stream().retryMs();
    private long gapWaitMillis = DEFAULTS.stream().gapWaitMillis();
    private long maxQueuedBytes = DEFAULTS.stream().maxQueuedBytes();
    private boolean streamTcpNoDelay = DEFAULTS.stream().tcpNoDelay();
    private Retention retention = DEFAULTS.stream().retention();
    private StreamLimits streamLimits = DEFAULTS.stream().limits();
    private QueryConfig query = DEFAULTS.query();
    private int maxRequestsInFlightPerClient = DEFAULTS.maxRequestsInFlightPerClient();

    /** The {@code query} config section (pattern and include limits). */
    public Builder query(QueryConfig config) {
      this.query = config;
      return this;
    }

    /** {@code http.maxRequestsInFlightPerClient} (0: no limit). */
    public Builder maxRequestsInFlightPerClient(int value) {
      this.maxRequestsInFlightPerClient = value;
      return this;
    }

    public Builder streamLimits(StreamLimits limits) {
      this.streamLimits = limits;
      return this;
    }

    /** {@code stream.tcpNoDelay}: false lets the kernel coalesce a stream's sends (Nagle). */
    public Builder streamTcpNoDelay(boolean noDelay) {
      this.streamTcpNoDelay = noDelay;
      return this;
    }

    public Builder maxQueuedBytes(long bytes) {
      this.maxQueuedBytes = bytes;
      return this;
    }

    public Builder retention(Retention value) {
      this.retention = value;
      return this;
    }
    private Node node;
    private BridgeConfig bridge = DEFAULTS.bridge();
    private ClusterConfig cluster = DEFAULTS.cluster();

    public Builder bridge(BridgeConfig config) {
      this.bridge = config;
      return this;
    }

    public Builder cluster(ClusterConfig config) {
      this.cluster = config;
      return this;
    }

    public Builder models(Path... dirs) {
      this.modelDirs = List.of(dirs);
      return this;
    }

    public Builder store(StoreConfig config) {
      this.store = config;
      return this;
    }

    /** Uses this store instance (not yet opened) instead of one made from the store config. */
    public Builder store(Store instance) {
      this.storeFactory = retention -> instance;
      return this;
    }

    /** Makes the store (not yet opened) with the builder's retention when the server is built. */
    public Builder store(java.util.function.Function<Retention, Store> factory) {
      this.storeFactory = factory;
      return this;
    }

    /** Runs after the server and its Vert.x are closed (e.g. dropping a test schema). */
    public Builder onClose(Runnable cleanup) {
      this.onClose = cleanup;
      return this;
    }

    public Builder httpInstances(int n) {
      this.httpInstances = n;
      return this;
    }

    public Builder bodyLimit(long bytes) {
      this.bodyLimit = bytes;
      return this;
    }

    public Builder idleTimeoutSeconds(int seconds) {
      this.idleTimeoutSeconds = seconds;
      return this;
    }

    public Builder heartbeatSeconds(int seconds) {
      this.heartbeatSeconds = seconds;
      return this;
    }

    /** Runs the server on this (unclustered) Vert.x, which the test closes. */
    public Builder vertx(Vertx instance) {
      return node(Node.standalone(instance));
    }

    /** Runs the server on this node's Vert.x (clustered or not), which the test closes. */
    public Builder node(Node instance) {
      this.node = instance;
      return this;
    }

    public ServerConfig config() {
      // Port 0: the server binds a free port itself (read back with port()), so no other process can
      // take it between choosing and binding.
      return new ServerConfig("127.0.0.1", 0, DEFAULTS.restApiRoot(), modelDirs, store, httpInstances, bodyLimit,
          idleTimeoutSeconds, DEFAULTS.maxHeaderSize(),
          new StreamConfig(heartbeatSeconds, retryMs, gapWaitMillis, maxQueuedBytes, retention, streamLimits,
              streamTcpNoDelay), bridge, cluster,
          query).withMaxRequestsInFlightPerClient(maxRequestsInFlightPerClient);
    }

    public TestServer build() {
      Node n = node != null ? node : Node.standalone(Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)));
      ServerConfig config = config();
      try {
        Store store = storeFactory == null ? null : storeFactory.apply(retention);
        LiveModelServer server = LiveModelServer.start(n, config, store).await();
        return new TestServer(n.vertx(), server, config, onClose);
      } catch (RuntimeException e) {
        if (node == null) {
          n.vertx().close();
        }
        throw e;
      }
    }
  }
}
