package io.livemodel.relation;

import io.livemodel.model.Inflection;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.relation.RelationDefinition.Kind;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The relations of one model, read from its model file's {@code relations} as juggler's
 * {@code DataSource.defineRelations} and {@code RelationDefinition.hasMany/belongsTo/hasOne/
 * hasAndBelongsToMany} read them. Key defaults (juggler's {@code camelize(x + "_id", true)}):
 * <ul>
 *   <li>belongsTo: {@code foreignKey} or relation name + {@code "Id"}; keyTo the target's id
 *       ({@code primaryKey} overrides);
 *   <li>hasMany, hasOne: {@code foreignKey} or camelCase(source model) + {@code "Id"} on the target;
 *       keyFrom the source's id ({@code primaryKey} overrides);
 *   <li>hasMany with {@code through}: the through model's {@code foreignKey} (as above) points at the
 *       source, its {@code keyThrough} (default camelCase(target model) + {@code "Id"}) at the target;
 *   <li>hasAndBelongsToMany: juggler ignores {@code foreignKey} and {@code keyThrough} here and uses the
 *       defaults; the through model is {@code through}, else a model named source+target, else
 *       target+source. Juggler defines that model on the fly; LiveModel adds it to the loaded models
 *       before the store opens ({@link ImplicitThroughModels}); should it be missing anyway, the
 *       relation is left out with a start-up warning naming the model to declare.
 * </ul>
 * {@code embedsOne}, {@code embedsMany}, {@code referencesMany} and polymorphic relations are left
 * out and listed in {@link #unsupported()}. A target or through model that is not loaded is a
 * start-up error (LoopBack would silently never set the relation up).
 */
public final class Relations {

  private static final Set<String> UNSUPPORTED_TYPES = Set.of("embedsOne", "embedsMany", "referencesMany");

  private final Map<String, RelationDefinition> byName;
  private final List<String> unsupported;

  private Relations(Map<String, RelationDefinition> byName, List<String> unsupported) {
    this.byName = Collections.unmodifiableMap(byName);
    this.unsupported = List.copyOf(unsupported);
  }

  /**
   * Resolves {@code model}'s relations against the loaded models.
   *
   * @throws IllegalArgumentException naming the model and relation: an unknown type, a missing or
   *     unknown target or through model
   */
  public static Relations parse(ModelDefinition model, ModelRegistry registry) {
    Map<String, RelationDefinition> out = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    JsonObject all = model.relationsJson();
    for (String name : all.fieldNames()) {
      String where = model.name() + " relation \"" + name + "\": ";
      if (!(all.getValue(name) instanceof JsonObject params)) {
        throw new IllegalArgumentException(where + "a relation must be an object");
      }
      String type = params.getValue("type") instanceof String t ? t : null;
      if (UNSUPPORTED_TYPES.contains(type) || (type != null && params.getValue("polymorphic") != null)) {
        unsupported.add(name + " (" + type + (params.getValue("polymorphic") != null ? ", polymorphic" : "")
            + ") is not supported and is ignored");
        continue;
      }
      RelationDefinition relation = switch (type == null ? "" : type) {
        case "belongsTo" -> belongsTo(model, name, params, registry, where);
        case "hasOne" -> hasOneOrMany(model, name, params, registry, where, Kind.HAS_ONE);
        case "hasMany" -> hasOneOrMany(model, name, params, registry, where, Kind.HAS_MANY);
        case "hasAndBelongsToMany" -> habtm(model, name, params, registry, where, unsupported);
        default -> throw new IllegalArgumentException(where + "invalid relation type " + type);
      };
      if (relation != null) {
        out.put(name, relation);
      }
    }
    return new Relations(out, unsupported);
  }

  /** The relation of this name, or null. */
  public RelationDefinition get(String name) {
    return byName.get(name);
  }

  public Map<String, RelationDefinition> all() {
    return byName;
  }

  /** One line per relation that is left out, for the start-up warning. */
  public List<String> unsupported() {
    return unsupported;
  }

  private static RelationDefinition belongsTo(ModelDefinition from, String name, JsonObject params,
                                              ModelRegistry registry, String where) {
    ModelDefinition to = target(name, params, registry, where, false);
    String fk = string(params, "foreignKey", name + "Id");
    String pk = string(params, "primaryKey", to.idName());
    return new RelationDefinition(name, "belongsTo", Kind.BELONGS_TO, from, to, fk, pk, null, null,
        scope(params, where), disableInclude(params));
  }

  private static RelationDefinition hasOneOrMany(ModelDefinition from, String name, JsonObject params,
                                                 ModelRegistry registry, String where, Kind kind) {
    ModelDefinition to = target(name, params, registry, where, true);
    String fk = string(params, "foreignKey", camelize(from.name() + "_id"));
    String pk = string(params, "primaryKey", from.idName());
    ModelDefinition through = null;
    String keyThrough = null;
    if (kind == Kind.HAS_MANY && params.getValue("through") != null) {
      through = model(registry, String.valueOf(params.getValue("through")), false);
      if (through == null) {
        throw new IllegalArgumentException(where + "the through model \"" + params.getValue("through")
            + "\" is not defined");
      }
      keyThrough = string(params, "keyThrough", camelize(to.name() + "_id"));
      kind = Kind.HAS_MANY_THROUGH;
    }
    return new RelationDefinition(name, params.getString("type"), kind, from, to, pk, fk, through, keyThrough,
        scope(params, where), disableInclude(params));
  }

  private static RelationDefinition habtm(ModelDefinition from, String name, JsonObject params,
                                          ModelRegistry registry, String where, List<String> unsupported) {
    ModelDefinition to = target(name, params, registry, where, true);
    ModelDefinition through;
    if (params.getValue("through") != null) {
      through = model(registry, String.valueOf(params.getValue("through")), false);
      if (through == null) {
        throw new IllegalArgumentException(where + "the through model \"" + params.getValue("through")
            + "\" is not defined");
      }
    } else {
      through = model(registry, from.name() + to.name(), false);
      through = through != null ? through : model(registry, to.name() + from.name(), false);
      if (through == null) {
        unsupported.add(name + " (hasAndBelongsToMany) is ignored: declare its through model "
            + from.name() + to.name() + " (properties " + camelize(from.name() + "_id") + ", "
            + camelize(to.name() + "_id") + ") or set \"through\"");
        return null;
      }
    }
    return new RelationDefinition(name, "hasAndBelongsToMany", Kind.HAS_MANY_THROUGH, from, to,
        from.idName(), camelize(from.name() + "_id"), through, camelize(to.name() + "_id"),
        scope(params, where), disableInclude(params));
  }

  /** {@code model}, else (juggler's fallback) the relation name; hasMany-like ones singular or plural. */
  private static ModelDefinition target(String name, JsonObject params, ModelRegistry registry, String where,
                                        boolean plural) {
    Object ref = params.getValue("model");
    ModelDefinition to = ref instanceof String r ? model(registry, r, plural) : null;
    if (to == null && ref == null) {
      to = model(registry, name, plural);
    }
    if (to == null) {
      throw new IllegalArgumentException(where + (ref == null ? "no \"model\" is given"
          : "the target model \"" + ref + "\" is not defined"));
    }
    return to;
  }

  /** Juggler's {@code lookupModel}: exact name, then ignoring case; {@code plural}: also by plural. */
  static ModelDefinition model(ModelRegistry registry, String ref, boolean plural) {
    ModelDefinition exact = registry.byName(ref);
    if (exact != null) {
      return exact;
    }
    String lower = ref.toLowerCase(Locale.ROOT);
    for (ModelDefinition m : registry.all()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return m;
      }
    }
    if (plural) {
      for (ModelDefinition m : registry.all()) {
        if (Inflection.pluralize(m.name()).toLowerCase(Locale.ROOT).equals(lower)) {
          return m;
        }
      }
    }
    return null;
  }

  /** inflection's {@code camelize(s, true)}: {@code Author_id} gives {@code authorId}. */
  static String camelize(String s) {
    StringBuilder out = new StringBuilder();
    String[] parts = s.split("_", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        continue;
      }
      char first = out.isEmpty() ? Character.toLowerCase(part.charAt(0)) : Character.toUpperCase(part.charAt(0));
      out.append(first).append(part, 1, part.length());
    }
    return out.toString();
  }

  /** juggler's {@code idEquals} for keys: equal when their JavaScript string forms are. */
  public static boolean sameKey(Object a, Object b) {
    return a == null ? b == null : b != null && io.livemodel.js.JsValues.toJsString(a).equals(io.livemodel.js.JsValues.toJsString(b));
  }

  private static String string(JsonObject params, String key, String fallback) {
    return params.getValue(key) instanceof String s && !s.isEmpty() ? s : fallback;
  }

  private static JsonObject scope(JsonObject params, String where) {
    Object scope = params.getValue("scope");
    if (scope == null) {
      return new JsonObject();
    }
    if (!(scope instanceof JsonObject object)) {
      throw new IllegalArgumentException(where + "\"scope\" must be an object");
    }
    return object;
  }

  private static boolean disableInclude(JsonObject params) {
    return params.getValue("options") instanceof JsonObject o && Boolean.TRUE.equals(o.getValue("disableInclude"));
  }
}
