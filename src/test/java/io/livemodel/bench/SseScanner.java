package io.livemodel.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The event-stream parser of the HTML standard (section 9.2.6) on raw bytes, for the load
 * generator: lines end in CRLF, LF or CR and may be split anywhere across chunks (a CRLF too);
 * {@code data} lines are joined with LF; the last {@code id} persists across events; comments are
 * counted; an event is dispatched on a blank line when it has data. No allocation per event: the
 * listener sees the data in a reused array, valid only during the call. Not thread-safe.
 */
public final class SseScanner {

  /** Receives dispatched events. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param type the event type ({@code message} when none was given)
     * @param lastEventId the last {@code id:} value as the {@link IdParser} read it, -1 if none or unreadable
     */
    void onEvent(String type, long lastEventId, byte[] data, int length);
  }

  /** Reads an {@code id:} value, {@code bytes[from, to)}, as a number; -1 when it is not one. */
  @FunctionalInterface
  public interface IdParser {
    long parse(byte[] bytes, int from, int to);
  }

  private static final byte[] DATA = bytes("data");
  private static final byte[] ID = bytes("id");
  private static final byte[] EVENT = bytes("event");

  private final Listener listener;
  private final IdParser ids;
  private byte[] line = new byte[256];
  private int lineLength;
  private byte[] data = new byte[256];
  private int dataLength;
  private boolean dataSeen;
  private boolean lastWasCr;
  private String eventType = "";
  private long lastEventId = -1;
  private long comments;

  /** A scanner whose ids are decimal numbers (LiveModel's commit sequence). */
  public SseScanner(Listener listener) {
    this(listener, SseScanner::parseLong);
  }

  public SseScanner(Listener listener, IdParser ids) {
    this.listener = listener;
    this.ids = ids;
  }

  /** Comment lines seen so far ({@code :ok}, heartbeats). */
  public long comments() {
    return comments;
  }

  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  public void feed(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '\n' && lastWasCr) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = b == '\r';
      if (b == '\n' || b == '\r') {
        processLine();
        lineLength = 0;
      } else {
        if (lineLength == line.length) {
          line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
      }
    }
  }

  private void processLine() {
    if (lineLength == 0) {
      dispatch();
      return;
    }
    if (line[0] == ':') {
      comments++;
      return;
    }
    int colon = indexOf(line, lineLength, (byte) ':');
    int fieldEnd = colon < 0 ? lineLength : colon;
    int valueStart = colon < 0 ? lineLength : colon + 1;
    if (valueStart < lineLength && line[valueStart] == ' ') {
      valueStart++;
    }
    if (fieldIs(DATA, fieldEnd)) {
      appendData(valueStart);
    } else if (fieldIs(ID, fieldEnd)) {
      if (indexOf(line, lineLength, (byte) 0) < 0) {
        lastEventId = ids.parse(line, valueStart, lineLength);
      }
    } else if (fieldIs(EVENT, fieldEnd)) {
      eventType = new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8);
    }
  }

  private void appendData(int valueStart) {
    int n = lineLength - valueStart;
    if (dataLength + n + 1 > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + n + 1));
    }
    System.arraycopy(line, valueStart, data, dataLength, n);
    dataLength += n;
    data[dataLength++] = '\n';
    dataSeen = true;
  }

  private void dispatch() {
    if (dataSeen) {
      listener.onEvent(eventType.isEmpty() ? "message" : eventType, lastEventId, data, dataLength - 1);
    }
    dataLength = 0;
    dataSeen = false;
    eventType = "";
  }

  private boolean fieldIs(byte[] name, int fieldEnd) {
    if (fieldEnd != name.length) {
      return false;
    }
    for (int i = 0; i < fieldEnd; i++) {
      if (line[i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, int length, byte b) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** A non-negative decimal number in {@code bytes[from, to)}, or -1 if it is anything else. */
  static long parseLong(byte[] bytes, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
