package io.livemodel.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole server configuration: {@code conf/config.json} with environment overrides applied and
 * every value validated ({@link ConfigLoader}).
 *
 * @param host the interface the HTTP server binds to
 * @param port the HTTP port
 * @param restApiRoot the REST prefix, {@code /api}
 * @param modelDirs folders of LoopBack model files, loaded in this order; a later folder's model
 *     replaces an earlier one of the same name
 * @param store the store settings
 * @param httpInstances HTTP verticle instances; 0 means one per core
 * @param bodyLimit the largest request body in bytes (413 above it)
 * @param idleTimeoutSeconds a connection that carries no request and no stream for this long is closed
 * @param maxHeaderSize the largest request header block in bytes
 * @param stream change-stream settings
 * @param bridge the event-bus bridges
 * @param cluster clustering
 * @param ops metrics and logging ({@code "metrics"}, {@code "logging"})
 * @param query query cost limits
 * @param cors cross-origin headers and preflights ({@code http.cors})
 * @param maxRequestsInFlightPerClient requests one client address may have in progress on the node
 *     ({@code http.maxRequestsInFlightPerClient}; 429 above it, 0: no limit)
 */
public record ServerConfig(
    String host,
    int port,
    String restApiRoot,
    List<Path> modelDirs,
    StoreConfig store,
    int httpInstances,
    long bodyLimit,
    int idleTimeoutSeconds,
    int maxHeaderSize,
    StreamConfig stream,
    BridgeConfig bridge,
    ClusterConfig cluster,
    OpsConfig ops,
    QueryConfig query,
    CorsConfig cors,
    int maxRequestsInFlightPerClient) {

  /** The default of {@code http.maxRequestsInFlightPerClient}. */
  public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT_PER_CLIENT = 64;

  /** A configuration with the default metrics, logging, query limits and LoopBack's scaffolded CORS. */
  public ServerConfig(String host, int port, String restApiRoot, List<Path> modelDirs, StoreConfig store,
                      int httpInstances, long bodyLimit, int idleTimeoutSeconds, int maxHeaderSize,
                      StreamConfig stream, BridgeConfig bridge, ClusterConfig cluster) {
    this(host, port, restApiRoot, modelDirs, store, httpInstances, bodyLimit, idleTimeoutSeconds, maxHeaderSize,
        stream, bridge, cluster, OpsConfig.defaults(), QueryConfig.defaults(), CorsConfig.defaults(),
        DEFAULT_MAX_REQUESTS_IN_FLIGHT_PER_CLIENT);
  }

  /** A configuration with these metrics and logging settings, and the default query limits. */
  public ServerConfig(String host, int port, String restApiRoot, List<Path> modelDirs, StoreConfig store,
                      int httpInstances, long bodyLimit, int idleTimeoutSeconds, int maxHeaderSize,
                      StreamConfig stream, BridgeConfig bridge, ClusterConfig cluster, OpsConfig ops) {
    this(host, port, restApiRoot, modelDirs, store, httpInstances, bodyLimit, idleTimeoutSeconds, maxHeaderSize,
        stream, bridge, cluster, ops, QueryConfig.defaults(), CorsConfig.defaults(), DEFAULT_MAX_REQUESTS_IN_FLIGHT_PER_CLIENT);
  }

  /** A configuration with these query limits, and the default metrics and logging settings. */
  public ServerConfig(String host, int port, String restApiRoot, List<Path> modelDirs, StoreConfig store,
                      int httpInstances, long bodyLimit, int idleTimeoutSeconds, int maxHeaderSize,
                      StreamConfig stream, BridgeConfig bridge, ClusterConfig cluster, QueryConfig query) {
    this(host, port, restApiRoot, modelDirs, store, httpInstances, bodyLimit, idleTimeoutSeconds, maxHeaderSize,
        stream, bridge, cluster, OpsConfig.defaults(), query, CorsConfig.defaults(), DEFAULT_MAX_REQUESTS_IN_FLIGHT_PER_CLIENT);
  }

  /** This configuration with other CORS settings. */
  public ServerConfig withCors(CorsConfig value) {
    return new ServerConfig(host, port, restApiRoot, modelDirs, store, httpInstances, bodyLimit, idleTimeoutSeconds,
        maxHeaderSize, stream, bridge, cluster, ops, query, value, maxRequestsInFlightPerClient);
  }

  /** This configuration with another {@code http.maxRequestsInFlightPerClient}. */
  public ServerConfig withMaxRequestsInFlightPerClient(int value) {
    return new ServerConfig(host, port, restApiRoot, modelDirs, store, httpInstances, bodyLimit, idleTimeoutSeconds,
        maxHeaderSize, stream, bridge, cluster, ops, query, cors, value);
  }

  /**
   * Every default in one place: what a config file that sets nothing means ({@link ConfigLoader}
   * starts from it, and so do the tests' servers). No model folder.
   */
  public static ServerConfig defaults() {
    return new ServerConfig("0.0.0.0", 3000, "/api", List.of(), StoreConfig.defaults(), 0, 1024L * 1024, 120, 16 * 1024,
        StreamConfig.defaults(), BridgeConfig.defaults(), ClusterConfig.disabled());
  }

  /** The effective number of HTTP verticle instances. */
  public int effectiveHttpInstances() {
    return httpInstances > 0 ? httpInstances : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
