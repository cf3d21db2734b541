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

  @Test
  @DisplayName("with a token (acl-app): Customer's __get__notes decides, although Note's owner stream would open")
  void tokens() {
    live.restart(builder -> builder.models(Path.of("src/test/resources/lb-apps/acl-app")));
    Api acl = live.api();
    String alice = login(acl, "alice@example.com");
    assertThat(acl.post("/api/Notes", new JsonObject().put("title", "mine").put("customerId", 1), "Authorization", alice)
        .status()).isEqualTo(200);
    try (SseClient notes = SseClient.open(live.vertx(), live.base() + "/api/Notes/change-stream?access_token=" + alice)) {
      assertThat(notes.status()).as("Note's createChangeStream: alice's own notes").isEqualTo(200);
    }
    Api.Response read = acl.get("/api/Customers/1/notes", "Authorization", alice);
    Api.Response stream = acl.get("/api/Customers/1/notes/change-stream", "Authorization", alice, "Accept", "text/event-stream");
    assertThat(read.status()).as("User's acls deny __get__notes, even to the owner").isEqualTo(401);
    assertThat(stream.status()).as("the stream follows GET /Customers/1/notes").isEqualTo(401);
    assertThat(stream.error()).isEqualTo(read.error());
  }

  private static String login(Api api, String email) {
    api.post("/api/Customers", new JsonObject().put("email", email).put("password", "pw"));
    return api.post("/api/Customers/login", new JsonObject().put("email", email).put("password", "pw")).json().getString("id");
  }
}
