package io.livemodel.stream;

import io.livemodel.filter.FilterParser;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonObject;

/**
 * A subscription's {@code options}, applied to each change as LoopBack does
 * ({@code filterNodes([change.data], options)}, the change dropped unless one node survives):
 * with a {@code where}, only changes whose data matches are delivered, and remove events (no data)
 * never are; with {@code fields}, {@code data} becomes {@code {}} (LoopBack's quirk). Without options,
 * or with options that have neither, every change passes unchanged.
 *
 * <p>Immutable and thread-safe. Subscribers with equal {@link #key()}s share one evaluation per change.
 */
public final class ChangeFilter {

  /** Passes everything. */
  public static final ChangeFilter NONE = new ChangeFilter("", null, false);

  private final String key;
  private final Where where;
  private final boolean fields;

  private ChangeFilter(String key, Where where, boolean fields) {
    this.key = key;
    this.where = where;
    this.fields = fields;
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
    return new ChangeFilter(key, where, fields);
  }

  /** Equal keys mean equal filters. */
  public String key() {
    return key;
  }

  /** The change to deliver (possibly rewritten), or null to drop it. Never modifies {@code change}. */
  public JsonObject apply(JsonObject change) {
    if (this == NONE) {
      return change;
    }
    JsonObject data = change.getJsonObject("data");
    if (where != null && (data == null || !where.test(data))) {
      return null;
    }
    if (fields && data != null) {
      // Replacing the value keeps the key's position: the order stays {target, where, data, type}.
      return change.copy().put("data", new JsonObject());
    }
    return change;
  }
}
