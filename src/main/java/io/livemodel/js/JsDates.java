package io.livemodel.js;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript's {@code new Date(x)}, {@code toISOString()} and {@code toString()} (Node, TZ=UTC), the one
 * definition used for dates written to instances, dates in where clauses and dates compiled to SQL.
 *
 * <p>Accepted strings: the ECMAScript date-time format ({@code 2020-01-02}, {@code 2020-01},
 * {@code 2020}, {@code 2020-01-02T03:04}, {@code ...:05.123Z}, offsets {@code +02:00} or
 * {@code +0200}, signed 6-digit years, {@code T} or a space, any case), and the forms V8 also
 * accepts that clients commonly send: {@code toUTCString()} ({@code Thu, 02 Jan 2020 03:04:05 GMT}),
 * {@code toString()} ({@code Thu Jan 02 2020 03:04:05 GMT+0000 (...)}), {@code Jan 2 2020},
 * {@code 01/02/2020} (month first) and {@code 2020/01/02}, each with an optional time.
 * Like V8, a day past the month's end rolls over ({@code 2020-02-30} is March 1st) and
 * {@code 24:00} is the end of the day. A time without an offset is taken as UTC (V8 uses the
 * server's zone; LiveModel servers run in UTC). Other strings V8 guesses at (e.g. {@code "5"}) are
 * invalid here.
 */
public final class JsDates {

  /**
   * The longest string tried against the non-ISO forms. The longest such form a JS engine prints,
   * {@code toString()} with its zone name, is about 70 characters; the patterns backtrack over runs of
   * whitespace, so a megabyte of spaces would take minutes of CPU.
   */
  static final int MAX_FREE_FORM_LENGTH = 200;

  /** JS's limit: 8.64e15 ms either side of the epoch. */
  private static final long MAX_MILLIS = 8_640_000_000_000_000L;

  private static final String TIME = "(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?";
  private static final Pattern SLASHED = Pattern.compile(
      "(\\d{1,4})/(\\d{1,2})/(\\d{1,4})(?:\\s+" + TIME + ")?\\s*(?:(?:GMT|UTC|Z)?([+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\s+(\\d{4})(?:\\s+" + TIME + ")?"
          + "\\s*(?:(?:GMT|UTC|Z)([+-]\\d{2}:?\\d{2})?)?(?:\\s*\\(.*\\))?");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?:[A-Za-z]{3,9},?\\s+)?([A-Za-z]{3,9})\\s+(\\d{1,2}),?\\s+(\\d{4})(?:\\s+" + TIME + ")?"
          + "\\s*(?:(?:GMT|UTC|Z)([+-]\\d{2}:?\\d{2})?)?(?:\\s*\\(.*\\))?");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final String[] DAY_NAMES = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  private static final String[] MONTH_NAMES =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private JsDates() {
  }

  /**
   * {@code new Date(value)} as epoch milliseconds, or null for an Invalid Date: numbers (and booleans,
   * as 0/1) are epoch milliseconds, strings are {@linkplain #parse parsed}, arrays and objects go
   * through {@code String(value)}, null is the epoch and undefined is invalid. An {@link Instant} or a
   * {@link JsDate} is itself.
   */
  public static Long toMillis(Object value) {
    if (value instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (value instanceof JsDate d) {
      return d.millis();
    }
    if (value instanceof Number n) {
      return fromNumber(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (value instanceof String s) {
      return parse(s);
    }
    if (value == null) {
      return 0L;
    }
    if (value instanceof JsonArray || value instanceof List || value instanceof JsonObject || value instanceof Map) {
      return parse(JsValues.toJsString(value));
    }
    return null;
  }

  /** {@code new Date(value)} as a {@link JsDate}, see {@link #toMillis}. */
  public static JsDate toDate(Object value) {
    return new JsDate(toMillis(value));
  }

  /** {@code new Date(value)} as an instant, or null for an Invalid Date, see {@link #toMillis}. */
  public static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    Long millis = toMillis(value);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /** {@code new Date(number)}: truncated to whole milliseconds; null (Invalid Date) out of range. */
  public static Long fromNumber(double millis) {
    if (Double.isNaN(millis) || Math.abs(millis) > MAX_MILLIS) {
      return null;
    }
    return (long) millis;
  }

  /** {@code new Date(string)} as epoch milliseconds, or null for an Invalid Date. */
  public static Long parse(String raw) {
    String text = JsValues.trim(raw);
    Long iso = parseIsoTrimmed(text);
    if (iso != null || isIsoShaped(text)) {
      return iso;
    }
    if (text.length() > MAX_FREE_FORM_LENGTH) {
      return null;
    }
    Matcher m = SLASHED.matcher(text);
    if (m.matches()) {
      boolean yearFirst = m.group(1).length() > 2;
      int year = Integer.parseInt(yearFirst ? m.group(1) : m.group(3));
      int month = Integer.parseInt(yearFirst ? m.group(2) : m.group(1));
      int day = Integer.parseInt(yearFirst ? m.group(3) : m.group(2));
      return compose(year, month, day, timeOf(m), offsetMinutes(m.group(8)));
    }
    m = DAY_MONTH_YEAR.matcher(text);
    if (m.matches()) {
      return named(m.group(2), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), m);
    }
    m = MONTH_DAY_YEAR.matcher(text);
    if (m.matches()) {
      return named(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m);
    }
    return null;
  }

  /**
   * Only the ECMAScript date-time format ({@code YYYY[-MM[-DD]][(T|t| )HH:mm[:ss[.f+]]][Z|(+|-)HH[:]mm]},
   * or a signed 6-digit year), with {@link #parse}'s rules; null for anything else.
   */
  public static Long parseIso(String raw) {
    return parseIsoTrimmed(JsValues.trim(raw));
  }

  /** {@code Date.prototype.toISOString()}: {@code 2020-01-02T00:00:00.000Z}, 6-digit signed years outside 0-9999. */
  public static String toIsoString(long millis) {
    LocalDateTime t = utc(millis);
    int year = t.getYear();
    String y = year >= 0 && year <= 9999 ? String.format(Locale.ROOT, "%04d", year)
        : (year < 0 ? "-" : "+") + String.format(Locale.ROOT, "%06d", Math.abs(year));
    return String.format(Locale.ROOT, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
  }

  /** {@code Date.prototype.toString()} as Node prints it in UTC: {@code Thu Jan 02 2020 03:04:05 GMT+0000 (...)}. */
  public static String toDateString(long millis) {
    LocalDateTime t = utc(millis);
    int year = t.getYear();
    String y = (year < 0 ? "-" : "") + String.format(Locale.ROOT, "%04d", Math.abs(year));
    return String.format(Locale.ROOT, "%s %s %02d %s %02d:%02d:%02d GMT+0000 (Coordinated Universal Time)",
        DAY_NAMES[(int) Math.floorMod(Math.floorDiv(millis, 86_400_000L), 7L)], MONTH_NAMES[t.getMonthValue() - 1],
        t.getDayOfMonth(), y, t.getHour(), t.getMinute(), t.getSecond());
  }

  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  /** Whether the text starts as an ISO date does, so the other forms need not be tried. */
  private static boolean isIsoShaped(String text) {
    int n = text.length();
    return n >= 5 && isDigit(text, 0) && isDigit(text, 1) && isDigit(text, 2) && isDigit(text, 3)
        && text.charAt(4) == '-';
  }

  private static boolean isDigit(String text, int i) {
    char c = text.charAt(i);
    return c >= '0' && c <= '9';
  }

  /**
   * The ISO form, read by hand (it is the common case, on the filter's hot path too):
   * {@code ([+-]dddddd|dddd)(-MM(-DD)?)?([Tt ]TIME)?\s*(Z|z|[+-]HH:?mm)?}.
   */
  private static Long parseIsoTrimmed(String s) {
    Cursor c = new Cursor(s);
    int year;
    if (c.peek('+') || c.peek('-')) {
      boolean negative = c.accept('-');
      if (!negative) {
        c.accept('+');
      }
      year = c.digits(6);
      if (year < 0 || (negative && year == 0)) {
        return null;
      }
      year = negative ? -year : year;
    } else {
      year = c.digits(4);
      if (year < 0) {
        return null;
      }
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
    int beforeTime = c.pos;
    if (c.accept('T') || c.accept('t') || c.accept(' ')) {
      if (!readTime(c, time)) {
        // "2020-01-02 Z": the space was not a time separator.
        c.pos = beforeTime;
        time = new int[] {0, 0, 0, 0};
      }
    }
    while (c.pos < s.length() && isAsciiSpace(s.charAt(c.pos))) {
      c.pos++;
    }
    Integer offset = readOffset(c);
    if (offset == null || !c.atEnd()) {
      return null;
    }
    return compose(year, month, day, time, offset);
  }

  private static boolean isAsciiSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x0B || ch == '\f' || ch == '\r';
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

  /** Minutes east of UTC; 0 when absent; null when malformed (V8 rejects hours past 23 or minutes past 59). */
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

  private static Long named(String monthName, int day, int year, Matcher m) {
    Integer month = monthName.length() < 3 ? null : MONTHS.get(monthName.substring(0, 3).toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    Integer offset = offsetMinutes(m.group(8));
    return offset == null ? null : compose(year, month, day, timeOf(m), offset);
  }

  /** Hour, minute, second and millisecond from the regex groups 4 to 7. */
  private static int[] timeOf(Matcher m) {
    String fraction = m.group(7);
    return new int[] {orZero(m.group(4)), orZero(m.group(5)), orZero(m.group(6)),
        fraction == null ? 0 : Integer.parseInt((fraction + "00").substring(0, 3))};
  }

  /** Builds the time value; days 1-31 roll over past the month's end as in V8, 24:00 is the next day. */
  private static Long compose(int year, int month, int day, int[] time, Integer offsetMinutes) {
    if (offsetMinutes == null) {
      return null;
    }
    int hour = time[0];
    int minute = time[1];
    int second = time[2];
    int millis = time[3];
    boolean endOfDay = hour == 24 && minute == 0 && second == 0 && millis == 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || (hour > 23 && !endOfDay) || minute > 59
        || second > 59) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, 1).toEpochDay() + day - 1;
    long total = epochDay * 86_400_000L + ((hour * 60L + minute) * 60L + second) * 1000L + millis;
    total -= offsetMinutes * 60_000L;
    return Math.abs(total) > MAX_MILLIS ? null : total;
  }

  /** The offset of the legacy forms in minutes east of UTC: 0 when absent, null when out of range. */
  private static Integer offsetMinutes(String offset) {
    if (offset == null || offset.equalsIgnoreCase("Z")) {
      return 0;
    }
    String digits = offset.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = Integer.parseInt(digits.substring(2));
    if (hours > 23 || minutes > 59) {
      return null;
    }
    return offset.charAt(0) == '-' ? -(hours * 60 + minutes) : hours * 60 + minutes;
  }

  private static int orZero(String group) {
    return group == null ? 0 : Integer.parseInt(group);
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

    boolean peek(char expected) {
      return pos < text.length() && text.charAt(pos) == expected;
    }

    boolean accept(char expected) {
      if (peek(expected)) {
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
