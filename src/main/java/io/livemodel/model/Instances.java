package io.livemodel.model;

import io.livemodel.js.JsDate;
import io.livemodel.js.JsNumbers;
import io.livemodel.js.JsValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Type coercion and validation of instances, as LoopBack's juggler does them (API.md section 2).
 *
 * <p>Coercions are {@link Values}'. Validations, in juggler's order: the id's absence (CREATE with
 * forceId: {@code absence}, "can't be set"), then per declared property in declaration order its
 * presence ({@code required}: {@code presence}, "can't be blank" for undefined, null, {@code ""},
 * {@code []} and NaN) and, for dates, its validity ({@code date}, "is not a valid date"), then the
 * undeclared properties of a strict model in data order ({@code unknown-property}, "is not defined in
 * the model"). All failures are reported together in one 422.
 *
 * <p>Thread-safe: stateless.
 */
public final class Instances {

  private Instances() {
  }

  /** What a write asks of {@link #prepare}. */
  public enum Mode {
    /** A new instance: defaults applied, then coerced and validated. */
    CREATE,
    /**
     * A full instance replacing a stored one (PUT, replace): defaults applied again (juggler builds a
     * new instance), coerced and validated.
     */
    REPLACE,
    /** A merged instance (PATCH, upsertWithWhere's patch): coerced and validated. */
    PATCH,
    /** updateAll's partial body: coerced only, never validated; an invalid date fails with 500. */
    COERCE_ONLY
  }

  /**
   * Coerces {@code data} to the model's property types and validates it; returns a new object in
   * canonical key order (declared properties, the id, then undeclared ones). Never modifies {@code data}.
   * Properties the data does not have stay absent (no nulls are added). In CREATE and REPLACE modes
   * absent properties get their {@code default} (as declared, not coerced, like juggler; {@code "$now"}
   * on a date is the current time) unless {@code applyDefaultOnWrites} is false, else their
   * {@code defaultFn} ({@link DefaultFns}); on CREATE a value equal to a default that is not applied on
   * writes is not stored; a blank generated id is dropped so that the store assigns one. The values a
   * default {@code scope}'s where pins are forced first ({@link ScopeValues}), in every mode. Undeclared
   * properties are kept as given, except on strict models: {@code strict: "filter"} drops them, any
   * other strict value answers 422 (or drops them in COERCE_ONLY). Anonymous embedded models are
   * coerced member by member ({@link NestedValues}). A null {@code data} is taken as {@code {}}.
   *
   * @throws ApiError 422 ValidationError with every failing property in {@code details} (or for a lone
   *     surrogate anywhere in the data: {@link Surrogates}), 400 for
   *     values that cannot be coerced at all (e.g. {@code tags:"x"}), 422 for property names juggler
   *     rejects ({@code a.b} on a non-strict model, a {@code constructor} key; juggler answers 500) and,
   *     in COERCE_ONLY, for an invalid date (juggler: 500)
   */
  public static JsonObject prepare(ModelDefinition model, JsonObject data, Mode mode) {
    JsonObject input = ScopeValues.force(model, data == null ? new JsonObject() : data);
    String surrogate = Surrogates.firstIn(input);
    if (surrogate != null) {
      throw ApiError.validation(model.name(), new JsonObject().put(surrogate, new JsonArray().add("unicode")),
          new JsonObject().put(surrogate, new JsonArray().add("holds a lone UTF-16 surrogate, which is not valid Unicode")),
          Map.of());
    }
    if (JsValues.truthy(input.getValue("constructor"))) {
      throw invalidName(model, "constructor", "is not allowed as a property name");
    }
    Map<String, Object> declared = new LinkedHashMap<>();
    Map<String, Object> undeclared = new LinkedHashMap<>();
    for (String key : input.fieldNames()) {
      PropertyDefinition property = model.property(key);
      Object raw = input.getValue(key);
      if (property != null) {
        Object value = mode == Mode.COERCE_ONLY ? coerceOnly(model, property, raw) : Values.coerce(property, raw);
        declared.put(key, NestedValues.coerce(property, value));
      } else {
        if (!model.strict() && key.contains(".")) {
          throw invalidName(model, key, "is not supported: property names cannot contain dots");
        }
        undeclared.put(key, Values.copy(raw));
      }
    }
    if (mode == Mode.CREATE) {
      dropUnwrittenDefaults(model, declared);
    }
    if (mode == Mode.CREATE || mode == Mode.REPLACE) {
      applyDefaults(model, declared);
    }
    if (mode != Mode.COERCE_ONLY) {
      validate(model, declared, undeclared, mode);
    }
    return canonical(model, declared, model.strict() ? Map.of() : undeclared, mode);
  }

  /**
   * An id from the REST layer (a path segment string, or a JSON value from a body or where) coerced to
   * the model's id type; null when it cannot be one (e.g. {@code "abc"} for a number id), which the
   * callers answer with 404. Number ids: {@code "1"} and {@code 1} give {@code 1L} (Long), {@code "1.5"}
   * gives 1.5 (Double); {@code ""}, {@code "abc"}, {@code "1.5x"}, booleans, objects give null.
   * String ids: strings as they are, numbers and booleans as JS prints them, objects null.
   */
  public static Object coerceId(ModelDefinition model, Object raw) {
    if (raw == null) {
      return null;
    }
    PropertyType type = model.idProperty().type();
    if (type == PropertyType.NUMBER) {
      if (raw instanceof Number number) {
        return JsNumbers.toJsonNumber(number);
      }
      if (raw instanceof String string && !JsValues.trim(string).isEmpty()) {
        return JsNumbers.toJsonNumber(JsNumbers.parse(string));
      }
      return null;
    }
    if (type == PropertyType.STRING) {
      return raw instanceof JsonObject || raw instanceof JsonArray ? null : JsValues.toJsString(raw);
    }
    return raw;
  }

  /**
   * updateAll's coercion: the setters' (so list errors are the same 400), but an invalid date is a
   * 422 (juggler: 500) and a list given to a scalar property has each item coerced (juggler coerces it like a where
   * value).
   */
  private static Object coerceOnly(ModelDefinition model, PropertyDefinition property, Object raw) {
    PropertyType type = property.type();
    if (raw instanceof JsonArray array && type != PropertyType.ARRAY && type != PropertyType.OBJECT
        && type != PropertyType.ANY) {
      JsonArray items = new JsonArray();
      for (Object item : array) {
        items.add(item == null ? null : Values.toJson(coerceOnly(model, property, item)));
      }
      return items;
    }
    Object value = Values.coerce(property, raw);
    if (value instanceof JsDate date && !date.isValid()) {
      throw ApiError.validation(model.name(), new JsonObject().put(property.name(), new JsonArray().add("date")),
          new JsonObject().put(property.name(), new JsonArray().add("is not a valid date")),
          Map.of(property.name(), JsValues.toJsString(raw)));
    }
    return value;
  }

  /** 422 for a property name juggler refuses (it answers 500: a client's mistake is a 4xx here). */
  private static ApiError invalidName(ModelDefinition model, String key, String message) {
    return ApiError.validation(model.name(), new JsonObject().put(key, new JsonArray().add("name")),
        new JsonObject().put(key, new JsonArray().add(message)), Map.of());
  }

  private static void applyDefaults(ModelDefinition model, Map<String, Object> declared) {
    for (PropertyDefinition property : model.properties().values()) {
      if (declared.containsKey(property.name())) {
        continue;
      }
      Object initial = initialValue(property);
      if (initial != null) {
        declared.put(property.name(), initial);
      }
    }
  }

  /**
   * What juggler gives an absent property when it builds an instance: its {@code default} (unless
   * {@code applyDefaultOnWrites} is false), else a fresh {@code defaultFn} value; null for nothing.
   */
  public static Object initialValue(PropertyDefinition property) {
    Object def = property.defaultValue();
    if (def != null && property.applyDefaultOnWrites()) {
      boolean now = property.type() == PropertyType.DATE && "$now".equals(def);
      return now ? new JsDate(System.currentTimeMillis()) : Values.copy(def);
    }
    return property.defaultFn() == null ? null : DefaultFns.generate(property.defaultFn(), property.type());
  }

  /** The JSON form of an {@link #initialValue} (dates as ISO strings). */
  public static Object toJson(Object initial) {
    return Values.toJson(initial);
  }

  /**
   * Juggler's {@code applyDefaultsOnWrites} on create: a value that is (===) the default of a property
   * with {@code applyDefaultOnWrites: false} is not stored.
   */
  private static void dropUnwrittenDefaults(ModelDefinition model, Map<String, Object> declared) {
    for (PropertyDefinition property : model.properties().values()) {
      Object def = property.defaultValue();
      if (!property.applyDefaultOnWrites() && def != null && !(def instanceof JsonObject)
          && !(def instanceof JsonArray) && strictEquals(def, declared.get(property.name()))) {
        declared.remove(property.name());
      }
    }
  }

  private static boolean strictEquals(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a != null && a.equals(b);
  }

  private static void validate(ModelDefinition model, Map<String, Object> declared,
                               Map<String, Object> undeclared, Mode mode) {
    ValidationErrors errors = new ValidationErrors(model.name());
    PropertyDefinition id = model.idProperty();
    Object idValue = declared.getOrDefault(id.name(), JsValues.UNDEFINED);
    if (mode == Mode.CREATE && model.forceId() && !Values.blank(idValue, id.type())) {
      errors.add(id.name(), "absence", "can't be set", idValue);
    }
    for (PropertyDefinition property : model.properties().values()) {
      Object value = declared.getOrDefault(property.name(), JsValues.UNDEFINED);
      boolean assigned = property.id() && property.generated() && mode == Mode.CREATE;
      if (property.required() && !assigned && Values.blank(value, property.type())) {
        errors.add(property.name(), "presence", "can't be blank", value);
      }
      if (property.type() == PropertyType.DATE && isInvalidDate(value)) {
        errors.add(property.name(), "date", "is not a valid date", value);
      }
      if (property.type() == PropertyType.OBJECT && property.members() != null
          && value != JsValues.UNDEFINED && value != null && !(value instanceof JsonObject)) {
        // An anonymous embedded model given a string, number or array: LoopBack stores a string's
        // characters as keys ({"0":"n","1":"o",...}); a client's mistake here (README, How LiveModel differs).
        errors.add(property.name(), "type", "is not an object", value);
      }
    }
    if (model.strictMode() == StrictMode.VALIDATE) {
      for (String key : undeclared.keySet()) {
        errors.add(key, "unknown-property", "is not defined in the model", JsValues.UNDEFINED);
      }
    }
    if (!errors.isEmpty()) {
      throw errors.toApiError();
    }
  }

  /** A date that {@code new Date(value)} cannot make sense of; defaults are kept raw, so parse them too. */
  private static boolean isInvalidDate(Object value) {
    if (value == JsValues.UNDEFINED || value == null) {
      return false;
    }
    JsDate date = value instanceof JsDate d ? d : Values.toDate(value);
    return !date.isValid();
  }

  private static JsonObject canonical(ModelDefinition model, Map<String, Object> declared,
                                      Map<String, Object> undeclared, Mode mode) {
    JsonObject out = new JsonObject();
    for (PropertyDefinition property : model.properties().values()) {
      if (!declared.containsKey(property.name())) {
        continue;
      }
      Object value = declared.get(property.name());
      if (property.id() && property.generated() && mode == Mode.CREATE && Values.blank(value, property.type())) {
        continue;
      }
      out.put(property.name(), Values.toJson(value));
    }
    undeclared.forEach(out::put);
    return out;
  }
}
