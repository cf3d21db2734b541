package io.livemodel.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The event-stream parser of the HTML standard (section 9.2.6), on raw bytes: lines end in CRLF, LF
 * or CR and may be split anywhere across chunks (a CRLF or a multi-byte character too); {@code data}
 * lines are joined with LF; the last {@code id} persists across events (an id containing NUL is
 * ignored); {@code retry} takes digits only; comments are counted; an event is dispatched on a blank
 * line when it has data, with type {@code message} when none was given.
 *
 * <p>Two ways to listen: {@link #SseParser(Consumer)} gets each event as an {@link SseEvent} (tests);
 * {@link #bytes(Listener)} sees the data in a reused array and the id as a number, with no
 * allocation per event once the buffers have grown (a load generator). Feed it raw chunks. Not
 * thread-safe.
 */
public final class SseParser {

  /** Receives dispatched events without allocation. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param type the event type ({@code message} when none was given)
     * @param lastEventId the last {@code id:} value as a number, -1 if none or not a number
     * @param data the event's data, valid only during the call, in {@code data[0, length)}
     */
    void onEvent(String type, long lastEventId, byte[] data, int length);
  }

  /** Reads an {@code id:} value, {@code bytes[from, to)}, as a number; -1 when it is not one. */
  @FunctionalInterface
  public interface IdParser {
    long parse(byte[] bytes, int from, int to);
  }

  private static final byte[] DATA = ascii("data");
  private static final byte[] ID = ascii("id");
  private static final byte[] EVENT = ascii("event");
  private static final byte[] RETRY = ascii("retry");

  private final Listener listener;
  private byte[] line = new byte[256];
  private int lineLength;
  private byte[] data = new byte[256];
  private int dataLength;
  private boolean dataSeen;
  private boolean lastWasCr;
  /** The event type buffer; "" when none. Reused while lines repeat the same type. */
  private String eventType = "";
  private String lastType = "";
  private byte[] id = new byte[32];
  private int idLength;
  private long idNumber = -1;
  private String idText = "";
  private long comments;
  private Integer retry;

  private final IdParser ids;

  private SseParser(Listener listener, IdParser ids) {
    this.listener = listener;
    this.ids = ids;
  }

  /** Delivers each event as an {@link SseEvent}: its data decoded as UTF-8, its id as text. */
  public SseParser(Consumer<SseEvent> onEvent) {
    this.ids = SseParser::parseLong;
    this.listener = (type, number, bytes, length) ->
        onEvent.accept(new SseEvent(type, new String(bytes, 0, length, StandardCharsets.UTF_8), lastEventId()));
  }

  /** Delivers events as bytes to {@code listener}: no allocation per event. */
  public static SseParser bytes(Listener listener) {
    return new SseParser(listener, SseParser::parseLong);
  }

  /** Like {@link #bytes(Listener)}, reading ids with {@code ids} (a server whose ids are not plain numbers). */
  public static SseParser bytes(Listener listener, IdParser ids) {
    return new SseParser(listener, ids);
  }

  /** Comment lines seen so far (the {@code :ok} preamble and heartbeats). */
  public long comments() {
    return comments;
  }

  /** The last valid {@code retry:} value, or null. */
  public Integer retry() {
    return retry;
  }

  /** The last event id buffer as text ("" if none yet). */
  public String lastEventId() {
    if (idText == null) {
      idText = new String(id, 0, idLength, StandardCharsets.UTF_8);
    }
    return idText;
  }

  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  /** Feeds {@code bytes[from, to)}. */
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
    int colon = indexOf((byte) ':');
    int fieldEnd = colon < 0 ? lineLength : colon;
    int valueStart = colon < 0 ? lineLength : colon + 1;
    if (valueStart < lineLength && line[valueStart] == ' ') {
      valueStart++;
    }
    if (fieldIs(DATA, fieldEnd)) {
      appendData(valueStart);
    } else if (fieldIs(ID, fieldEnd)) {
      if (indexOf((byte) 0) < 0) {
        setId(valueStart);
      }
    } else if (fieldIs(EVENT, fieldEnd)) {
      eventType = typeOf(valueStart);
    } else if (fieldIs(RETRY, fieldEnd)) {
      long value = parseLong(line, valueStart, lineLength);
      if (value >= 0 && value <= Integer.MAX_VALUE) {
        retry = (int) value;
      }
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

  private void setId(int valueStart) {
    int n = lineLength - valueStart;
    if (n > id.length) {
      id = new byte[Math.max(id.length * 2, n)];
    }
    System.arraycopy(line, valueStart, id, 0, n);
    idLength = n;
    idNumber = ids.parse(id, 0, n);
    idText = null;
  }

  /** The type named by the line; the previous type's String when the bytes are the same. */
  private String typeOf(int valueStart) {
    int n = lineLength - valueStart;
    if (n == lastType.length()) {
      boolean same = true;
      for (int i = 0; i < n && same; i++) {
        same = line[valueStart + i] == lastType.charAt(i);
      }
      if (same) {
        return lastType;
      }
    }
    lastType = new String(line, valueStart, n, StandardCharsets.UTF_8);
    return lastType;
  }

  private void dispatch() {
    if (dataSeen) {
      listener.onEvent(eventType.isEmpty() ? "message" : eventType, idNumber, data, dataLength - 1);
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

  private int indexOf(byte b) {
    for (int i = 0; i < lineLength; i++) {
      if (line[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** A non-negative decimal number in {@code bytes[from, to)}, or -1 if it is anything else. */
  public static long parseLong(byte[] bytes, int from, int to) {
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

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
