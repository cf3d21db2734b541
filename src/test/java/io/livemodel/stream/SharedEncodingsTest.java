package io.livemodel.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A change is encoded once per node and filter")
class SharedEncodingsTest {

  private static JsonObject change(int n) {
    return new JsonObject().put("target", n).put("data", new JsonObject().put("id", n)).put("type", "create");
  }

  @Test
  @DisplayName("the same model, seq and filter give the same encoding; another filter, model or seq another one")
  void shared() {
    SharedEncodings encodings = new SharedEncodings();
    EncodedChange first = encodings.get("MyModel", 1, "{}", change(1));
    assertThat(encodings.get("MyModel", 1, "{}", change(1))).isSameAs(first);
    assertThat(encodings.get("MyModel", 1, "{\"where\":{}}", change(1))).isNotSameAs(first);
    assertThat(encodings.get("Note", 1, "{}", change(1))).isNotSameAs(first);
    assertThat(encodings.get("MyModel", 2, "{}", change(2))).isNotSameAs(first);
    assertThat(first.json().toString()).isEqualTo("{\"target\":1,\"data\":{\"id\":1},\"type\":\"create\"}");
  }

  @Test
  @DisplayName("changes without a seq are not shared, and only the most recent encodings are kept, up to a byte budget")
  void bounded() {
    int oneChange = new EncodedChange(change(100), 100).json().length();
    SharedEncodings encodings = new SharedEncodings(100L * oneChange);
    assertThat(encodings.get("MyModel", 0, "{}", change(1))).isNotSameAs(encodings.get("MyModel", 0, "{}", change(1)));
    EncodedChange oldest = encodings.get("MyModel", 100, "{}", change(100));
    for (int seq = 101; seq <= 300; seq++) {
      encodings.get("MyModel", seq, "{}", change(seq));
    }
    assertThat(encodings.size()).isEqualTo(100);
    assertThat(encodings.get("MyModel", 300, "{}", change(300))).as("the newest are kept").isNotNull();
    assertThat(encodings.get("MyModel", 100, "{}", change(100))).isNotSameAs(oldest);
  }

  @Test
  @DisplayName("event loops asking at once for the same change in the same format all get one value")
  void racingFormats() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        EncodedChange change = new EncodedChange(change(round), round + 1);
        AtomicInteger made = new AtomicInteger();
        EncodedChange.Format<Object> formatA = c -> new Object[] {made.incrementAndGet()};
        EncodedChange.Format<String> formatB = c -> c.json().toString() + "!";
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object[]>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          results.add(pool.submit(() -> {
            start.await();
            return new Object[] {change.encoded(formatA), change.encoded(formatB)};
          }));
        }
        start.countDown();
        Object a = results.get(0).get()[0];
        for (Future<Object[]> result : results) {
          assertThat(result.get()[0]).as("round %d", round).isSameAs(a);
          assertThat(result.get()[1]).isEqualTo(change.json().toString() + "!");
        }
        assertThat(change.encoded(formatA)).isSameAs(a);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
