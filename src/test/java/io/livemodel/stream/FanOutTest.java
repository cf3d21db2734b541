package io.livemodel.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Fan-out in slices")
class FanOutTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(TestServer.builder().httpInstances(1));

  @Test
  @DisplayName("more subscribers than a slice holds: every stream gets every change once, in order, as does a filtered group")
  void manySlices() throws Exception {
    int n = 2 * SlicedDelivery.SLICE + 37;
    List<SseClient> clients = new ArrayList<>();
    TestServer server = live.server();
    Api api = live.api();
    String url = "/api/MyModels/change-stream";
    String odd = url + "?options=" + java.net.URLEncoder.encode("{\"where\":{\"odd\":true}}", "UTF-8");
    for (int i = 0; i < n; i++) {
      SseClient client = live.sse(i % 3 == 0 ? odd : url);
      client.awaitRaw(":ok");
      clients.add(client);
    }
    assertThat(server.server.subscriberCount()).isEqualTo(n);

    int writes = 12;
    for (int i = 1; i <= writes; i++) {
      assertThat(api.post("/api/MyModels", new JsonObject().put("n", i).put("odd", i % 2 == 1)).status())
          .isEqualTo(200);
    }
    for (int c = 0; c < n; c++) {
      boolean filtered = c % 3 == 0;
      List<Long> expected = new ArrayList<>();
      for (long i = 1; i <= writes; i++) {
        if (!filtered || i % 2 == 1) {
          expected.add(i);
        }
      }
      List<Long> got = clients.get(c).next(expected.size()).stream().map(SseEvent::id).map(Long::parseLong).toList();
      assertThat(got).as("stream %d", c).isEqualTo(expected);
      assertThat(clients.get(c).drain()).as("stream %d: nothing more", c).isEmpty();
    }
  }
}
