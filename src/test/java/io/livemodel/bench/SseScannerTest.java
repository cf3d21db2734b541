package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.SseEvent;
import io.livemodel.testing.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SseScanner: the event-stream parser of the load generator")
class SseScannerTest {

  private record Seen(String type, long id, String data) {
  }

  private static List<Seen> scan(byte[] stream, int... cuts) {
    List<Seen> seen = new ArrayList<>();
    SseScanner scanner = new SseScanner((type, id, data, length) ->
        seen.add(new Seen(type, id, new String(data, 0, length, StandardCharsets.UTF_8))));
    int from = 0;
    for (int cut : cuts) {
      scanner.feed(stream, from, cut);
      from = cut;
    }
    scanner.feed(stream, from, stream.length);
    return seen;
  }

  private static List<Seen> oracle(byte[] stream) {
    List<Seen> seen = new ArrayList<>();
    SseParser parser = new SseParser((SseEvent e) -> seen.add(new Seen(e.event(), parseId(e.id()), e.data())));
    parser.feed(stream);
    return seen;
  }

  private static long parseId(String id) {
    return id.matches("\\d{1,18}") ? Long.parseLong(id) : -1;
  }

  @ParameterizedTest(name = "{index}: every split point of a stream with {0} line endings")
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  @DisplayName("agrees with the reference parser whichever two chunks the stream arrives in")
  void everySplit(String eol) {
    String text = String.join(eol, ":ok", "", "retry: 3000", "", "id: 1", "event: data",
        "data: {\"data\":{\"bseq\":7,\"é\":\"ü\"}}", "", ": heartbeat", "", "data:no space", "data:  two",
        "", "id: 2", "event: data", "data", "", "id", "data: x", "", "");
    byte[] stream = text.getBytes(StandardCharsets.UTF_8);
    List<Seen> expected = oracle(stream);
    assertThat(expected).hasSize(4);
    for (int cut = 0; cut <= stream.length; cut++) {
      assertThat(scan(stream, cut)).as("split at %d", cut).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("byte-at-a-time delivery gives the same events, and comments are counted")
  void byteAtATime() {
    byte[] stream = ":ok\n\nid: 41\nevent: data\ndata: a\ndata: b\n\n:\n\nid: 42\nevent: data\ndata: c\n\n"
        .getBytes(StandardCharsets.US_ASCII);
    int[] cuts = new int[stream.length];
    Arrays.setAll(cuts, i -> i);
    assertThat(scan(stream, cuts)).containsExactly(new Seen("data", 41, "a\nb"), new Seen("data", 42, "c"));
  }

  @Test
  @DisplayName("an event without data is not dispatched, and a line longer than the buffer survives")
  void noDataAndLongLines() {
    String big = "x".repeat(5000);
    byte[] stream = ("event: data\n\nid: 3\ndata: " + big + "\n\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(scan(stream, 7, 300)).containsExactly(new Seen("message", 3, big));
  }

  @Test
  @DisplayName("the payload fields are found inside a change's data")
  void payloadFields() {
    byte[] data = "{\"target\":3,\"data\":{\"bseq\":12,\"bts\":987654,\"id\":3},\"type\":\"create\"}"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(Payload.field(data, data.length, Payload.SEQ)).isEqualTo(12);
    assertThat(Payload.field(data, data.length, Payload.TS)).isEqualTo(987654);
    assertThat(Payload.field(data, 20, Payload.SEQ)).isEqualTo(-1);
  }
}
