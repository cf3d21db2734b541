package io.livemodel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SseParser: the event-stream parser of the HTML standard, for tests and the load generator")
class SseParserTest {

  private record Seen(String type, long id, String data) {
  }

  /** Feeds {@code stream} cut at {@code cuts} and collects events both ways; they must agree. */
  private static List<SseEvent> parse(byte[] stream, int... cuts) {
    List<SseEvent> events = new ArrayList<>();
    List<Seen> raw = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    SseParser bytes = SseParser.bytes((type, id, data, length) ->
        raw.add(new Seen(type, id, new String(data, 0, length, StandardCharsets.UTF_8))));
    int from = 0;
    for (int cut : cuts) {
      parser.feed(Arrays.copyOfRange(stream, from, cut));
      bytes.feed(stream, from, cut);
      from = cut;
    }
    parser.feed(Arrays.copyOfRange(stream, from, stream.length));
    bytes.feed(stream, from, stream.length);
    assertThat(raw).isEqualTo(events.stream()
        .map(e -> new Seen(e.event(), e.id().matches("\\d{1,18}") ? Long.parseLong(e.id()) : -1, e.data())).toList());
    assertThat(bytes.comments()).isEqualTo(parser.comments());
    return events;
  }

  @ParameterizedTest(name = "{index}: line endings {0}")
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  @DisplayName("every split point of a stream gives the same events, whatever the line endings")
  void everySplit(String eol) {
    String text = String.join(eol, ":ok", "", "retry: 3000", "", "id: 1", "event: data",
        "data: {\"data\":{\"bseq\":7,\"é\":\"ü\"}}", "", ": heartbeat", "", "data:no space", "data:  two",
        "", "id: 2", "event: data", "data", "", "id", "data: x", "", "");
    byte[] stream = text.getBytes(StandardCharsets.UTF_8);
    List<SseEvent> expected = List.of(
        new SseEvent("data", "{\"data\":{\"bseq\":7,\"é\":\"ü\"}}", "1"),
        new SseEvent("message", "no space\n two", "1"),
        new SseEvent("data", "", "2"),
        new SseEvent("message", "x", ""));
    assertThat(parse(stream)).isEqualTo(expected);
    for (int cut = 0; cut <= stream.length; cut++) {
      assertThat(parse(stream, cut)).as("split at %d", cut).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("byte-at-a-time delivery gives the same events; comments and retry are kept")
  void byteAtATime() {
    byte[] stream = ":ok\n\nretry: 1500\nid: 41\nevent: data\ndata: a\ndata: b\n\n:\n\nretry: soon\nid: 42\nevent: data\ndata: c\n\n"
        .getBytes(StandardCharsets.US_ASCII);
    int[] cuts = new int[stream.length];
    Arrays.setAll(cuts, i -> i);
    assertThat(parse(stream, cuts)).containsExactly(new SseEvent("data", "a\nb", "41"), new SseEvent("data", "c", "42"));
    SseParser parser = new SseParser(e -> { });
    parser.feed(stream);
    assertThat(parser.comments()).isEqualTo(2);
    assertThat(parser.retry()).as("a retry that is not digits is ignored").isEqualTo(1500);
  }

  @Test
  @DisplayName("an event without data is not dispatched (its type is dropped), and a line longer than the buffer survives")
  void noDataAndLongLines() {
    String big = "é".repeat(5000);
    byte[] stream = ("event: data\n\nid: 3\ndata: " + big + "\n\n").getBytes(StandardCharsets.UTF_8);
    assertThat(parse(stream, 7, 300, 301)).containsExactly(new SseEvent("message", big, "3"));
  }

  @Test
  @DisplayName("an id containing NUL is ignored; a non-numeric id is kept as text (and is -1 as a number)")
  void ids() {
    byte[] stream = "id: 7\ndata: a\n\nid: 8\0x\ndata: b\n\nid: abc\ndata: c\n\nid:\ndata: d\n\n"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(parse(stream)).extracting(SseEvent::id).containsExactly("7", "7", "abc", "");
  }
}
