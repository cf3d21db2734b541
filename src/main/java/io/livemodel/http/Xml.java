package io.livemodel.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The {@code ?_format=xml} rendering of strong-remoting (js2xmlparser with the root element
 * {@code response}): object keys become elements, array items repeat their key's element (items of a
 * top-level array are {@code result} elements), nulls are empty elements, text is escaped. Keys
 * that are not valid XML names are written as {@code <item key="...">}.
 */
final class Xml {

  static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private Xml() {
  }

  static String render(Object value) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (value instanceof JsonArray array) {
      out.append("<response>");
      for (Object item : array) {
        element(out, "result", item);
      }
      return out.append("</response>").toString();
    }
    element(out, "response", value);
    return out.toString();
  }

  private static void element(StringBuilder out, String name, Object value) {
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        element(out, name, item);
      }
      return;
    }
    boolean valid = name.matches("[A-Za-z_][A-Za-z0-9_.-]*");
    String tag = valid ? name : "item";
    out.append('<').append(tag);
    if (!valid) {
      out.append(" key=\"").append(escape(name)).append('"');
    }
    out.append('>');
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        element(out, entry.getKey(), entry.getValue());
      }
    } else if (value != null) {
      out.append(escape(String.valueOf(value)));
    }
    out.append("</").append(tag).append('>');
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
