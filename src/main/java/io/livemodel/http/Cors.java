package io.livemodel.http;

import io.livemodel.config.CorsConfig;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS as a scaffolded LoopBack 3 app answers it (the {@code cors} 2.8.5 middleware with
 * {@code origin: true, credentials: true, maxAge: 86400}, measured in {@code lb-apps/acl-app}):
 * <ul>
 *   <li>every answer, errors, change streams and the SockJS bridge included, carries {@code Vary: Origin}
 *       and (with {@code credentials}) {@code Access-Control-Allow-Credentials: true}, also without an
 *       {@code Origin}; {@code Access-Control-Allow-Origin} echoes the request's {@code Origin} when it is
 *       allowed (any, unless an allow-list is configured) and is absent otherwise;</li>
 *   <li>every {@code OPTIONS}, whatever its path and with or without {@code Origin}, is a preflight
 *       answered here with 204: {@code Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE},
 *       the requested headers echoed in {@code Access-Control-Allow-Headers},
 *       {@code Access-Control-Max-Age}, {@code Vary: Origin, Access-Control-Request-Headers}.</li>
 * </ul>
 * A disallowed origin is not refused (as with {@code cors}): its answers lack Allow-Origin, so a
 * browser withholds them from the page. Vert.x web's {@code CorsHandler} cannot stand in: it adds
 * nothing to a request without {@code Origin} and refuses unknown origins with 403.
 */
public final class Cors implements Handler<RoutingContext> {

  static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";
  private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
  private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

  private final CorsConfig config;
  private final String maxAge;

  private Cors(CorsConfig config) {
    this.config = config;
    this.maxAge = Integer.toString(config.maxAgeSeconds());
  }

  /** Mounts the handler on every path, ahead of the routes mounted after it; nothing when disabled. */
  public static void mount(Router router, CorsConfig config) {
    if (config.enabled()) {
      router.route().handler(new Cors(config));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    boolean echo = config.allows(origin);
    apply(response.headers(), origin, echo);
    // Applied again just before the head is written: the SockJS bridge sets its own Allow-Origin
    // ("*" without an Origin) and Allow-Credentials, and these settings win.
    ctx.addHeadersEndHandler(v -> apply(response.headers(), origin, echo));
    if (request.method() != HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    MultiMap headers = response.headers();
    headers.set("Access-Control-Allow-Methods", METHODS);
    String requested = request.getHeader(REQUEST_HEADERS);
    if (requested != null && !requested.isEmpty()) {
      headers.set("Access-Control-Allow-Headers", requested);
    }
    addVary(headers, REQUEST_HEADERS);
    headers.set("Access-Control-Max-Age", maxAge);
    response.setStatusCode(204).putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
  }

  private void apply(MultiMap headers, String origin, boolean echo) {
    if (echo) {
      headers.set(ALLOW_ORIGIN, origin);
    } else {
      headers.remove(ALLOW_ORIGIN);
    }
    if (config.credentials()) {
      headers.set(ALLOW_CREDENTIALS, "true");
    } else {
      headers.remove(ALLOW_CREDENTIALS);
    }
    addVary(headers, "Origin");
  }

  /** Adds a field to {@code Vary} unless it is there (as the {@code vary} package does). */
  static void addVary(MultiMap headers, String field) {
    String vary = headers.get(HttpHeaders.VARY);
    if (vary == null || vary.isBlank()) {
      headers.set(HttpHeaders.VARY, field);
      return;
    }
    for (String present : vary.split(",")) {
      String name = present.trim();
      if (name.equalsIgnoreCase(field) || name.equals("*")) {
        return;
      }
    }
    headers.set(HttpHeaders.VARY, vary + ", " + field);
  }
}
