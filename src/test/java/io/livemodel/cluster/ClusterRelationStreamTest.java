package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A relation change stream in a cluster: a stream of author 1's books on node B, writes on nodes A and C")
class ClusterRelationStreamTest {

  private static final Path MODELS = Path.of("src/test/resources/relation-models");

  private TestCluster cluster;

  @BeforeEach
  void startThreeNodes() {
    cluster = new TestCluster();
    for (int i = 0; i < 3; i++) {
      cluster.startNode(MODELS);
    }
    cluster.awaitMembers(3);
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private static JsonObject ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private SseClient stream(TestServer node, String path) {
    SseClient sse = SseClient.open(cluster.clients, node.base() + path);
    assertThat(sse.status()).isEqualTo(200);
    sse.awaitRaw(":ok");
    return sse;
  }

  @Test
  @DisplayName("concurrent creates, moves and deletes through A and C: B's stream gets exactly author 1's changes (moves away as removes), in sequence order")
  void onlyAuthorOnesChangesInOrder() throws Exception {
    List<TestServer> nodes = cluster.live();
    Api a = cluster.api(nodes.get(0));
    Api c = cluster.api(nodes.get(2));
    ok(a.post("/api/Authors", new JsonObject().put("name", "Ann")));
    ok(a.post("/api/Authors", new JsonObject().put("name", "Bob")));
    SseClient related = stream(nodes.get(1), "/api/Authors/1/books/change-stream");
    SseClient books = stream(nodes.get(1), "/api/Books/change-stream");
    try {
      ExecutorService writers = Executors.newFixedThreadPool(2);
      List<Future<Integer>> done = new ArrayList<>();
      for (Api api : List.of(a, c)) {
        done.add(writers.submit(() -> {
          int writes = 0;
          for (int i = 0; i < 8; i++) {
            Object mine = ok(api.post("/api/Books", new JsonObject().put("title", "ann " + i).put("authorId", 1))).getValue("id");
            Object other = ok(api.post("/api/Books", new JsonObject().put("title", "bob " + i).put("authorId", 2))).getValue("id");
            ok(api.patch("/api/Books/" + mine, new JsonObject().put("year", 2000 + i)));
            writes += 3;
            if (i % 3 == 0) {
              ok(api.patch("/api/Books/" + mine, new JsonObject().put("authorId", 2)));  // moves away
              ok(api.delete("/api/Books/" + other));
              writes += 2;
            } else if (i % 3 == 1) {
              ok(api.delete("/api/Books/" + mine));
              ok(api.patch("/api/Books/" + other, new JsonObject().put("year", 1990)));
              writes += 2;
            }
          }
          return writes;
        }));
      }
      int total = 0;
      for (Future<Integer> writer : done) {
        total += writer.get(60, TimeUnit.SECONDS);
      }
      writers.shutdown();
      Object sentinel = ok(c.post("/api/Books", new JsonObject().put("title", "sentinel").put("authorId", 1))).getValue("id");

      // The oracle: the model's own stream on B, with membership tracked here.
      List<SseEvent> all = books.next(total + 1);
      List<String> expected = new ArrayList<>();
      Set<Object> members = new HashSet<>();
      for (SseEvent event : all) {
        JsonObject change = event.json();
        Object target = change.getValue("target");
        JsonObject data = change.getJsonObject("data");
        boolean member = data != null && Integer.valueOf(1).equals(data.getInteger("authorId"));
        if (member) {
          if (members.add(target) && "update".equals(change.getString("type"))) {
            // Moved in from another author: new to the relation stream, so a create.
            change = change.copy();
            change.remove("where");
            change.put("type", "create");
          }
          expected.add(event.id() + " " + change.encode());
        } else if (members.remove(target)) {
          expected.add(event.id() + " " + new JsonObject().put("target", target)
              .put("where", new JsonObject().put("id", target)).put("type", "remove").encode());
        }
      }
      assertThat(expected).as("the scenario moves and deletes members").anyMatch(line -> line.contains("remove"));
      List<SseEvent> got = related.next(expected.size());
      assertThat(got.stream().map(e -> e.id() + " " + e.data()).toList()).containsExactlyElementsOf(expected);
      assertThat(got.get(got.size() - 1).json().getValue("target")).isEqualTo(sentinel);
      assertThat(related.next(300, TimeUnit.MILLISECONDS)).as("nothing after the sentinel").isNull();
    } finally {
      related.close();
      books.close();
    }
  }
}
