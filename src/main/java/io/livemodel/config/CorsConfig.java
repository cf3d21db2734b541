package io.livemodel.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cross-origin settings ({@code http.cors} in the config file), defaulting to what a scaffolded
 * LoopBack 3 app's {@code cors} middleware does ({@code origin: true, credentials: true, maxAge: 86400}).
 *
 * @param enabled whether CORS headers are sent and {@code OPTIONS} preflights answered (default true)
 * @param origins the origins whose {@code Origin} is echoed in {@code Access-Control-Allow-Origin};
 *     empty means any origin (the default)
 * @param credentials whether every answer says {@code Access-Control-Allow-Credentials: true}
 * @param maxAgeSeconds the preflight's {@code Access-Control-Max-Age}
 */
public record CorsConfig(boolean enabled, List<String> origins, boolean credentials, int maxAgeSeconds) {

  /** The environment variable: {@code off}, {@code *} (any origin) or a comma-separated allow-list. */
  public static final String ENV = "LIVEMODEL_CORS_ORIGINS";

  public CorsConfig {
    origins = List.copyOf(origins);
  }

  public static CorsConfig defaults() {
    return new CorsConfig(true, List.of(), true, 86400);
  }

  /** Whether a request's {@code Origin} is echoed back (never for a missing or empty one). */
  public boolean allows(String origin) {
    return origin != null && !origin.isEmpty() && (origins.isEmpty() || origins.contains(origin));
  }

  /**
   * Reads {@code http.cors} ({@code json} may be empty) and applies {@link #ENV}.
   *
   * @throws IllegalArgumentException naming {@code where} (or the variable) and the problem
   */
  static CorsConfig from(JsonObject json, Map<String, String> env, String where) {
    CorsConfig d = defaults();
    boolean enabled = json.getBoolean("enabled", d.enabled());
    List<String> origins = origins(json.getValue("origins"), where + ": http.cors.origins");
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      enabled = !fromEnv.trim().equalsIgnoreCase("off");
      origins = enabled ? origins(List.of(fromEnv.split(",")), "environment variable " + ENV) : List.of();
    }
    int maxAge = json.getInteger("maxAgeSeconds", d.maxAgeSeconds());
    if (maxAge < 0) {
      throw new IllegalArgumentException(where + ": http.cors.maxAgeSeconds must be >= 0, not " + maxAge);
    }
    return new CorsConfig(enabled, origins, json.getBoolean("credentials", d.credentials()), maxAge);
  }

  /** An allow-list: null, {@code "*"} or a list holding {@code "*"} mean any origin. */
  private static List<String> origins(Object value, String what) {
    if (value == null || "*".equals(value)) {
      return List.of();
    }
    Iterable<?> items = value instanceof JsonArray array ? array : value instanceof List<?> list ? list : null;
    if (items == null) {
      throw new IllegalArgumentException(what + " must be \"*\" or a list of origins such as https://app.example");
    }
    List<String> out = new ArrayList<>();
    for (Object item : items) {
      String origin = String.valueOf(item).trim();
      if (origin.equals("*")) {
        return List.of();
      }
      // A browser's Origin is scheme://host[:port]: an entry with a path or a trailing slash never matches.
      if (!origin.matches("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s]+")) {
        throw new IllegalArgumentException(what + ": " + item + " is not an origin (scheme://host[:port], no path)");
      }
      out.add(origin);
    }
    return out;
  }
}
