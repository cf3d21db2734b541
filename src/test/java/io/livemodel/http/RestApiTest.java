package io.livemodel.http;

import static io.livemodel.http.ChangeStreamTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The PersistedModel REST API (API.md sections 1, 2 and 4)")
class RestApiTest {

  /** The server under test; subclasses run the same scenarios on another store. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(this::builder);

  private Api api;

  @BeforeEach
  void start() {
    api = live.api();
  }

  private JsonObject note(String json) {
    Api.Response r = api.post("/api/Notes", new JsonObject(json));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  @DisplayName("create answers 200 with the saved instance; ids are numbers from 1, never reused")
  void createAndIds() {
    Api.Response created = api.post("/api/MyModels", new JsonObject().put("foo", "bar"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(created.json()).isEqualTo(new JsonObject().put("foo", "bar").put("id", 1));
    assertThat(api.delete("/api/MyModels/1").json()).isEqualTo(new JsonObject().put("count", 1));
    assertThat(api.post("/api/MyModels", new JsonObject()).json()).isEqualTo(new JsonObject().put("id", 2));
    assertThat(api.post("/api/Notes", new JsonObject()).status()).isEqualTo(422);
    assertThat(note("{\"title\":\"t\"}").getInteger("id")).as("a failed create uses up no id").isEqualTo(1);
  }

  @Test
  @DisplayName("the body is read only for JSON and urlencoded content types; otherwise it is ignored")
  void bodyContentTypes() {
    assertThat(api.call(HttpMethod.POST, "/api/MyModels", (Object) "{\"a\":1}", "Content-Type", "text/plain").json())
        .isEqualTo(new JsonObject().put("id", 1));
    assertThat(api.call(HttpMethod.POST, "/api/MyModels", (Object) "a=1&b[c]=2",
        "Content-Type", "application/x-www-form-urlencoded").json())
        .isEqualTo(new JsonObject("{\"a\":\"1\",\"b\":{\"c\":\"2\"},\"id\":2}"));
  }

  @Test
  @DisplayName("array create saves each item in order; [] gives []; one invalid item saves nothing (422)")
  void arrayCreate() {
    Api.Response many = api.post("/api/Notes", new JsonArray("[{\"title\":\"a\"},{\"title\":\"b\"}]"));
    assertThat(many.array()).isEqualTo(new JsonArray("[{\"title\":\"a\",\"id\":1},{\"title\":\"b\",\"id\":2}]"));
    assertThat(api.post("/api/Notes", new JsonArray()).array()).isEmpty();
    Api.Response bad = api.post("/api/Notes", new JsonArray("[{\"title\":\"c\"},{}]"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.error().getJsonArray("details").getValue(0)).isNull();
    assertThat(bad.error().getJsonArray("details").getJsonObject(1).getInteger("statusCode")).isEqualTo(422);
    assertThat(api.get("/api/Notes/count").json().getInteger("count")).isEqualTo(2);
    assertThat(api.post("/api/Notes", new JsonArray("[1,2]")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("forceId: an id on create is 422; PATCH /:id with another id is 400; upserts of unknown ids are 404")
  void forceId() {
    Api.Response withId = api.post("/api/MyModels", new JsonObject().put("id", 5));
    assertThat(withId.status()).isEqualTo(422);
    assertThat(withId.error().getString("name")).isEqualTo("ValidationError");
    assertThat(withId.error().getJsonObject("details").getJsonObject("codes").getJsonArray("id"))
        .containsExactly("absence");
    api.post("/api/MyModels", new JsonObject().put("a", 1));
    Api.Response change = api.patch("/api/MyModels/1", new JsonObject().put("id", 424242));
    assertThat(change.status()).isEqualTo(400);
    assertThat(change.error().getString("message"))
        .isEqualTo("id cannot be updated from 1 to 424242 when forceId is set to true");
    for (HttpMethod m : new HttpMethod[] {HttpMethod.PUT, HttpMethod.PATCH}) {
      assertThat(api.call(m, "/api/MyModels", new JsonObject().put("id", 77)).status()).isEqualTo(404);
    }
    assertThat(api.post("/api/MyModels/replaceOrCreate", new JsonObject().put("id", 77)).status()).isEqualTo(404);
    assertThat(api.put("/api/MyModels", new JsonObject().put("x", 1)).json()).isEqualTo(new JsonObject("{\"x\":1,\"id\":2}"));
  }

  @Test
  @DisplayName("PUT and replace replace the whole instance; PATCH merges; collection upserts update existing ids")
  void replaceAndMerge() {
    note("{\"title\":\"a\",\"count\":1,\"done\":true}");
    assertThat(api.patch("/api/Notes/1", new JsonObject().put("count", 2)).json())
        .isEqualTo(new JsonObject("{\"title\":\"a\",\"count\":2,\"done\":true,\"id\":1}"));
    assertThat(api.put("/api/Notes/1", new JsonObject().put("title", "b")).json())
        .isEqualTo(new JsonObject("{\"title\":\"b\",\"id\":1}"));
    assertThat(api.post("/api/Notes/1/replace", new JsonObject().put("title", "c").put("count", 3)).json())
        .isEqualTo(new JsonObject("{\"title\":\"c\",\"count\":3,\"id\":1}"));
    assertThat(api.patch("/api/Notes", new JsonObject().put("id", 1).put("done", false)).json())
        .isEqualTo(new JsonObject("{\"title\":\"c\",\"count\":3,\"done\":false,\"id\":1}"));
    assertThat(api.put("/api/Notes", new JsonObject().put("id", 1).put("title", "d")).json())
        .isEqualTo(new JsonObject("{\"title\":\"d\",\"id\":1}"));
    assertThat(api.post("/api/Notes/replaceOrCreate", new JsonObject().put("id", 1).put("title", "e")).json())
        .isEqualTo(new JsonObject("{\"title\":\"e\",\"id\":1}"));
    assertThat(api.put("/api/Notes/1", new JsonObject().put("count", 1)).status()).isEqualTo(422);
    assertThat(api.put("/api/Notes/9", new JsonObject().put("title", "x")).status()).isEqualTo(404);
    Api.Response unknownPatch = api.patch("/api/Notes/9", new JsonObject().put("title", "x"));
    assertThat(unknownPatch.status()).isEqualTo(404);
    assertThat(unknownPatch.error().getString("code")).isEqualTo("MODEL_NOT_FOUND");
  }

  @Test
  @DisplayName("upsertWithWhere: validates the body alone, merges one match, creates on none, refuses several")
  void upsertWithWhere() {
    note("{\"title\":\"a\",\"count\":1}");
    note("{\"title\":\"b\",\"count\":1}");
    String path = "/api/Notes/upsertWithWhere?where=";
    assertThat(api.post(path + enc("{\"title\":\"a\"}"), new JsonObject().put("count", 5)).status()).isEqualTo(422);
    assertThat(api.post(path + enc("{\"title\":\"a\"}"), new JsonObject().put("title", "a").put("count", 5)).json())
        .isEqualTo(new JsonObject("{\"title\":\"a\",\"count\":5,\"id\":1}"));
    assertThat(api.post(path + enc("{\"title\":\"z\"}"), new JsonObject().put("title", "z")).json())
        .isEqualTo(new JsonObject("{\"title\":\"z\",\"id\":3}"));
    Api.Response several = api.post(path + enc("{\"title\":{\"neq\":\"q\"}}"), new JsonObject().put("title", "q"));
    assertThat(several.status()).isEqualTo(400);
    assertThat(several.error().getString("message"))
        .isEqualTo("There are multiple instances found.Upsert Operation will not be performed!");
  }

  @Test
  @DisplayName("updateAll: no validation, {count:n}; where is required (400); where={} updates all")
  void updateAll() {
    note("{\"title\":\"a\",\"count\":1}");
    note("{\"title\":\"b\",\"count\":2}");
    assertThat(api.post("/api/Notes/update?where=" + enc("{\"count\":{\"gt\":1}}"), new JsonObject().put("title", (String) null))
        .json()).isEqualTo(new JsonObject().put("count", 1));
    assertThat(api.get("/api/Notes/2").json().containsKey("title")).isTrue();
    assertThat(api.get("/api/Notes/2").json().getValue("title")).isNull();
    Api.Response noWhere = api.post("/api/Notes/update", new JsonObject().put("done", true));
    assertThat(noWhere.status()).isEqualTo(400);
    assertThat(noWhere.error().getString("message")).contains("where");
    assertThat(api.post("/api/Notes/update?where=%7B%7D", new JsonObject().put("done", true)).json())
        .isEqualTo(new JsonObject().put("count", 2));
    assertThat(api.post("/api/Notes/update?where[title]=a", new JsonObject().put("count", "7")).json())
        .isEqualTo(new JsonObject().put("count", 1));
    assertThat(api.get("/api/Notes/1").json().getValue("count")).isEqualTo(7);
  }

  @Test
  @DisplayName("reads: find, findById with fields, findOne, exists, HEAD, count; 404s carry MODEL_NOT_FOUND")
  void reads() {
    note("{\"title\":\"a\",\"count\":1}");
    note("{\"title\":\"b\",\"count\":2}");
    assertThat(api.get("/api/Notes").array()).hasSize(2);
    assertThat(api.get("/api/Notes/1?filter=" + enc("{\"fields\":{\"title\":true},\"where\":{\"title\":\"zz\"}}")).json())
        .isEqualTo(new JsonObject().put("title", "a"));
    assertThat(api.get("/api/Notes/findOne?filter[where][title]=b").json().getInteger("id")).isEqualTo(2);
    Api.Response none = api.get("/api/Notes/findOne?filter[where][title]=zz");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.error().getString("code")).isEqualTo("MODEL_NOT_FOUND");
    assertThat(api.get("/api/Notes/1/exists").json()).isEqualTo(new JsonObject().put("exists", true));
    assertThat(api.get("/api/Notes/abc/exists").json()).isEqualTo(new JsonObject().put("exists", false));
    assertThat(api.head("/api/Notes/1").status()).isEqualTo(200);
    assertThat(api.head("/api/Notes/9").status()).isEqualTo(404);
    assertThat(api.head("/api/Notes/9").body()).isEmpty();
    assertThat(api.get("/api/Notes/count?where[count][gt]=1").json()).isEqualTo(new JsonObject().put("count", 1));
    assertThat(api.get("/api/Notes/count?filter=" + enc("{\"where\":{\"count\":1}}")).json().getInteger("count"))
        .as("count ignores filter").isEqualTo(2);
    Api.Response missing = api.get("/api/Notes/abc");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.error()).isEqualTo(new JsonObject()
        .put("statusCode", 404).put("name", "Error").put("message", "Unknown \"Note\" id \"abc\".")
        .put("code", "MODEL_NOT_FOUND"));
    assertThat(api.get("/api/Notes", "filter", "{\"where\":{\"title\":\"b\"}}").array()).hasSize(1);
  }

  @Test
  @DisplayName("DELETE /:id answers {count:1}, or {count:0} for an unknown id, never 404")
  void deletes() {
    note("{\"title\":\"a\"}");
    assertThat(api.delete("/api/Notes/1").json()).isEqualTo(new JsonObject().put("count", 1));
    assertThat(api.delete("/api/Notes/1").json()).isEqualTo(new JsonObject().put("count", 0));
    assertThat(api.delete("/api/Notes/abc").json()).isEqualTo(new JsonObject().put("count", 0));
  }

  @Test
  @DisplayName("routing: case-insensitive, trailing slash, static segments before :id, LoopBack's 404 messages")
  void routing() {
    note("{\"title\":\"a\"}");
    assertThat(api.get("/api/notes/1/").json().getString("title")).isEqualTo("a");
    assertThat(api.get("/API/NOTES/COUNT").json().getInteger("count")).isEqualTo(1);
    assertThat(api.get("/api/Nope").error().getString("message")).isEqualTo("There is no method to handle GET /Nope");
    assertThat(api.get("/api/Notes/1/nope").error().getString("message"))
        .isEqualTo("Shared class \"Note\" has no method handling GET /1/nope");
    assertThat(api.delete("/api/Notes").status()).isEqualTo(404);
    assertThat(api.post("/api/Notes/1", new JsonObject()).error().getString("message"))
        .isEqualTo("Shared class \"Note\" has no method handling POST /1");
    Api.Response root = api.get("/");
    assertThat(root.status()).isEqualTo(404);
    assertThat(root.error().getString("message")).isEqualTo("Cannot GET /");
  }

  @Test
  @DisplayName("content negotiation: text/html alone and _format=event-stream are 406; */* gets JSON; ETag and 304")
  void negotiation() {
    note("{\"title\":\"a\"}");
    Api.Response html = api.get("/api/Notes", "Accept", "text/html");
    assertThat(html.status()).isEqualTo(406);
    assertThat(html.body()).isEqualTo("Not Acceptable");
    assertThat(api.get("/api/Notes?_format=event-stream").status()).isEqualTo(406);
    assertThat(api.get("/api/Notes", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").status()).isEqualTo(200);
    Api.Response xml = api.get("/api/Notes?_format=xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.header("Content-Type")).startsWith("text/xml");
    assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<response><result><title>a</title><id>1</id></result></response>");
    assertThat(api.get("/api/Notes/1", "Accept", "application/xml").body()).endsWith("<response><title>a</title><id>1</id></response>");
    Api.Response first = api.get("/api/Notes/1");
    String etag = first.header("ETag");
    assertThat(etag).startsWith("W/\"");
    assertThat(api.get("/api/Notes/1", "If-None-Match", etag).status()).isEqualTo(304);
  }

  @Test
  @DisplayName("errors keep LoopBack's envelope: 422 has ValidationError details; an unknown include is a 400")
  void errorEnvelope() {
    Api.Response invalid = api.post("/api/Notes", new JsonObject().put("when", "not a date"));
    assertThat(invalid.status()).isEqualTo(422);
    JsonObject details = invalid.error().getJsonObject("details");
    assertThat(details.getString("context")).isEqualTo("Note");
    assertThat(details.getJsonObject("codes").getJsonArray("title")).containsExactly("presence");
    assertThat(details.getJsonObject("codes").getJsonArray("when")).containsExactly("date");
    assertThat(invalid.header("X-Content-Type-Options")).isEqualTo("nosniff");
    Api.Response include = api.get("/api/Notes?filter=" + enc("{\"include\":\"owner\"}"));
    assertThat(include.status()).isEqualTo(400);
    assertThat(include.error().getString("message")).isEqualTo("Relation \"owner\" is not defined for Note model");
  }
}
