package io.livemodel.ops;

import io.livemodel.stream.StreamMetrics;

import io.livemodel.config.ServerConfig;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.model.PropertyDefinition;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Locale;
import java.util.Map;

/**
 * The live console at {@code /console/}: a static page (HTML, JS, CSS from the jar; no CDN, no build
 * step) that reads and writes records through the REST API and tails changes through the change
 * stream, like any client, passing the access token the user gives it. Its one endpoint of its own,
 * {@code GET /console/api/stats}, tells the models with their properties, the streams open on this
 * node per model and transport, and the node and its cluster's members.
 */
final class Console {

  private static final String PAGES = "io/livemodel/ops/console";

  private Console() {
  }

  static void mount(Router router, ServerConfig config, ModelRegistry models, ClusterManager cluster) {
    JsonArray modelList = models(models);
    router.get("/console").handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.redirect("/console/");
      }
    });
    router.get("/console/api/stats").handler(ctx -> stats(ctx, config, models, modelList, cluster));
    router.get("/console/*").handler(StaticHandler.create(PAGES).setIndexPage("index.html").setCachingEnabled(false));
  }

  private static JsonArray models(ModelRegistry models) {
    JsonArray out = new JsonArray();
    for (ModelDefinition model : models.all()) {
      JsonArray properties = new JsonArray();
      for (PropertyDefinition property : model.properties().values()) {
        properties.add(new JsonObject().put("name", property.name())
            .put("type", property.type().name().toLowerCase(Locale.ROOT))
            .put("required", property.required()).put("id", property.id()));
      }
      out.add(new JsonObject().put("name", model.name()).put("plural", model.plural())
          .put("strict", model.strict()).put("idName", model.idName()).put("properties", properties));
    }
    return out;
  }

  private static void stats(RoutingContext ctx, ServerConfig config, ModelRegistry models, JsonArray modelList,
                            ClusterManager cluster) {
    Vertx vertx = ctx.vertx();
    vertx.executeBlocking(() -> node(cluster), false).onComplete(node -> {
      StreamMetrics metrics = MicrometerStreamMetrics.of(vertx);
      JsonObject streams = new JsonObject();
      for (ModelDefinition model : models.all()) {
        Map<String, Long> open = metrics instanceof MicrometerStreamMetrics m ? m.openStreams(model.name()) : Map.of();
        streams.put(model.name(), new JsonObject(Map.copyOf(open)));
      }
      JsonObject body = new JsonObject()
          .put("restApiRoot", config.restApiRoot())
          .put("store", config.store().type())
          .put("node", node.succeeded() ? node.result() : new JsonObject().put("error", "cluster unreachable"))
          .put("models", modelList)
          .put("streams", streams);
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-cache").end(body.toBuffer());
    });
  }

  /** Membership calls may block while the cluster changes: runs on a worker. */
  private static JsonObject node(ClusterManager cluster) {
    if (cluster == null) {
      return new JsonObject().put("clustered", false);
    }
    return new JsonObject().put("clustered", true).put("nodeId", cluster.getNodeId())
        .put("members", new JsonArray(cluster.getNodes().stream().sorted().toList()));
  }
}
