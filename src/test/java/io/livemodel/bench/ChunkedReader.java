package io.livemodel.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reads an HTTP/1.1 response from raw bytes, fed as they arrive in any pieces: the status line and
 * headers, then a chunked body (RFC 9112 §7.1: hex size, optional extensions, CRLF, data, CRLF; a
 * zero size ends it) or a body delimited by the connection's close. Body bytes go to
 * {@link Body#onBody} without copying where a piece holds them whole. This is the load generator's
 * lean HTTP client: it holds tens of thousands of streams, and a full HTTP client's per-chunk work
 * would make the generator, not the server, the bottleneck.
 */
final class ChunkedReader {

  interface Body {
    /** The status line and headers were read; {@code status} is the response's status code. */
    void onHead(int status);

    void onBody(byte[] bytes, int from, int to);

    /** The last chunk was read (the server ended the response). */
    void onEnd();
  }

  private enum State { HEAD, SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER, RAW, DONE }

  private static final int MAX_HEAD = 64 * 1024;

  private final Body body;
  private final StringBuilder head = new StringBuilder();
  private State state = State.HEAD;
  private long remaining;
  private boolean trailerLineEmpty = true;

  ChunkedReader(Body body) {
    this.body = body;
  }

  boolean ended() {
    return state == State.DONE;
  }

  void feed(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      switch (state) {
        case HEAD -> {
          head.append((char) (b & 0xff));
          i++;
          if (head.length() > MAX_HEAD) {
            throw new IllegalStateException("response head over " + MAX_HEAD + " bytes");
          }
          if (b == '\n' && endsWithBlankLine()) {
            readHead();
          }
        }
        case SIZE -> {
          int digit = Character.digit(b, 16);
          if (digit >= 0) {
            remaining = remaining * 16 + digit;
          } else if (b == ';' || b == ' ' || b == '\t') {
            state = State.EXTENSION;
          } else if (b == '\r') {
            state = State.SIZE_LF;
          } else if (b == '\n') {
            endOfSizeLine();
          } else {
            throw new IllegalStateException("bad chunk size byte " + (b & 0xff));
          }
          i++;
        }
        case EXTENSION -> {
          if (b == '\n') {
            endOfSizeLine();
          }
          i++;
        }
        case SIZE_LF -> {
          if (b != '\n') {
            throw new IllegalStateException("CR without LF after a chunk size");
          }
          endOfSizeLine();
          i++;
        }
        case DATA -> {
          int end = (int) Math.min(to, i + remaining);
          body.onBody(bytes, i, end);
          remaining -= end - i;
          i = end;
          if (remaining == 0) {
            state = State.DATA_CR;
          }
        }
        case DATA_CR -> {
          state = b == '\r' ? State.DATA_LF : fail("chunk data not followed by CRLF");
          i++;
        }
        case DATA_LF -> {
          state = b == '\n' ? State.SIZE : fail("chunk data not followed by CRLF");
          i++;
        }
        case TRAILER -> {
          // Trailer fields until an empty line.
          if (b == '\n') {
            if (trailerLineEmpty) {
              state = State.DONE;
              body.onEnd();
            }
            trailerLineEmpty = true;
          } else if (b != '\r') {
            trailerLineEmpty = false;
          }
          i++;
        }
        case RAW -> {
          body.onBody(bytes, i, to);
          i = to;
        }
        case DONE -> i = to;
        default -> throw new IllegalStateException(state.name());
      }
    }
  }

  private void endOfSizeLine() {
    if (remaining == 0) {
      state = State.TRAILER;
      trailerLineEmpty = true;
    } else {
      state = State.DATA;
    }
  }

  private static State fail(String message) {
    throw new IllegalStateException(message);
  }

  private boolean endsWithBlankLine() {
    int n = head.length();
    return (n >= 2 && head.charAt(n - 2) == '\n') || (n >= 4 && head.substring(n - 4).equals("\r\n\r\n"));
  }

  private void readHead() {
    String text = head.toString();
    String[] lines = text.split("\r?\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
      throw new IllegalStateException("not an HTTP/1.x response: " + lines[0]);
    }
    boolean chunked = false;
    for (int l = 1; l < lines.length; l++) {
      String line = lines[l].toLowerCase(java.util.Locale.ROOT);
      if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
        chunked = true;
      }
    }
    state = chunked ? State.SIZE : State.RAW;
    remaining = 0;
    body.onHead(Integer.parseInt(status[1]));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
