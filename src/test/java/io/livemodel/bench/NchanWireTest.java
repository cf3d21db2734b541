package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Nchan peer adapter: its routes, ids and wire format as the generator reads them")
class NchanWireTest {

  /**
   * What nginx 1.22 with Nchan 1.3.6 and ../shared/bench/nchan/nginx.conf sent to {@code curl -N} after two
   * POSTs (captured; the payloads are the generator's): no chunking (the body runs to the connection's end), a {@code : hi} comment first,
   * LF line ends, ids {@code <time>:<tag>}, the POST bodies as the events' data.
   */
  private static final String CAPTURED = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n"
      + "Date: Mon, 07 Dec 2026 12:15:18 GMT\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
      + "Connection: keep-alive\r\n\r\n"
      + ": hi\n\n"
      + "event: data\nid: 1796645719:0\ndata: {\"bseq\":0,\"bts\":0}\n\n"
      + "event: data\nid: 1796645719:1\ndata: {\"bseq\":1,\"bts\":1}\n\n";

  private static String event(String id, long seq, long ts) {
    return "event: data\nid: " + id + "\ndata: {\"bseq\":" + seq + ",\"bts\":" + ts + "}\n\n";
  }

  private static BenchSubscriber subscriber(ThreadHistograms latencies, long firstMeasured) {
    return new BenchSubscriber(new BenchClock(), latencies, firstMeasured, Protocol.NCHAN.ids());
  }

  private static void feed(BenchSubscriber subscriber, byte[] bytes, int... cuts) {
    int from = 0;
    for (int cut : cuts) {
      subscriber.onBytes(Buffer.buffer().appendBytes(bytes, from, cut - from));
      from = cut;
    }
    subscriber.onBytes(Buffer.buffer().appendBytes(bytes, from, bytes.length - from));
  }

  @Test
  @DisplayName("Nchan's routes are LoopBack's: the same POST path, the stream without _format")
  void routes() {
    assertThat(Protocol.NCHAN.writePath("MyModels")).isEqualTo(Protocol.LOOPBACK.writePath("MyModels"))
        .isEqualTo("/api/MyModels");
    assertThat(Protocol.NCHAN.streamPath("MyModels")).isEqualTo("/api/MyModels/change-stream");
    assertThat(Protocol.LOOPBACK.streamPath("MyModels")).isEqualTo("/api/MyModels/change-stream?_format=event-stream");
    assertThat(Protocol.named(" Nchan ")).isEqualTo(Protocol.NCHAN);
  }

  @Test
  @DisplayName("a message id <time>:<tag> orders by time, then tag; anything else is no id")
  void ids() {
    assertThat(nchanId("1796645719:0")).isEqualTo(1_796_645_719_000_000L);
    assertThat(nchanId("1796645719:41")).isEqualTo(1_796_645_719_000_041L);
    assertThat(nchanId("1796645719:999999")).isLessThan(nchanId("1796645720:0"));
    for (String bad : new String[] {"", "17", "17:", ":3", "17:x", "1:[0],1:0", "17:1000000", "-1:2", "17:3:4"}) {
      assertThat(nchanId(bad)).as(bad).isEqualTo(-1);
    }
  }

  @Test
  @DisplayName("the captured stream, cut at every point: each event measured once, no order violation, nothing foreign")
  void capturedEverySplit() {
    byte[] bytes = CAPTURED.getBytes(StandardCharsets.US_ASCII);
    for (int cut = 0; cut <= bytes.length; cut++) {
      ThreadHistograms latencies = new ThreadHistograms();
      BenchSubscriber subscriber = subscriber(latencies, 0);
      feed(subscriber, bytes, cut);
      assertThat(subscriber.isOpen()).isTrue();
      assertThat(subscriber.measured()).as("cut at %d", cut).isEqualTo(2);
      assertThat(subscriber.orderViolations()).isZero();
      assertThat(subscriber.duplicates()).isZero();
      assertThat(subscriber.foreign()).isZero();
      assertThat(subscriber.ended()).isFalse();
      assertThat(latencies.merged().count()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("order follows Nchan's ids across a second's turn; a message replayed on connect before the window is not measured")
  void orderAndReplay() {
    String head = CAPTURED.substring(0, CAPTURED.indexOf(": hi"));
    // nchan_subscriber_first_message newest: a subscriber first gets the last message published before it came.
    String stream = head + event("1796645718:7", 3, 10) + event("1796645719:0", 5, 20) + event("1796645719:1", 6, 21)
        + event("1796645720:0", 7, 22) + event("1796645719:2", 8, 23) + event("1796645720:0", 7, 22);
    BenchSubscriber subscriber = subscriber(new ThreadHistograms(), 5);
    feed(subscriber, stream.getBytes(StandardCharsets.US_ASCII));

    assertThat(subscriber.measured()).isEqualTo(4);
    assertThat(subscriber.duplicates()).isEqualTo(1);
    assertThat(subscriber.orderViolations()).as("1796645719:2 after 1796645720:0").isEqualTo(1);
    java.util.BitSet acked = new java.util.BitSet();
    acked.set(0, 5);
    assertThat(subscriber.lost(acked)).as("seq 9 acknowledged, never received").isEqualTo(1);
  }

  @Test
  @DisplayName("the connection's close ends a stream without chunked coding")
  void closeEnds() {
    BenchSubscriber subscriber = subscriber(new ThreadHistograms(), 0);
    feed(subscriber, CAPTURED.getBytes(StandardCharsets.US_ASCII));
    subscriber.ended(null);
    assertThat(subscriber.ended()).isTrue();
    assertThat(subscriber.failure()).isEqualTo("stream ended");
    assertThat(subscriber.measured()).isEqualTo(2);
  }

  private static long nchanId(String id) {
    byte[] bytes = ("x" + id + "y").getBytes(StandardCharsets.US_ASCII);
    return Protocol.NCHAN.ids().parse(bytes, 1, bytes.length - 1);
  }
}
