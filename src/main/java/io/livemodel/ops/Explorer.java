package io.livemodel.ops;

import io.livemodel.config.ServerConfig;
import io.livemodel.model.ModelRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The API explorer: {@code /explorer/openapi.json} (and LoopBack's {@code /explorer/swagger.json},
 * the same document), and {@code /explorer/}, Swagger UI served from the {@code org.webjars:swagger-ui}
 * jar (no CDN) under a page of ours with LoopBack explorer's access-token box.
 */
final class Explorer {

  private static final String PAGES = "io/livemodel/ops/explorer";

  private Explorer() {
  }

  static void mount(Router router, ServerConfig config, ModelRegistry models) {
    Buffer document = OpenApi.document(models, config.restApiRoot()).toBuffer();
    // Vert.x matches "/explorer" for "/explorer/" too: only the bare path is redirected.
    router.get("/explorer").handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.redirect("/explorer/");
      }
    });
    router.get("/explorer/openapi.json").handler(ctx -> json(ctx, document));
    router.get("/explorer/swagger.json").handler(ctx -> json(ctx, document));
    router.get("/explorer/swagger-ui/*").handler(StaticHandler.create(swaggerUiRoot()));
    router.get("/explorer/*").handler(StaticHandler.create(PAGES).setIndexPage("index.html"));
  }

  private static void json(RoutingContext ctx, Buffer document) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(document);
  }

  /** The webjar's folder on the classpath; its version is read from the jar, so upgrades need no edit here. */
  static String swaggerUiRoot() {
    Properties pom = new Properties();
    try (InputStream in = Explorer.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the classpath");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the swagger-ui webjar's version", e);
    }
    return "META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version");
  }
}
