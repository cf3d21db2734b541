package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nothing lost across node failures: clients of a killed node resume on another with Last-Event-ID")
class ClusterResumeTest {

  private static final String STREAM = "/api/MyModels/change-stream";
  private TestCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @DisplayName("a node dies while writers run on the others; its client resumes elsewhere and ends with the full sequence")
  void killedNodeClientResumes() throws Exception {
    cluster = new TestCluster();
    TestServer a = cluster.startNode();
    TestServer b = cluster.startNode();
    TestServer doomed = cluster.startNode();
    cluster.awaitMembers(3);

    int total = 150;
    List<Long> seen = new ArrayList<>();
    SseClient first = SseClient.open(cluster.clients, doomed.base() + STREAM);
    first.awaitRaw(":ok");
    AtomicInteger posted = new AtomicInteger();
    Thread writer = new Thread(() -> {
      try (Api toA = new Api(cluster.clients, a.base()); Api toB = new Api(cluster.clients, b.base())) {
        for (int i = 1; i <= total; i++) {
          Api target = i % 2 == 0 ? toA : toB;
          if (target.post("/api/MyModels", new JsonObject().put("n", i)).status() == 200) {
            posted.incrementAndGet();
          }
        }
      }
    });
    writer.start();
    while (seen.size() < 30) {
      seen.add(Long.parseLong(first.next().id()));
    }
    cluster.kill(doomed).await(30, TimeUnit.SECONDS);
    // What reached the client before the node died counts; then it reconnects elsewhere.
    for (SseEvent late : first.drain()) {
      seen.add(Long.parseLong(late.id()));
    }
    first.close();
    long last = seen.get(seen.size() - 1);
    try (SseClient resumed = SseClient.open(cluster.clients, a.base() + STREAM, "Last-Event-ID", Long.toString(last))) {
      writer.join();
      assertThat(posted.get()).isEqualTo(total);
      while (seen.size() < total) {
        SseEvent event = resumed.next(15, TimeUnit.SECONDS);
        assertThat(event).as("an event after " + seen.size()).isNotNull();
        assertThat(event.event()).isEqualTo("data");
        seen.add(Long.parseLong(event.id()));
      }
      assertThat(resumed.next(500, TimeUnit.MILLISECONDS)).isNull();
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= total; i++) {
      expected.add(i);
    }
    assertThat(seen).isEqualTo(expected);
  }
}
