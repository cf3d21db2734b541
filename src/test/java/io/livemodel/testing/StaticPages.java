package io.livemodel.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.Map;

/**
 * A tiny static HTTP server on 127.0.0.1 (its own Vert.x, a free port): pages of another origin than
 * the LiveModel server for browser tests. Serves each script of {@code scripts} at its path as
 * JavaScript, and {@code html} at every other path. Close it after the browser has left its pages.
 */
public final class StaticPages implements AutoCloseable {

  private final Vertx vertx;
  private final HttpServer server;

  private StaticPages(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Starts serving; {@code scripts} maps paths such as {@code /angular.js} to their bytes. */
  public static StaticPages serve(String html, Map<String, byte[]> scripts) {
    Vertx vertx = Vertx.vertx();
    HttpServer server = vertx.createHttpServer().requestHandler(req -> {
      byte[] script = scripts.get(req.path());
      if (script != null) {
        req.response().putHeader("Content-Type", "application/javascript").end(Buffer.buffer(script));
      } else {
        req.response().putHeader("Content-Type", "text/html").end(html);
      }
    });
    try {
      server.listen(0, "127.0.0.1").await();
    } catch (RuntimeException e) {
      vertx.close().await();
      throw e;
    }
    return new StaticPages(vertx, server);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
