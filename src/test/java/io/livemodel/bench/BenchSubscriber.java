package io.livemodel.bench;

import io.livemodel.testing.SseParser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.BitSet;

/**
 * One SSE subscriber's view of the run: parses its stream, and for each event of this run records
 * the delivery latency (receipt of the chunk minus the writer's timestamp) and tracks duplicates,
 * order and which measured writes it has seen. Events before {@code firstMeasuredSeq} (warm-up) are
 * checked for order only. Called on its connection's event loop; the summary accessors are
 * synchronized with it, so another thread may read them.
 */
final class BenchSubscriber implements SseParser.Listener, ChunkedReader.Body {

  private final SseParser scanner;
  private final ChunkedReader http = new ChunkedReader(this);
  private final Promise<Integer> head = Promise.promise();
  private final BenchClock clock;
  private final ThreadHistograms latencies;
  private final long firstMeasuredSeq;
  private final BitSet received = new BitSet();
  private long receiptMicros;
  private long lastId = -1;
  private long lastSeq = -1;
  private long measured;
  private long duplicates;
  private long orderViolations;
  private long foreign;
  private String failure;
  private boolean opened;
  private boolean ended;

  BenchSubscriber(BenchClock clock, ThreadHistograms latencies, long firstMeasuredSeq) {
    this(clock, latencies, firstMeasuredSeq, SseParser::parseLong);
  }

  /** {@code ids} reads the server's {@code id:} values in its commit order (see {@link Protocol#ids}). */
  BenchSubscriber(BenchClock clock, ThreadHistograms latencies, long firstMeasuredSeq, SseParser.IdParser ids) {
    this.scanner = SseParser.bytes(this, ids);
    this.clock = clock;
    this.latencies = latencies;
    this.firstMeasuredSeq = firstMeasuredSeq;
  }

  /** Bytes of the HTTP response as they arrive from the socket. */
  synchronized void onBytes(Buffer bytes) {
    receiptMicros = clock.micros();
    byte[] array = bytes.getBytes();
    try {
      http.feed(array, 0, array.length);
    } catch (IllegalStateException e) {
      failed("unreadable response: " + e.getMessage());
      head.tryFail(e);
    }
  }

  /** Completes with the response's status code once its head has arrived. */
  Future<Integer> head() {
    return head.future();
  }

  @Override
  public void onHead(int status) {
    if (status == 200) {
      opened = true;
    } else {
      failed("HTTP " + status);
    }
    head.tryComplete(status);
  }

  @Override
  public void onBody(byte[] bytes, int from, int to) {
    scanner.feed(bytes, from, to);
  }

  @Override
  public void onEnd() {
    ended(null);
  }

  @Override
  public void onEvent(String type, long lastEventId, byte[] data, int length) {
    long seq = Payload.field(data, length, Payload.SEQ);
    long ts = Payload.field(data, length, Payload.TS);
    if (!"data".equals(type) || seq < 0 || ts < 0) {
      foreign++;
      return;
    }
    if (seq >= firstMeasuredSeq) {
      int bit = (int) (seq - firstMeasuredSeq);
      if (received.get(bit)) {
        duplicates++;
        return;
      }
      received.set(bit);
      measured++;
      latencies.record(receiptMicros - ts, bit);
    }
    checkOrder(lastEventId, seq);
  }

  /**
   * Order is the server's commit order, which its {@code id:} sequence states; the writer's own
   * sequence is only a fallback for streams without ids (concurrent POSTs may commit out of send order).
   */
  private void checkOrder(long id, long seq) {
    if (id >= 0) {
      if (id <= lastId) {
        orderViolations++;
      }
      lastId = Math.max(lastId, id);
    } else {
      if (seq <= lastSeq) {
        orderViolations++;
      }
      lastSeq = Math.max(lastSeq, seq);
    }
  }

  /** True once the stream's headers arrived. */
  synchronized boolean isOpen() {
    return opened;
  }

  synchronized void ended(Throwable error) {
    if (!ended) {
      ended = true;
      failure = error == null ? "stream ended" : error.toString();
    }
  }

  synchronized void failed(String reason) {
    failure = reason;
    ended = true;
  }

  synchronized boolean ended() {
    return ended;
  }

  synchronized String failure() {
    return failure;
  }

  /** Distinct measured events received. */
  synchronized long measured() {
    return measured;
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized long orderViolations() {
    return orderViolations;
  }

  synchronized long foreign() {
    return foreign;
  }

  /** Acknowledged measured writes (bit = seq - firstMeasuredSeq) this subscriber never received. */
  synchronized long lost(BitSet acked) {
    BitSet missing = (BitSet) acked.clone();
    missing.andNot(received);
    return missing.cardinality();
  }

  /** Measured events received whose POST was not acknowledged (failed or timed out, yet committed). */
  synchronized long unacknowledged(BitSet acked) {
    BitSet extra = (BitSet) received.clone();
    extra.andNot(acked);
    return extra.cardinality();
  }
}
