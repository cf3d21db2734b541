package io.livemodel.ops;

import static io.livemodel.ops.OpenApiSchemas.ref;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The OpenAPI 3.0 document of a node's REST API, generated from its loaded models: every
 * PersistedModel route of each model (API.md section 1) with its parameters, bodies, answers and
 * errors, and the change stream as {@code text/event-stream} with LoopBack's event shape. Paths are
 * relative to the server URL, the REST root ({@code /api}); operation ids follow LoopBack's
 * {@code Model.method}.
 */
public final class OpenApi {

  private OpenApi() {
  }

  public static JsonObject document(ModelRegistry models, String restApiRoot) {
    JsonObject paths = new JsonObject();
    JsonArray tags = new JsonArray();
    for (ModelDefinition model : models.all()) {
      tags.add(new JsonObject().put("name", model.name()));
      new ModelPaths(model).addTo(paths);
    }
    return new JsonObject()
        .put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", "LiveModel").put("version", "0.1.0")
            .put("description", "LoopBack 3 PersistedModel REST API and change streams"))
        .put("servers", new JsonArray().add(new JsonObject().put("url", restApiRoot)))
        .put("tags", tags)
        .put("paths", paths)
        .put("components", OpenApiSchemas.components(models.all()))
        // Either token form, or none (until access control is on, nothing is required).
        .put("security", new JsonArray()
            .add(new JsonObject().put(OpenApiSchemas.QUERY_TOKEN, new JsonArray()))
            .add(new JsonObject().put(OpenApiSchemas.HEADER_TOKEN, new JsonArray()))
            .add(new JsonObject()));
  }

  /** The paths of one model. */
  private static final class ModelPaths {
    private final ModelDefinition model;
    private final String base;

    ModelPaths(ModelDefinition model) {
      this.model = model;
      this.base = "/" + model.plural();
    }

    void addTo(JsonObject paths) {
      paths.put(base, new JsonObject()
          .put("get", op("find", "Find all instances matching the filter", param("filter"), null, array()))
          .put("post", op("create", "Create an instance (or, with an array body, several)", null, arrayBody(), instance()))
          .put("put", op("replaceOrCreate", "Replace an instance (by the id in the body) or create one", null, body(), instance()))
          .put("patch", op("upsert", "Patch an instance (by the id in the body) or create one", null, body(), instance())));
      paths.put(base + "/{id}", new JsonObject()
          .put("get", op("findById", "Find an instance by id", params("id", "filter"), null, instance()))
          .put("head", op("exists__head", "Whether an instance exists (200 or 404, no body)", param("id"), null, null))
          .put("put", op("replaceById", "Replace an instance", param("id"), body(), instance()))
          .put("patch", op("prototype.patchAttributes", "Patch an instance", param("id"), body(), instance()))
          .put("delete", op("deleteById", "Delete an instance", param("id"), null, json(ref("schemas", "Count")))));
      paths.put(base + "/{id}/exists", new JsonObject()
          .put("get", op("exists", "Whether an instance exists", param("id"), null,
              json(new JsonObject().put("type", "object")
                  .put("properties", new JsonObject().put("exists", new JsonObject().put("type", "boolean")))))));
      paths.put(base + "/{id}/replace", new JsonObject()
          .put("post", op("replaceById__post", "Replace an instance", param("id"), body(), instance())));
      paths.put(base + "/count", new JsonObject()
          .put("get", op("count", "Count the instances matching where", param("where"), null, json(ref("schemas", "Count")))));
      paths.put(base + "/findOne", new JsonObject()
          .put("get", op("findOne", "The first instance matching the filter (404 if none)", param("filter"), null, instance())));
      paths.put(base + "/replaceOrCreate", new JsonObject()
          .put("post", op("replaceOrCreate__post", "Replace an instance (by the id in the body) or create one", null, body(), instance())));
      paths.put(base + "/update", new JsonObject()
          .put("post", op("updateAll", "Patch every instance matching where (where is required)", param("where"), body(),
              json(ref("schemas", "Count")))));
      paths.put(base + "/upsertWithWhere", new JsonObject()
          .put("post", op("upsertWithWhere", "Patch the one instance matching where, or create one", param("where"), body(), instance())));
      paths.put(base + "/change-stream", new JsonObject()
          .put("get", stream("createChangeStream__get"))
          .put("post", stream("createChangeStream").put("requestBody", new JsonObject().put("required", false)
              .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", new JsonObject()
                  .put("type", "object").put("properties", new JsonObject()
                      .put("options", new JsonObject().put("type", "object")))))))));
    }

    private JsonObject op(String method, String summary, JsonArray parameters, JsonObject requestBody, JsonObject ok) {
      JsonObject responses = new JsonObject().put("200", ok != null ? ok : new JsonObject().put("description", "OK"))
          .put("400", ref("responses", "BadRequest"))
          .put("401", ref("responses", "Unauthorized"))
          .put("404", ref("responses", "NotFound"))
          .put("503", ref("responses", "Unavailable"));
      if (requestBody != null) {
        responses.put("422", ref("responses", "ValidationError"));
      }
      JsonObject op = new JsonObject().put("tags", new JsonArray().add(model.name()))
          .put("operationId", model.name() + "." + method)
          .put("summary", summary)
          .put("responses", responses);
      if (parameters != null) {
        op.put("parameters", parameters);
      }
      return requestBody == null ? op : op.put("requestBody", requestBody);
    }

    private JsonObject stream(String method) {
      String description = "Server-sent events: \":ok\", then per change \"id: <seq>\", \"event: data\", "
          + "\"data: <change JSON>\" (LoopBack's {target, where, data, type}). Resume with Last-Event-ID. "
          + "A client accepting only application/json gets LoopBack's newline-delimited stream instead.";
      JsonObject ok = new JsonObject().put("description", description).put("content", new JsonObject()
          .put("text/event-stream", new JsonObject()
              .put("schema", new JsonObject().put("type", "string").put("description", "event-stream frames"))
              .put("example", ":ok\n\nid: 1\nevent: data\ndata: {\"target\":1,\"data\":{\"id\":1},\"type\":\"create\"}\n\n"))
          .put("application/json", new JsonObject().put("schema", ref("schemas", model.name() + "Change"))));
      JsonArray parameters = params("options").add(new JsonObject().put("name", "_format").put("in", "query")
          .put("schema", new JsonObject().put("type", "string").put("enum", new JsonArray().add("event-stream"))));
      return op(method, "Subscribe to the model's changes", parameters, null, ok);
    }

    private JsonObject body() {
      return body(ref("schemas", model.name()));
    }

    /** An instance, or an array of them (create). */
    private JsonObject arrayBody() {
      return body(new JsonObject().put("oneOf", new JsonArray().add(ref("schemas", model.name()))
          .add(new JsonObject().put("type", "array").put("items", ref("schemas", model.name())))));
    }

    private static JsonObject body(JsonObject schema) {
      return new JsonObject().put("required", false).put("content", new JsonObject()
          .put("application/json", new JsonObject().put("schema", schema)));
    }

    private JsonObject instance() {
      return json(ref("schemas", model.name()));
    }

    private JsonObject array() {
      return json(new JsonObject().put("type", "array").put("items", ref("schemas", model.name())));
    }

    private static JsonObject json(JsonObject schema) {
      return new JsonObject().put("description", "OK").put("content", new JsonObject()
          .put("application/json", new JsonObject().put("schema", schema)));
    }

    private static JsonArray param(String name) {
      return params(name);
    }

    private static JsonArray params(String... names) {
      JsonArray out = new JsonArray();
      for (String name : names) {
        out.add(ref("parameters", name));
      }
      return out;
    }
  }
}
