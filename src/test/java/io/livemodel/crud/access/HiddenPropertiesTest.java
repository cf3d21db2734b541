package io.livemodel.crud.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("hidden and protected properties (API.md section 8), over real HTTP")
class HiddenPropertiesTest {

  static final Path MODELS = Path.of("src/test/resources/hidden-models");

  /** The server under test; a subclass runs the same checks on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(MODELS));

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  @Test
  @DisplayName("a hidden property is stored but never answered, on create, patch, replace, find, findById and findOne")
  void answers() {
    Api.Response created = api.post("/api/People", new JsonObject("{\"name\":\"a\",\"secret\":\"s1\",\"nick\":\"n\"}"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().fieldNames()).contains("name", "nick").doesNotContain("secret");
    String id = String.valueOf(created.json().getValue("id"));
    assertThat(api.patch("/api/People/" + id, new JsonObject("{\"secret\":\"s2\"}")).json().containsKey("secret")).isFalse();
    assertThat(api.put("/api/People/" + id, new JsonObject("{\"name\":\"a\",\"secret\":\"s3\"}")).json().containsKey("secret")).isFalse();
    assertThat(api.get("/api/People").body()).doesNotContain("secret");
    assertThat(api.get("/api/People/" + id).json().containsKey("secret")).isFalse();
    assertThat(api.get("/api/People/findOne").json().containsKey("secret")).isFalse();
    assertThat(api.get("/api/People?filter={\"fields\":[\"id\",\"secret\"]}").array().getJsonObject(0).fieldNames())
        .as("fields cannot bring a hidden property back").containsExactly("id");
  }

  @Test
  @DisplayName("a where on a hidden property is ignored (all rows match), in find and count")
  void whereIgnored() {
    api.post("/api/People", new JsonObject("{\"name\":\"a\",\"secret\":\"s1\"}"));
    api.post("/api/People", new JsonObject("{\"name\":\"b\",\"secret\":\"s2\"}"));
    assertThat(api.get("/api/People?filter={\"where\":{\"secret\":\"s1\"}}").array()).hasSize(2);
    assertThat(api.get("/api/People?filter={\"where\":{\"and\":[{\"secret\":\"s1\"},{\"name\":\"b\"}]}}").array()).hasSize(1);
    assertThat(api.get("/api/People/count?where={\"secret\":\"nope\"}").json().getInteger("count")).isEqualTo(2);
  }

  @Test
  @DisplayName("an included object shows neither hidden nor protected properties; protected ones show at the top level")
  void included() {
    Object personId = api.post("/api/People", new JsonObject("{\"name\":\"a\",\"secret\":\"s\",\"nick\":\"n\"}")).json().getValue("id");
    api.post("/api/Pets", new JsonObject().put("name", "rex").put("personId", personId));
    JsonObject pet = api.get("/api/Pets?filter={\"include\":\"person\"}").array().getJsonObject(0);
    assertThat(pet.getJsonObject("person").fieldNames()).contains("name").doesNotContain("secret", "nick");
    JsonObject person = api.get("/api/People?filter={\"include\":\"pets\"}").array().getJsonObject(0);
    assertThat(person.getString("nick")).isEqualTo("n");
    assertThat(person.getJsonArray("pets")).hasSize(1);
  }

  @Test
  @DisplayName("changes never carry a hidden property: live SSE events and replays after Last-Event-ID")
  void changes() {
    try (SseClient live = SseClient.open(server.vertx, server.base() + "/api/People/change-stream")) {
      assertThat(live.status()).isEqualTo(200);
      api.post("/api/People", new JsonObject("{\"name\":\"a\",\"secret\":\"s1\"}"));
      SseEvent event = live.next(10, TimeUnit.SECONDS);
      assertThat(event.data()).contains("\"name\":\"a\"").doesNotContain("secret");
    }
    try (SseClient replay = SseClient.open(server.vertx, server.base() + "/api/People/change-stream", "Last-Event-ID", "0")) {
      SseEvent event = replay.next(10, TimeUnit.SECONDS);
      assertThat(event.data()).contains("\"name\":\"a\"").doesNotContain("secret");
    }
  }
}
