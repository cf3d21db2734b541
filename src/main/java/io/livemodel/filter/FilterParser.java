package io.livemodel.filter;

import static io.livemodel.js.JsValues.truthy;

import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.livemodel.model.Hidden;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Parses LoopBack filters as they arrive from the REST layer: a JSON string ({@code ?filter={...}}),
 * an already nested object (bracket syntax, decoded by the HTTP layer into a JsonObject whose leaf
 * values are strings), or null. Malformed input fails with the 400 {@link ApiError}s of API.md.
 *
 * <p>The steps and their order are strong-remoting's object argument coercion, then juggler's
 * {@code _normalize} (limit/skip, order, fields, query depth, where), then the model's default scope
 * ({@link DefaultScopes}). {@code include} is kept as given (empty forms as none): it names
 * relations, which {@code io.livemodel.relation.Includes} resolves.
 */
public final class FilterParser {

  /** Juggler's default {@code maxDepthOfQuery}. */
  static final int MAX_QUERY_DEPTH = 32;

  /** Juggler's limit when only skip/offset is given. */
  static final int DEFAULT_LIMIT_WITH_SKIP = 100;

  private FilterParser() {
  }

  /** Parses a whole filter. {@code raw} is null, a String, a JsonObject or anything else (-> 400). */
  public static Filter parse(Object raw, ModelDefinition model) {
    JsonObject filter = toObject(raw);
    if (filter == null) {
      return DefaultScopes.apply(Filter.ALL, model);
    }
    int[] limitSkip = limitAndSkip(filter);
    var order = OrderParser.parse(filter.getValue("order"));
    Fields fields = FieldsParser.parse(filter.getValue("fields"), model);
    checkDepth(filter, 0);
    Where where = WhereParser.parse(Hidden.stripWhere(model, filter.getValue("where")), model);
    return DefaultScopes.apply(new Filter(where, order, limitSkip[0], limitSkip[1], fields,
        include(filter.getValue("include"))), model);
  }

  /**
   * Parses a bare {@code where} (count, updateAll, upsertWithWhere) and ANDs the model's default scope
   * ({@link DefaultScopes}). Null or empty, without a scope, gives null.
   */
  public static Where parseScopedWhere(Object raw, ModelDefinition model) {
    return DefaultScopes.apply(parseWhere(raw, model), model);
  }

  /** Parses a bare {@code where} without the default scope (change-stream options). Null or empty gives null. */
  public static Where parseWhere(Object raw, ModelDefinition model) {
    JsonObject where = toObject(raw);
    if (where == null) {
      return null;
    }
    checkDepth(where, 0);
    return WhereParser.parse(Hidden.stripWhere(model, where), model);
  }

  /**
   * A {@code where} for the server's own lookups (login by email, uniqueness, a user's tokens): hidden
   * properties are NOT ignored here, unlike in every client's where. The model's default scope is
   * ANDed, as for a client's where. Never use it for client input.
   */
  public static Where parseServerWhere(JsonObject where, ModelDefinition model) {
    checkDepth(where, 0);
    return DefaultScopes.apply(WhereParser.parse(where, model), model);
  }

  /**
   * strong-remoting's coercion of an {@code object} argument: {@code ""}, {@code "null"} and null
   * are absent; a string that starts with {@code {} and ends with {@code }} is JSON-parsed; anything
   * else that is not an object is refused.
   */
  public static JsonObject toObject(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof JsonObject object) {
      return object;
    }
    if (raw instanceof Map<?, ?> map) {
      return (JsonObject) JsValues.wrap(map);
    }
    if (raw instanceof String text) {
      if (text.isEmpty() || text.equals("null")) {
        return null;
      }
      if (text.startsWith("{") && text.endsWith("}")) {
        try {
          return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
          throw ApiError.badRequest("Cannot parse JSON-encoded object value.");
        }
      }
    }
    throw ApiError.badRequest("Value is not an object.");
  }

  /** Juggler's limit/skip rules: checked only when one of them is truthy; a lone skip limits to 100. */
  static int[] limitAndSkip(JsonObject filter) {
    Object limitRaw = filter.getValue("limit");
    Object skipRaw = filter.getValue("skip");
    Object offsetRaw = filter.getValue("offset");
    if (!truthy(limitRaw) && !truthy(skipRaw) && !truthy(offsetRaw)) {
      return new int[] {0, 0};
    }
    double limit = JsValues.toNumber(truthy(limitRaw) ? limitRaw : DEFAULT_LIMIT_WITH_SKIP);
    Object offsetGiven = truthy(skipRaw) ? skipRaw : truthy(offsetRaw) ? offsetRaw : null;
    double offset = offsetGiven == null ? 0 : JsValues.toNumber(offsetGiven);
    if (Double.isNaN(limit) || limit <= 0 || Math.ceil(limit) != limit) {
      throw ApiError.badRequest("The limit parameter " + jsonOf(limitRaw) + " is not valid");
    }
    if (Double.isNaN(offset) || offset < 0 || Math.ceil(offset) != offset) {
      throw ApiError.badRequest("The offset/skip parameter " + jsonOf(offsetGiven) + " is not valid");
    }
    return new int[] {clamp(limit), clamp(offset)};
  }

  private static int clamp(double value) {
    return value >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
  }

  private static String jsonOf(Object value) {
    return value == null ? "undefined" : Json.encode(value);
  }

  /** Juggler refuses queries nested deeper than {@link #MAX_QUERY_DEPTH} levels. */
  private static void checkDepth(Object node, int level) {
    if (level > MAX_QUERY_DEPTH) {
      throw new ApiError(400, "Error", "The query object exceeds maximum depth " + MAX_QUERY_DEPTH,
          "QUERY_OBJECT_TOO_DEEP", null);
    }
    if (node instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        checkDepth(object.getValue(key), level + 1);
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        checkDepth(array.getValue(i), level + 1);
      }
    }
  }

  /** The include as given; null when absent or empty (juggler skips those). */
  private static Object include(Object include) {
    boolean empty = (include instanceof JsonArray a && a.isEmpty())
        || (include instanceof JsonObject o && o.isEmpty());
    return truthy(include) && !empty ? include : null;
  }
}
