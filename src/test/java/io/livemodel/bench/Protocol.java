package io.livemodel.bench;

import io.livemodel.testing.SseParser;
/**
 * How the generator talks to a server (the peer adapter): where a subscriber opens its stream, where
 * a write goes, and how an event's {@code id:} reads as a commit-order number. The payload travels
 * the same way on every protocol ({@link Payload}'s {@code "bseq"} and {@code "bts"} somewhere in the
 * event's data: LoopBack wraps it in a change, Nchan sends the POST body as it came), so loss,
 * duplicates, order and latency are measured the same way for every server.
 */
public enum Protocol {

  /**
   * LoopBack 3's API, which LiveModel speaks: {@code POST /api/<plural>} creates a record; {@code GET
   * /api/<plural>/change-stream?_format=event-stream} streams {@code event: data} changes, chunked,
   * with decimal ids in commit order (LiveModel; LoopBack 3 sends none).
   */
  LOOPBACK("/change-stream?_format=event-stream", SseParser::parseLong),

  /**
   * Nchan laid out like LoopBack's routes (../shared/bench/nchan/nginx.conf): {@code POST /api/<plural>}
   * publishes the body to a channel (201, or 202 with no subscriber); the EventSource subscriber at
   * {@code GET /api/<plural>/change-stream} gets {@code event: data} events whose data is the POST body
   * as it was sent, in a response delimited by the connection's close (no chunking), after a
   * {@code : hi} comment. Ids are {@code <message time in seconds>:<tag>}, the tag counting messages
   * within that second.
   */
  NCHAN("/change-stream", Protocol::nchanId);

  private final String streamSuffix;
  private final SseParser.IdParser ids;

  Protocol(String streamSuffix, SseParser.IdParser ids) {
    this.streamSuffix = streamSuffix;
    this.ids = ids;
  }

  /** The path a subscriber GETs. */
  public String streamPath(String plural) {
    return "/api/" + plural + streamSuffix;
  }

  /** The path the writer POSTs {@link Payload#body} to, as {@code application/json}. */
  public String writePath(String plural) {
    return "/api/" + plural;
  }

  /** Reads an event's {@code id:} value as a number that grows in the server's commit order. */
  public SseParser.IdParser ids() {
    return ids;
  }

  /** The protocol named on the command line ({@code loopback}, {@code nchan}); case does not matter. */
  public static Protocol named(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * Nchan's single-channel message id {@code <time>:<tag>} as {@code time * 1,000,000 + tag}, which
   * orders like (time, tag); -1 for anything else (a multi-channel id such as {@code 1:[0],1:0}, or a
   * tag of a million or more within one second), so the subscriber falls back to the writer's sequence.
   */
  static long nchanId(byte[] bytes, int from, int to) {
    int colon = -1;
    for (int i = from; i < to; i++) {
      if (bytes[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      return -1;
    }
    long time = SseParser.parseLong(bytes, from, colon);
    long tag = SseParser.parseLong(bytes, colon + 1, to);
    if (time < 0 || tag < 0 || tag >= 1_000_000 || time > Long.MAX_VALUE / 1_000_000 - 1) {
      return -1;
    }
    return time * 1_000_000 + tag;
  }
}
