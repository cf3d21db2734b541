package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Relation change streams are decided as the stricter of the parent's __get__<relation> and the target's createChangeStream")
class RelationStreamAccessTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> TestServer.builder()
      .models(Path.of("src/test/resources/relation-acl-models")));

  private Api api;

  @BeforeEach
  void start() {
    api = live.api();
    for (String path : new String[] {"/api/Shelves", "/api/Crates"}) {
      assertThat(api.post(path, new JsonObject().put("name", "one")).status()).isEqualTo(200);
    }
    assertThat(api.post("/api/Things", new JsonObject().put("name", "t").put("shelfId", 1)).status()).isEqualTo(200);
  }

  private int streamStatus(String path) {
    try (SseClient sse = SseClient.open(live.vertx(), live.base() + path)) {
      return sse.status();
    }
  }

  @Test
  @DisplayName("the target's stream denied (Item) or the parent's relation read denied (Crate) is a 401; both allowed streams")
  void rest() {
    assertThat(api.get("/api/Shelves/1/items").status()).as("the relation read is allowed").isEqualTo(200);
    assertThat(streamStatus("/api/Items/change-stream")).isEqualTo(401);
    Api.Response denied = api.get("/api/Shelves/1/items/change-stream", "Accept", "text/event-stream");
    assertThat(denied.status()).as("Item's createChangeStream counts").isEqualTo(401);
    assertThat(denied.error().getString("code")).isEqualTo("AUTHORIZATION_REQUIRED");

    assertThat(streamStatus("/api/Things/change-stream")).isEqualTo(200);
    assertThat(api.get("/api/Crates/1/things").status()).isEqualTo(401);
    assertThat(api.get("/api/Crates/1/things/change-stream", "Accept", "text/event-stream").status())
        .as("Crate's __get__things counts").isEqualTo(401);
    assertThat(api.get("/api/Crates/999/things/change-stream", "Accept", "text/event-stream").status())
        .as("decided before the parent is looked up, as GET /999/things").isEqualTo(401);

    SseClient allowed = live.sse("/api/Shelves/1/things/change-stream");
    assertThat(allowed.status()).isEqualTo(200);
    allowed.awaitRaw(":ok");
    api.patch("/api/Things/1", new JsonObject().put("shelfId", 2));
    assertThat(allowed.next().json()).isEqualTo(new JsonObject("{\"target\":1,\"where\":{\"id\":1},\"type\":\"remove\"}"));
  }
}
