package io.livemodel.testing;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The event-stream parser of the HTML standard (section 9.2.6): lines end in CRLF, LF or CR,
 * possibly split across chunks; {@code event}, {@code data}, {@code id}, {@code retry} fields;
 * comments; an event dispatched on a blank line when it has data. Feed it raw chunks.
 */
public final class SseParser {

  private final Consumer<SseEvent> onEvent;
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private String lastEventId = "";
  private boolean dataSeen;
  private boolean lastWasCr;
  private int comments;
  private Integer retry;
  private byte[] pendingUtf8 = new byte[0];

  public SseParser(Consumer<SseEvent> onEvent) {
    this.onEvent = onEvent;
  }

  /** Comment lines seen (the {@code :ok} preamble and heartbeats). */
  public int comments() {
    return comments;
  }

  /** The last {@code retry:} value, or null. */
  public Integer retry() {
    return retry;
  }

  public void feed(byte[] bytes) {
    byte[] all = new byte[pendingUtf8.length + bytes.length];
    System.arraycopy(pendingUtf8, 0, all, 0, pendingUtf8.length);
    System.arraycopy(bytes, 0, all, pendingUtf8.length, bytes.length);
    int complete = completeUtf8Length(all);
    pendingUtf8 = java.util.Arrays.copyOfRange(all, complete, all.length);
    String text = new String(all, 0, complete, StandardCharsets.UTF_8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && lastWasCr) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = c == '\r';
      if (c == '\n' || c == '\r') {
        processLine(line.toString());
        line.setLength(0);
      } else {
        line.append(c);
      }
    }
  }

  private static int completeUtf8Length(byte[] bytes) {
    int end = bytes.length;
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = bytes[end - back] & 0xff;
      if ((b & 0xc0) == 0x80) {
        continue;
      }
      int need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? end - back : end;
    }
    return end;
  }

  private void processLine(String text) {
    if (text.isEmpty()) {
      dispatch();
      return;
    }
    if (text.startsWith(":")) {
      comments++;
      return;
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> eventType = value;
      case "data" -> {
        data.append(value).append('\n');
        dataSeen = true;
      }
      case "id" -> {
        if (!value.contains("\0")) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (value.matches("\\d+")) {
          retry = Integer.parseInt(value);
        }
      }
      default -> { }
    }
  }

  private void dispatch() {
    if (!dataSeen) {
      eventType = "";
      return;
    }
    String payload = data.substring(0, data.length() - 1);
    onEvent.accept(new SseEvent(eventType.isEmpty() ? "message" : eventType, payload, lastEventId));
    data.setLength(0);
    dataSeen = false;
    eventType = "";
  }
}
