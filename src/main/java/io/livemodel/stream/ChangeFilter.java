package io.livemodel.stream;

import io.livemodel.filter.FilterParser;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A subscription's {@code options}, applied to each change as LoopBack does
 * ({@code filterNodes([change.data], options)}, the change dropped unless one node survives):
 * with a {@code where}, only changes whose data matches are delivered, and remove events (no data)
 * never are; with {@code fields}, {@code data} becomes {@code {}} (LoopBack's quirk). Without options,
 * or with options that have neither, every change passes unchanged.
 *
 * <p>A relation stream's filter ({@link #ofRelation}) also knows the relation's rows, its
 * <em>membership</em> where (the foreign key and the relation's {@code scope.where}): besides what
 * matches, it delivers the remove of a row that was a member (tested on the change's
 * {@link Change#before() previous keys}), and turns an update that takes a member out of the
 * relation (a book moved to another author) into a remove of it, in LoopBack's remove shape
 * {@code {"target":id,"where":{"<idName>":id},"type":"remove"}}.
 *
 * <p>Immutable and thread-safe. Subscribers with equal {@link #key()}s share one evaluation per change.
 */
public final class ChangeFilter {

  /** Passes everything. */
  public static final ChangeFilter NONE = new ChangeFilter("", null, false, null, null);

  private final String key;
  private final Where where;
  private final boolean fields;
  /** The relation's membership, or null for a model's own stream. */
  private final Where membership;
  private final String idName;

  private ChangeFilter(String key, Where where, boolean fields, Where membership, String idName) {
    this.key = key;
    this.where = where;
    this.fields = fields;
    this.membership = membership;
    this.idName = idName;
  }

  /**
   * Parses {@code options} ({@code null} for none). Malformed options fail with the filter parser's
   * 400 errors.
   */
  public static ChangeFilter of(ModelDefinition model, JsonObject options) {
    if (options == null) {
      return NONE;
    }
    Object rawWhere = options.getValue("where");
    Where where = rawWhere == null ? null : FilterParser.parseWhere(rawWhere, model);
    boolean fields = options.getValue("fields") != null;
    if (where == null && !fields) {
      return NONE;
    }
    String key = (where == null ? "" : options.getValue("where").toString()) + (fields ? "|fields" : "");
    return new ChangeFilter(key, where, fields, null, null);
  }

  /**
   * The filter of a relation stream: the rows of {@code model} that {@code membership} selects (a
   * relation's where, e.g. {@code {"authorId":1}}), narrowed by the client's {@code options} (null
   * for none). Creates and updates are delivered when their data matches both (an update that brings
   * a record into the relation, from another parent, as a create); removes, and updates that take a
   * member out of the relation, as removes when the record was a member. With an
   * {@code ownerWhere} (READ only through {@code $owner}) the rows are narrowed to the caller's, and,
   * as on a model's owner stream, only matching data is delivered: whether a removed record was the
   * caller's cannot be told. Malformed options fail with the filter parser's 400 errors.
   */
  public static ChangeFilter ofRelation(ModelDefinition model, JsonObject membership, JsonObject options,
                                        JsonObject ownerWhere) {
    JsonObject required = ownerWhere == null ? membership
        : new JsonObject().put("and", new JsonArray().add(membership).add(ownerWhere));
    Object own = options == null ? null : FilterParser.toObject(options.getValue("where"));
    JsonObject all = own == null ? required : new JsonObject().put("and", new JsonArray().add(required).add(own));
    ChangeFilter narrowed = of(model, (options == null ? new JsonObject() : options.copy()).put("where", all));
    Where members = ownerWhere == null ? FilterParser.parseWhere(membership, model) : null;
    if (members == null) {
      return narrowed; // owner-only, or an empty membership (every row a member: none can leave)
    }
    return new ChangeFilter("relation " + membership.encode() + "|" + narrowed.key, narrowed.where, narrowed.fields,
        members, model.idName());
  }

  /** Equal keys mean equal filters. */
  public String key() {
    return key;
  }

  /** {@link #apply(JsonObject, JsonObject)} without previous keys. */
  public JsonObject apply(JsonObject change) {
    return apply(change, null);
  }

  /**
   * The change to deliver (possibly rewritten), or null to drop it. Never modifies {@code change}.
   *
   * @param before the changed record's previous relation keys, or null (only a relation stream's
   *     filter reads them)
   */
  public JsonObject apply(JsonObject change, JsonObject before) {
    if (this == NONE) {
      return change;
    }
    JsonObject data = change.getJsonObject("data");
    if (where != null && (data == null || !where.test(data))) {
      return membership == null ? null : left(change, data, before);
    }
    JsonObject delivered = change;
    if (fields && data != null) {
      // Replacing the value keeps the key's position: the order stays {target, where, data, type}.
      delivered = change.copy().put("data", new JsonObject());
    }
    if (membership != null && before != null && Change.UPDATE.equals(change.getString("type"))
        && !membership.test(before)) {
      // It joins the relation (moved in from another parent): to this stream it is new, as a
      // LiveSet (angular-live-set) must see it to add the row; updates of unknown ids are ignored.
      delivered = delivered == change ? change.copy() : delivered;
      delivered.remove("where"); // a create's shape: {target, data, type}
      delivered.put("type", Change.CREATE);
    }
    return delivered;
  }

  /**
   * A relation stream's change that does not match: the remove of a record that was a member and is
   * not any more (deleted, or updated out of the relation), else null. A record that stays a member
   * but fails the client's own where is dropped, as a model's stream drops it.
   */
  private JsonObject left(JsonObject change, JsonObject data, JsonObject before) {
    if (before == null || !membership.test(before)) {
      return null;
    }
    if (data == null) {
      return change;
    }
    if (membership.test(data)) {
      return null;
    }
    Object target = change.getValue("target");
    return new JsonObject().put("target", target).put("where", new JsonObject().put(idName, target))
        .put("type", Change.REMOVE);
  }
}
