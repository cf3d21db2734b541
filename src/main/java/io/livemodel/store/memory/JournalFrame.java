package io.livemodel.store.memory;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The framing of journal records: one line per record, {@code <crc32 as 8 lower-case hex digits>
 * <space> <record JSON> <LF>}, the checksum taken over the UTF-8 bytes of the JSON. The JSON encoder
 * escapes line breaks inside strings, so a record never contains a raw LF; a record is complete only
 * with its LF, which makes a torn last record detectable.
 */
final class JournalFrame {

  private static final int HEADER_LENGTH = 9;

  private JournalFrame() {
  }

  static byte[] encode(JsonObject record) {
    byte[] json = record.encode().getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[HEADER_LENGTH + json.length + 1];
    byte[] header = String.format("%08x ", checksum(json, 0, json.length)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, frame, 0, HEADER_LENGTH);
    System.arraycopy(json, 0, frame, HEADER_LENGTH, json.length);
    frame[frame.length - 1] = '\n';
    return frame;
  }

  /**
   * Decodes one line (without its LF).
   *
   * @throws IllegalArgumentException if the header is malformed, the checksum does not match or the
   *     JSON is invalid
   */
  static JsonObject decode(byte[] line, int length) {
    if (length < HEADER_LENGTH + 2 || line[HEADER_LENGTH - 1] != ' ') {
      throw new IllegalArgumentException("malformed record header");
    }
    long expected;
    try {
      expected = Long.parseLong(new String(line, 0, HEADER_LENGTH - 1, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed record checksum", e);
    }
    int jsonLength = length - HEADER_LENGTH;
    if (checksum(line, HEADER_LENGTH, jsonLength) != expected) {
      throw new IllegalArgumentException("record checksum mismatch");
    }
    try {
      return new JsonObject(new String(line, HEADER_LENGTH, jsonLength, StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("record is not a JSON object", e);
    }
  }

  private static long checksum(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }
}
