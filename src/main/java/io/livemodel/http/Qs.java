package io.livemodel.http;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw URL query string the way Express 4's query parser ({@code qs.parse} with its
 * defaults and {@code allowPrototypes: true}) does, for what LoopBack's REST API reads:
 * <ul>
 *   <li>percent-decoding with {@code +} as a space; invalid encoding keeps the raw text;
 *   <li>{@code a[b][c]=v} nests objects, at most {@value #DEPTH} bracket levels (the rest of the key
 *       becomes one literal key);
 *   <li>{@code a[0]=x&a[1]=y} (indexes up to {@value #ARRAY_LIMIT}), {@code a[]=x} and repeated keys
 *       give arrays; mixing {@code a=x} with {@code a[b]=y} gives {@code ["x",{"b":"y"}]};
 *   <li>only the first {@value #PARAMETER_LIMIT} parameters are read.
 * </ul>
 * Leaves are Strings (and, in qs's one odd merge case {@code a[b]=1&a=c}, {@code c: true}).
 */
public final class Qs {

  static final int DEPTH = 5;
  static final int ARRAY_LIMIT = 20;
  static final int PARAMETER_LIMIT = 1000;

  private Qs() {
  }

  public static JsonObject decode(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new JsonObject();
    }
    Map<String, Object> flat = parseValues(rawQuery);
    Object result = new LinkedHashMap<String, Object>();
    for (String key : QsMerge.jsKeyOrder(flat.keySet())) {
      if (!key.isEmpty()) {
        result = QsMerge.merge(result, parseKeys(key, flat.get(key)));
      }
    }
    return (JsonObject) QsMerge.toJson(result);
  }

  /** Splits on {@code &} and decodes each {@code key=value}; repeated keys are combined into lists. */
  private static Map<String, Object> parseValues(String rawQuery) {
    String clean = replaceEncodedBrackets(rawQuery);
    Map<String, Object> flat = new LinkedHashMap<>();
    int start = 0;
    for (int count = 0; count < PARAMETER_LIMIT && start <= clean.length(); count++) {
      int amp = clean.indexOf('&', start);
      String part = amp < 0 ? clean.substring(start) : clean.substring(start, amp);
      start = amp < 0 ? clean.length() + 1 : amp + 1;
      int bracketEquals = part.indexOf("]=");
      int pos = bracketEquals < 0 ? part.indexOf('=') : bracketEquals + 1;
      String key = decodeComponent(pos < 0 ? part : part.substring(0, pos));
      String value = pos < 0 ? "" : decodeComponent(part.substring(pos + 1));
      if ("__proto__".equals(key)) {
        continue;
      }
      flat.merge(key, value, QsMerge::combine);
    }
    return flat;
  }

  private static String replaceEncodedBrackets(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && (s.charAt(i + 1) == '5')) {
        char d = Character.toUpperCase(s.charAt(i + 2));
        if (d == 'B' || d == 'D') {
          out.append(d == 'B' ? '[' : ']');
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * qs's decoder: {@code +} is a space, then {@code decodeURIComponent}; text it cannot decode
   * (a stray {@code %}, invalid UTF-8) is returned with only the {@code +} replaced.
   */
  static String decodeComponent(String s) {
    String text = s.replace('+', ' ');
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    ByteBuffer bytes = ByteBuffer.allocate(text.length());
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int i = 0;
    try {
      while (i < text.length()) {
        if (text.charAt(i) != '%') {
          out.append(text.charAt(i++));
          continue;
        }
        bytes.clear();
        while (i < text.length() && text.charAt(i) == '%') {
          if (i + 2 >= text.length()) {
            return text;
          }
          int hi = Character.digit(text.charAt(i + 1), 16);
          int lo = Character.digit(text.charAt(i + 2), 16);
          if (hi < 0 || lo < 0) {
            return text;
          }
          bytes.put((byte) (hi * 16 + lo));
          i += 3;
        }
        bytes.flip();
        CharBuffer chars = decoder.reset().decode(bytes);
        out.append(chars);
      }
    } catch (CharacterCodingException e) {
      return text;
    }
    return out.toString();
  }

  /**
   * qs's {@code parseKeys}: {@code parent[a][b]} becomes the chain {@code parent, [a], [b]}; past
   * {@link #DEPTH} segments the remainder is one more segment, kept literally.
   */
  private static Object parseKeys(String key, Object value) {
    List<String> chain = new ArrayList<>();
    int[] segment = nextSegment(key, 0);
    String parent = segment == null ? key : key.substring(0, segment[0]);
    if (!parent.isEmpty()) {
      chain.add(parent);
    }
    int depth = 0;
    int from = 0;
    while ((segment = nextSegment(key, from)) != null) {
      if (depth == DEPTH) {
        chain.add("[" + key.substring(segment[0]) + "]");
        break;
      }
      depth++;
      chain.add(key.substring(segment[0], segment[1]));
      from = segment[1];
    }
    return QsMerge.parseObject(chain, value);
  }

  /** The next {@code [...]} without nested brackets at or after {@code from}: {start, end}, or null. */
  private static int[] nextSegment(String key, int from) {
    for (int p = key.indexOf('[', from); p >= 0; p = key.indexOf('[', p + 1)) {
      int q = p + 1;
      while (q < key.length() && key.charAt(q) != '[' && key.charAt(q) != ']') {
        q++;
      }
      if (q < key.length() && key.charAt(q) == ']') {
        return new int[] {p, q + 1};
      }
    }
    return null;
  }
}
