package io.livemodel.filter;

import io.livemodel.model.ApiError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * JavaScript {@code Date} behaviour for filter values: {@code new Date(x)} for the ISO forms LoopBack
 * clients send (date-only is midnight UTC; a date-time without offset is read as UTC, the server's
 * zone) and epoch milliseconds, and {@code Date.prototype.toString()} in UTC.
 */
final class JsDates {

  /** JavaScript's time value range: +-8.64e15 ms around the epoch. */
  private static final double MAX_TIME = 8.64e15;

  private static final DateTimeFormatter TO_STRING = DateTimeFormatter
      .ofPattern("EEE MMM dd yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JsDates() {
  }

  /**
   * LoopBack's {@code DateType} coercion of a where value.
   *
   * @throws ApiError 500, as LoopBack fails with a plain {@code Invalid date} error
   */
  static Instant coerce(Object value) {
    Instant instant = toInstant(value);
    if (instant == null) {
      throw ApiError.internal("Invalid date: " + JsValues.toJsString(value));
    }
    return instant;
  }

  /** {@code new Date(value)}, or null for an invalid date. */
  static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return fromMillis(JsValues.toNumber(value));
    }
    if (value instanceof String s) {
      return parse(s);
    }
    if (JsValues.isObjectLike(value)) {
      return parse(JsValues.toJsString(value));
    }
    return null;
  }

  static Instant fromMillis(double millis) {
    if (Double.isNaN(millis) || Math.abs(millis) > MAX_TIME) {
      return null;
    }
    return Instant.ofEpochMilli((long) millis);
  }

  /**
   * Parses {@code YYYY[-MM[-DD]][(T| )HH:mm[:ss[.fff]]][Z|(+|-)HH[:]mm]}; null when it is not one.
   */
  static Instant parse(String raw) {
    String s = JsValues.trimJs(raw);
    Cursor c = new Cursor(s);
    int year = c.digits(4);
    if (year < 0) {
      return null;
    }
    int month = 1;
    int day = 1;
    if (c.accept('-')) {
      month = c.digits(2);
      if (month < 0) {
        return null;
      }
      if (c.accept('-')) {
        day = c.digits(2);
        if (day < 0) {
          return null;
        }
      }
    }
    int[] time = {0, 0, 0, 0};
    if (c.accept('T') || c.accept('t') || c.accept(' ')) {
      if (!readTime(c, time)) {
        return null;
      }
    }
    Integer offsetMinutes = readOffset(c);
    if (offsetMinutes == null || !c.atEnd()) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, time[0], time[1], time[2], time[3] * 1_000_000);
      return local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean readTime(Cursor c, int[] time) {
    time[0] = c.digits(2);
    if (time[0] < 0 || !c.accept(':')) {
      return false;
    }
    time[1] = c.digits(2);
    if (time[1] < 0) {
      return false;
    }
    if (c.accept(':')) {
      time[2] = c.digits(2);
      if (time[2] < 0) {
        return false;
      }
      if (c.accept('.')) {
        String fraction = c.digitRun();
        if (fraction.isEmpty()) {
          return false;
        }
        time[3] = Integer.parseInt((fraction + "00").substring(0, 3));
      }
    }
    return true;
  }

  /** Minutes east of UTC; 0 when absent; null when malformed. */
  private static Integer readOffset(Cursor c) {
    if (c.accept('Z') || c.accept('z') || c.atEnd()) {
      return 0;
    }
    int sign = c.accept('+') ? 1 : c.accept('-') ? -1 : 0;
    if (sign == 0) {
      return null;
    }
    int hours = c.digits(2);
    c.accept(':');
    int minutes = c.digits(2);
    if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) {
      return null;
    }
    return sign * (hours * 60 + minutes);
  }

  /** {@code Date.prototype.toString()} as Node prints it in UTC. */
  static String toDateString(Instant instant) {
    return TO_STRING.format(instant) + " GMT+0000 (Coordinated Universal Time)";
  }

  private static final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos == text.length();
    }

    boolean accept(char expected) {
      if (pos < text.length() && text.charAt(pos) == expected) {
        pos++;
        return true;
      }
      return false;
    }

    /** Exactly {@code count} ASCII digits as a number, or -1 (nothing consumed). */
    int digits(int count) {
      if (pos + count > text.length()) {
        return -1;
      }
      int value = 0;
      for (int i = 0; i < count; i++) {
        char ch = text.charAt(pos + i);
        if (ch < '0' || ch > '9') {
          return -1;
        }
        value = value * 10 + (ch - '0');
      }
      pos += count;
      return value;
    }

    String digitRun() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      return text.substring(start, pos);
    }
  }
}
