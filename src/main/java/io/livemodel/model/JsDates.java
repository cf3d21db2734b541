package io.livemodel.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript's {@code new Date(x)} and {@code toISOString()} for the values a client can send, as
 * juggler uses them for {@code date} properties.
 *
 * <p>Accepted strings: the ECMAScript date-time format ({@code 2020-01-02}, {@code 2020-01},
 * {@code 2020}, {@code 2020-01-02T03:04}, {@code ...:05.123Z}, offsets {@code +02:00} or
 * {@code +0200}, signed 6-digit years, {@code T} or a space, any case), and the forms V8 also
 * accepts that clients commonly send: {@code toUTCString()} ({@code Thu, 02 Jan 2020 03:04:05 GMT}),
 * {@code toString()} ({@code Thu Jan 02 2020 03:04:05 GMT+0000 (...)}), {@code Jan 2 2020},
 * {@code 01/02/2020} (month first) and {@code 2020/01/02}, each with an optional time.
 * Like V8, a day past the month's end rolls over ({@code 2020-02-30} is March 1st).
 * A time without an offset is taken as UTC (V8 uses the server's zone; LiveModel servers run in UTC).
 * Other strings V8 guesses at (e.g. {@code "5"}) are invalid here.
 */
public final class JsDates {

  /** JS's limit: 8.64e15 ms either side of the epoch. */
  private static final long MAX_MILLIS = 8_640_000_000_000_000L;

  private static final String TIME = "(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?";
  private static final Pattern ISO = Pattern.compile(
      "([+-]\\d{6}|\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:[Tt ]" + TIME + ")?\\s*(Z|z|[+-]\\d{2}:?\\d{2})?");
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

  private JsDates() {
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
    Matcher m = ISO.matcher(text);
    if (m.matches()) {
      if ("-000000".equals(m.group(1))) {
        return null;
      }
      return compose(Integer.parseInt(m.group(1)), orOne(m.group(2)), orOne(m.group(3)), m, 4, m.group(8));
    }
    m = SLASHED.matcher(text);
    if (m.matches()) {
      boolean yearFirst = m.group(1).length() > 2;
      int year = Integer.parseInt(yearFirst ? m.group(1) : m.group(3));
      int month = Integer.parseInt(yearFirst ? m.group(2) : m.group(1));
      int day = Integer.parseInt(yearFirst ? m.group(3) : m.group(2));
      return compose(year, month, day, m, 4, m.group(8));
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

  /** {@code Date.prototype.toISOString()}: {@code 2020-01-02T00:00:00.000Z}, 6-digit signed years outside 0-9999. */
  public static String toIsoString(long millis) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    int year = t.getYear();
    String y = year >= 0 && year <= 9999 ? String.format("%04d", year)
        : (year < 0 ? "-" : "+") + String.format("%06d", Math.abs(year));
    return String.format(Locale.ROOT, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
  }

  private static Long named(String monthName, int day, int year, Matcher m) {
    Integer month = monthName.length() < 3 ? null : MONTHS.get(monthName.substring(0, 3).toLowerCase(Locale.ROOT));
    return month == null ? null : compose(year, month, day, m, 4, m.group(8));
  }

  /** Builds the instant from the date parts and the time groups starting at {@code timeGroup}. */
  private static Long compose(int year, int month, int day, Matcher m, int timeGroup, String offset) {
    int hour = orZero(m.group(timeGroup));
    int minute = orZero(m.group(timeGroup + 1));
    int second = orZero(m.group(timeGroup + 2));
    String fraction = m.group(timeGroup + 3);
    int millis = fraction == null ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
    boolean endOfDay = hour == 24 && minute == 0 && second == 0 && millis == 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || (hour > 23 && !endOfDay) || minute > 59
        || second > 59) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, 1).toEpochDay() + day - 1;
    long total = epochDay * 86_400_000L + ((hour * 60L + minute) * 60L + second) * 1000L + millis;
    total -= offsetMinutes(offset) * 60_000L;
    return Math.abs(total) > MAX_MILLIS ? null : total;
  }

  private static long offsetMinutes(String offset) {
    if (offset == null || offset.equalsIgnoreCase("Z")) {
      return 0;
    }
    String digits = offset.substring(1).replace(":", "");
    long minutes = Integer.parseInt(digits.substring(0, 2)) * 60L + Integer.parseInt(digits.substring(2));
    return offset.charAt(0) == '-' ? -minutes : minutes;
  }

  private static int orOne(String group) {
    return group == null ? 1 : Integer.parseInt(group);
  }

  private static int orZero(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }
}
