package io.livemodel.bench;

import io.livemodel.testing.SseParser;
import java.nio.charset.StandardCharsets;

/**
 * The writer's payload, a few bytes: {@code {"bseq":<sequence>,"bts":<micros>}}, where the
 * timestamp is microseconds on the generator's monotonic clock taken just before the POST. The
 * change the server streams back embeds it in {@code data}; {@link #field} finds it again there
 * without parsing the JSON.
 */
public final class Payload {

  static final byte[] SEQ = "\"bseq\":".getBytes(StandardCharsets.US_ASCII);
  static final byte[] TS = "\"bts\":".getBytes(StandardCharsets.US_ASCII);

  private Payload() {
  }

  public static String body(long seq, long micros) {
    return "{\"bseq\":" + seq + ",\"bts\":" + micros + "}";
  }

  /** The non-negative integer after {@code key} (e.g. {@link #SEQ}) in {@code bytes[0, length)}, or -1. */
  public static long field(byte[] bytes, int length, byte[] key) {
    int at = indexOf(bytes, length, key);
    if (at < 0) {
      return -1;
    }
    int from = at + key.length;
    int to = from;
    while (to < length && bytes[to] >= '0' && bytes[to] <= '9') {
      to++;
    }
    return SseParser.parseLong(bytes, from, to);
  }

  private static int indexOf(byte[] bytes, int length, byte[] key) {
    outer:
    for (int i = 0; i + key.length <= length; i++) {
      for (int j = 0; j < key.length; j++) {
        if (bytes[i + j] != key[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
