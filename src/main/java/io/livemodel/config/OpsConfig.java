package io.livemodel.config;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The operator surface's settings: {@code "metrics"} and {@code "logging"} in {@code conf/config.json},
 * overridden by environment variables.
 *
 * @param metricsEnabled whether {@code /metrics} is served and Vert.x records metrics
 *     ({@code metrics.enabled}, {@code LIVEMODEL_METRICS})
 * @param metricsPort 0: {@code /metrics} on the HTTP port; else a management port of its own
 *     ({@code metrics.port}, {@code LIVEMODEL_METRICS_PORT})
 * @param metricsHost the management port's interface ({@code metrics.host}, {@code LIVEMODEL_METRICS_HOST})
 * @param metricsToken when set, {@code /metrics} answers only requests carrying
 *     {@code Authorization: Bearer <token>} or {@code ?token=<token>} ({@code metrics.token},
 *     {@code LIVEMODEL_METRICS_TOKEN})
 * @param logFormat {@code text} (one line per event) or {@code json} (one JSON object per line)
 *     ({@code logging.format}, {@code LIVEMODEL_LOG_FORMAT})
 * @param accessLog one line per HTTP request, off by default ({@code logging.accessLog},
 *     {@code LIVEMODEL_ACCESS_LOG})
 */
public record OpsConfig(
    boolean metricsEnabled,
    int metricsPort,
    String metricsHost,
    String metricsToken,
    String logFormat,
    boolean accessLog) {

  public static final String TEXT = "text";
  public static final String JSON = "json";

  public static OpsConfig defaults() {
    return new OpsConfig(true, 0, "127.0.0.1", null, TEXT, false);
  }

  /**
   * Reads the settings from the whole config file's JSON and the environment.
   *
   * @throws IllegalArgumentException naming {@code where} (the file) or the variable and the problem
   */
  public static OpsConfig read(JsonObject file, Map<String, String> env, String where) {
    OpsConfig d = defaults();
    JsonObject metrics = file.getJsonObject("metrics", new JsonObject());
    JsonObject logging = file.getJsonObject("logging", new JsonObject());
    boolean enabled = ConfigLoader.booleanValue(env, "LIVEMODEL_METRICS", metrics.getValue("enabled", d.metricsEnabled()),
        where + ": metrics.enabled");
    int port = integer(env, "LIVEMODEL_METRICS_PORT", metrics.getInteger("port", d.metricsPort()));
    check(port >= 0 && port <= 65535, where + ": metrics.port (or LIVEMODEL_METRICS_PORT) must be between 0 and 65535");
    String host = env.getOrDefault("LIVEMODEL_METRICS_HOST", metrics.getString("host", d.metricsHost()));
    String token = env.getOrDefault("LIVEMODEL_METRICS_TOKEN", metrics.getString("token"));
    if (token != null && token.isBlank()) {
      token = null;
    }
    String format = env.getOrDefault("LIVEMODEL_LOG_FORMAT", logging.getString("format", d.logFormat()));
    check(TEXT.equals(format) || JSON.equals(format),
        where + ": logging.format (or LIVEMODEL_LOG_FORMAT) must be text or json, not " + format);
    boolean access = ConfigLoader.booleanValue(env, "LIVEMODEL_ACCESS_LOG", logging.getValue("accessLog", d.accessLog()),
        where + ": logging.accessLog");
    return new OpsConfig(enabled, port, host, token, format, access);
  }


  private static int integer(Map<String, String> env, String variable, int fileValue) {
    String value = env.get(variable);
    if (value == null) {
      return fileValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("environment variable " + variable + " must be a whole number, not " + value);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
