package io.livemodel.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code conf/config.json} and applies environment overrides. Every problem fails with an
 * {@link IllegalArgumentException} whose message names the file (or variable) and the problem, so
 * that start-up can print it and exit.
 *
 * <p>Environment variables: {@code PORT}, {@code HOST}, {@code LIVEMODEL_MODELS} (an extra folder of
 * model files, loaded after the configured ones; a model of the same name replaces the configured
 * one), {@code LIVEMODEL_STORE} ({@code memory} or {@code postgres}), {@code LIVEMODEL_DATA} (journal
 * folder; {@code none} keeps data in memory only), {@code DATABASE_URL}, {@code LIVEMODEL_HTTP_INSTANCES},
 * {@code LIVEMODEL_HEARTBEAT_SECONDS}, {@code LIVEMODEL_PG_SCHEMA}, {@code LIVEMODEL_CORS_ORIGINS}
 * ({@link CorsConfig}).
 * Relative paths in the file are resolved against the file's folder; relative paths from the
 * environment against the working directory.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  public static ServerConfig load(Path file, Map<String, String> env) {
    JsonObject json = read(file);
    Path base = file.toAbsolutePath().getParent();
    String where = file.toString();
    try {
      return build(json, base, env, where);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(where + ": a setting has the wrong type (" + e.getMessage() + ")");
    }
  }

  private static JsonObject read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": config file not found");
    }
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage());
    }
  }

  private static ServerConfig build(JsonObject json, Path base, Map<String, String> env, String where) {
    ServerConfig defaults = ServerConfig.defaults();
    String host = env.getOrDefault("HOST", json.getString("host", defaults.host()));
    int port = intValue(env, "PORT", json.getValue("port", defaults.port()), where + ": port");
    check(port >= 0 && port <= 65535, where + ": port must be between 0 and 65535, not " + port);
    String root = json.getString("restApiRoot", defaults.restApiRoot());
    check(root.startsWith("/") && !root.endsWith("/") && root.length() > 1,
        where + ": restApiRoot must look like /api, not " + root);

    List<Path> modelDirs = new ArrayList<>();
    for (Object dir : json.getJsonArray("models", new JsonArray().add("models"))) {
      check(dir instanceof String, where + ": models must be a list of folder names");
      modelDirs.add(base.resolve((String) dir).normalize());
    }
    String extra = env.get("LIVEMODEL_MODELS");
    if (extra != null && !extra.isBlank()) {
      modelDirs.add(Path.of(extra).toAbsolutePath().normalize());
    }
    for (Path dir : modelDirs) {
      check(Files.isDirectory(dir), where + ": model folder " + dir + " does not exist");
    }

    StoreConfig store = store(json.getJsonObject("store", new JsonObject()), base, env, where);
    JsonObject http = json.getJsonObject("http", new JsonObject());
    int instances = intValue(env, "LIVEMODEL_HTTP_INSTANCES", http.getValue("instances", defaults.httpInstances()),
        where + ": http.instances");
    long bodyLimit = http.getLong("bodyLimit", defaults.bodyLimit());
    check(bodyLimit > 0, where + ": http.bodyLimit must be positive");
    int idle = http.getInteger("idleTimeoutSeconds", defaults.idleTimeoutSeconds());
    int maxHeader = http.getInteger("maxHeaderSize", defaults.maxHeaderSize());
    int perClient = http.getInteger("maxRequestsInFlightPerClient", defaults.maxRequestsInFlightPerClient());
    check(instances >= 0 && idle >= 0 && maxHeader >= 1024 && perClient >= 0,
        where + ": http.instances, idleTimeoutSeconds and maxRequestsInFlightPerClient must be >= 0, maxHeaderSize >= 1024");
    JsonObject stream = json.getJsonObject("stream", new JsonObject());
    StreamConfig d = defaults.stream();
    int heartbeat = intValue(env, "LIVEMODEL_HEARTBEAT_SECONDS", stream.getValue("heartbeatSeconds", d.heartbeatSeconds()),
        where + ": stream.heartbeatSeconds");
    int retry = stream.getInteger("retryMs", d.retryMs());
    long gapWait = stream.getLong("gapWaitMillis", d.gapWaitMillis());
    long maxQueued = stream.getLong("maxQueuedBytes", d.maxQueuedBytes());
    JsonObject retention = stream.getJsonObject("retention", new JsonObject());
    int maxChanges = retention.getInteger("maxChanges", d.retention().maxChanges());
    long maxAge = retention.getLong("maxAgeSeconds", d.retention().maxAgeSeconds());
    check(heartbeat >= 0 && retry >= 0 && gapWait >= 0, where + ": stream.heartbeatSeconds, retryMs and gapWaitMillis must be >= 0");
    check(maxQueued > 0 && maxChanges > 0 && maxAge >= 0,
        where + ": stream.maxQueuedBytes and retention.maxChanges must be positive, retention.maxAgeSeconds >= 0");
    boolean tcpNoDelay = booleanValue(env, "LIVEMODEL_STREAM_TCP_NODELAY", stream.getValue("tcpNoDelay", d.tcpNoDelay()),
        where + ": stream.tcpNoDelay");
    StreamConfig streamConfig = new StreamConfig(heartbeat, retry, gapWait, maxQueued,
        new Retention(maxChanges, maxAge), limits(stream.getJsonObject("limits", new JsonObject()), d.limits(), where),
        tcpNoDelay);
    return new ServerConfig(host, port, root, List.copyOf(modelDirs), store, instances, bodyLimit, idle,
        maxHeader, streamConfig, bridge(json.getJsonObject("bridge", new JsonObject()), where),
        cluster(json.getJsonObject("cluster", new JsonObject()), env, where), OpsConfig.read(json, env, where),
        query(json.getJsonObject("query", new JsonObject()), where),
        CorsConfig.from(http.getJsonObject("cors", new JsonObject()), env, where), perClient);
  }

  private static StreamLimits limits(JsonObject json, StreamLimits d, String where) {
    StreamLimits limits = new StreamLimits(
        json.getInteger("maxStreamsPerClient", d.maxStreamsPerClient()),
        json.getInteger("maxStreams", d.maxStreams()),
        json.getInteger("reservedFileDescriptors", d.reservedFileDescriptors()),
        json.getLong("maxQueuedBytesTotal", d.maxQueuedBytesTotal()),
        json.getInteger("retryAfterSeconds", d.retryAfterSeconds()));
    check(limits.maxStreamsPerClient() >= 0 && limits.maxStreams() >= 0 && limits.reservedFileDescriptors() >= 0
        && limits.maxQueuedBytesTotal() > 0 && limits.retryAfterSeconds() > 0,
        where + ": stream.limits: maxStreamsPerClient, maxStreams and reservedFileDescriptors must be >= 0, "
            + "maxQueuedBytesTotal and retryAfterSeconds positive");
    return limits;
  }

  private static QueryConfig query(JsonObject json, String where) {
    QueryConfig d = QueryConfig.defaults();
    QueryConfig config = new QueryConfig(json.getInteger("maxPatternLength", d.maxPatternLength()),
        json.getInteger("maxPatternSize", d.maxPatternSize()),
        json.getInteger("maxRepeatNesting", d.maxRepeatNesting()),
        json.getLong("patternCacheBytes", d.patternCacheBytes()),
        json.getLong("timeoutMs", d.timeoutMs()),
        json.getLong("patternStatementTimeoutMs", d.patternStatementTimeoutMs()),
        json.getInteger("workers", d.workers()),
        json.getInteger("maxPatternQueriesPerClient", d.maxPatternQueriesPerClient()),
        json.getInteger("maxIncludeDepth", d.maxIncludeDepth()),
        json.getInteger("maxIncludedRows", d.maxIncludedRows()),
        json.getInteger("includeInqLimit", d.includeInqLimit()));
    String problem = config.problem();
    check(problem == null, where + ": " + problem);
    return config;
  }

  private static BridgeConfig bridge(JsonObject json, String where) {
    BridgeConfig d = BridgeConfig.defaults();
    String path = json.containsKey("sockJsPath") ? json.getString("sockJsPath") : d.sockJsPath();
    check(path == null || path.startsWith("/"), where + ": bridge.sockJsPath must start with / (or be null)");
    int tcpPort = json.getInteger("tcpPort", d.tcpPort());
    check(tcpPort >= 0 && tcpPort <= 65535, where + ": bridge.tcpPort must be between 0 and 65535");
    return new BridgeConfig(path, tcpPort, json.getString("tcpHost", d.tcpHost()),
        json.getBoolean("inboundCrud", d.inboundCrud()),
        json.getInteger("maxHandlersPerSocket", d.maxHandlersPerSocket()),
        json.getInteger("maxAddressLength", d.maxAddressLength()),
        json.getInteger("maxMessageBytes", d.maxMessageBytes()),
        positive(json.getLong("maxQueuedBytes", d.maxQueuedBytes()), where + ": bridge.maxQueuedBytes"));
  }

  private static ClusterConfig cluster(JsonObject json, Map<String, String> env, String where) {
    ClusterConfig d = ClusterConfig.disabled();
    boolean enabled = booleanValue(env, "LIVEMODEL_CLUSTER", json.getValue("enabled", false), where + ": cluster.enabled");
    List<String> members = new ArrayList<>();
    String envMembers = env.get("LIVEMODEL_CLUSTER_MEMBERS");
    if (envMembers != null) {
      for (String m : envMembers.split(",")) {
        if (!m.isBlank()) {
          members.add(m.trim());
        }
      }
    } else {
      for (Object m : json.getJsonArray("members", new JsonArray(d.members()))) {
        members.add(String.valueOf(m));
      }
    }
    check(!members.isEmpty(), where + ": cluster.members must name at least one member");
    String iface = env.getOrDefault("LIVEMODEL_CLUSTER_INTERFACE", json.getString("interface", d.interfaceAddress()));
    int port = intValue(env, "LIVEMODEL_CLUSTER_PORT", json.getValue("port", d.port()), where + ": cluster.port");
    String busHost = env.getOrDefault("LIVEMODEL_CLUSTER_HOST", json.getString("eventBusHost", d.eventBusHost()));
    String name = env.getOrDefault("LIVEMODEL_CLUSTER_NAME", json.getString("name", d.name()));
    check(name != null && name.matches("[A-Za-z0-9._-]{1,100}"),
        where + ": cluster.name (or LIVEMODEL_CLUSTER_NAME) must be 1-100 letters, digits, '.', '_' or '-'");
    // The secret comes only from the environment: config files end up in repositories.
    String secret = env.get("LIVEMODEL_CLUSTER_SECRET");
    check(secret == null || secret.length() >= 16,
        "environment variable LIVEMODEL_CLUSTER_SECRET must be at least 16 characters");
    return new ClusterConfig(enabled, List.copyOf(members), iface, port, busHost, name, secret);
  }

  private static StoreConfig store(JsonObject json, Path base, Map<String, String> env, String where) {
    StoreConfig d = StoreConfig.defaults();
    String type = env.getOrDefault("LIVEMODEL_STORE", json.getString("type", d.type()));
    check(type.equals(StoreConfig.MEMORY) || type.equals(StoreConfig.POSTGRES),
        where + ": store.type (or LIVEMODEL_STORE) must be memory or postgres, not " + type);
    Path dataDir;
    String envData = env.get("LIVEMODEL_DATA");
    if (envData != null) {
      dataDir = envData.equals("none") ? null : Path.of(envData).toAbsolutePath().normalize();
    } else {
      String fileData = json.getString("dataDir", StoreConfig.DEFAULT_DATA_DIR);
      dataDir = fileData == null || fileData.equals("none") ? null : base.resolve(fileData).normalize();
    }
    JsonObject pg = json.getJsonObject("postgres", new JsonObject());
    String url = env.getOrDefault("DATABASE_URL", pg.getString("url", d.postgresUrl()));
    check(url.startsWith("postgresql://") || url.startsWith("postgres://"),
        where + ": store.postgres.url (or DATABASE_URL) must be a postgresql:// URI");
    int pool = pg.getInteger("poolSize", d.poolSize());
    int timeout = pg.getInteger("statementTimeoutMs", d.statementTimeoutMs());
    check(pool > 0 && timeout > 0, where + ": store.postgres.poolSize and statementTimeoutMs must be positive");
    String schema = env.getOrDefault("LIVEMODEL_PG_SCHEMA", pg.getString("schema"));
    check(schema == null || schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
        where + ": store.postgres.schema (or LIVEMODEL_PG_SCHEMA) must be a plain identifier, not " + schema);
    int perClient = pg.getInteger("maxConnectionsPerClient", StoreConfig.defaultConnectionsPerClient(pool));
    check(perClient >= 0, where + ": store.postgres.maxConnectionsPerClient must be >= 0 (0: no limit), not " + perClient);
    return new StoreConfig(type, dataDir, url, pool, timeout, schema, perClient);
  }

  private static int intValue(Map<String, String> env, String variable, Object fileValue, String what) {
    String fromEnv = env.get(variable);
    if (fromEnv != null) {
      try {
        return Integer.parseInt(fromEnv.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("environment variable " + variable + " must be a whole number, not " + fromEnv);
      }
    }
    if (fileValue instanceof Integer i) {
      return i;
    }
    throw new IllegalArgumentException(what + " must be a whole number, not " + fileValue);
  }

  /**
   * A true/false setting: the environment variable when it is set (exactly {@code true} or
   * {@code false}), else the file's value, which must be a JSON boolean. Anything else stops the start
   * with a message naming the variable or {@code what}: a misspelt switch is never read as off.
   */
  static boolean booleanValue(Map<String, String> env, String variable, Object fileValue, String what) {
    String fromEnv = env.get(variable);
    if (fromEnv != null) {
      check(fromEnv.equals("true") || fromEnv.equals("false"),
          "environment variable " + variable + " must be true or false, not " + fromEnv);
      return Boolean.parseBoolean(fromEnv);
    }
    check(fileValue instanceof Boolean, what + " must be true or false, not " + fileValue);
    return (Boolean) fileValue;
  }


  private static long positive(long value, String what) {
    check(value > 0, what + " must be positive, not " + value);
    return value;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
