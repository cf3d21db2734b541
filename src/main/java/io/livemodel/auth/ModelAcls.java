package io.livemodel.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's static ACLs, as its model file declares them: the {@code acls} array, the {@code acls} of
 * individual property definitions, and {@code defaultPermission}. Immutable.
 *
 * @param model the model's name
 * @param entries the model-level entries, in file order
 * @param propertyEntries per property name, the entries its definition declares
 * @param defaultPermission what an undecided request resolves to: DEFAULT (meaning ALLOW, LoopBack's
 *     default) or the model's {@code defaultPermission}
 */
public record ModelAcls(String model, List<AclEntry> entries, Map<String, List<AclEntry>> propertyEntries,
                        Permission defaultPermission) {

  public ModelAcls {
    entries = List.copyOf(entries);
    propertyEntries = Map.copyOf(propertyEntries);
    defaultPermission = defaultPermission == null ? Permission.DEFAULT : defaultPermission;
  }

  /** A model without ACLs: every request is allowed. */
  public static ModelAcls open(String model) {
    return new ModelAcls(model, List.of(), Map.of(), Permission.DEFAULT);
  }

  /** A model with only model-level entries. */
  public static ModelAcls of(String model, List<AclEntry> entries) {
    return new ModelAcls(model, entries, Map.of(), Permission.DEFAULT);
  }

  /**
   * Reads a model file's ACL settings ({@code acls} and {@code defaultPermission}, at the top level or
   * under {@code options}, and each property's {@code acls}).
   *
   * @throws AclDefinitionException naming the model and the entry when an entry is invalid
   */
  public static ModelAcls fromModelFile(String model, JsonObject file) {
    JsonObject options = file.getValue("options") instanceof JsonObject o ? o : new JsonObject();
    Object acls = file.containsKey("acls") ? file.getValue("acls") : options.getValue("acls");
    List<AclEntry> entries = parseList(model, acls, "acls", model);
    Map<String, List<AclEntry>> byProperty = new LinkedHashMap<>();
    if (file.getValue("properties") instanceof JsonObject properties) {
      for (String name : properties.fieldNames()) {
        if (properties.getValue(name) instanceof JsonObject definition && definition.containsKey("acls")) {
          String label = model + "." + name;
          List<AclEntry> own = new ArrayList<>();
          for (AclEntry e : parseList(model, definition.getValue("acls"), "properties." + name + ".acls", label)) {
            own.add(new AclEntry(model, List.of(name), e.accessType(), e.principalType(), e.principalId(),
                e.permission()));
          }
          byProperty.put(name, own);
        }
      }
    }
    Object dflt = file.containsKey("defaultPermission") ? file.getValue("defaultPermission")
        : options.getValue("defaultPermission");
    Permission defaultPermission = dflt instanceof String s ? Permission.parse(s) : Permission.DEFAULT;
    if (defaultPermission == null || (dflt != null && !(dflt instanceof String))) {
      throw new AclDefinitionException("model " + model + ": defaultPermission must be ALLOW or DENY, not " + dflt);
    }
    return new ModelAcls(model, entries, byProperty, defaultPermission);
  }

  /** True when no request can be denied: no entries and no {@code defaultPermission: DENY}. */
  public boolean isOpen() {
    return entries.isEmpty() && propertyEntries.isEmpty() && defaultPermission != Permission.DENY;
  }

  /**
   * LoopBack's {@code ACL.getStaticACLs(model, property)}: the model-level entries whose property is
   * {@code *}, {@code property}, or a list holding it (narrowed to it), then the entries of
   * {@code property}'s own definition. Only the method's own name counts here, not its aliases.
   */
  public List<AclEntry> staticFor(String property) {
    List<AclEntry> result = new ArrayList<>(entries.size());
    for (AclEntry entry : entries) {
      if (entry.covers(property)) {
        result.add(entry.narrowedTo(property));
      }
    }
    result.addAll(propertyEntries.getOrDefault(property, List.of()));
    return result;
  }

  /** {@link #defaultPermission()} settled as LoopBack does: ALLOW unless the model says otherwise. */
  public Permission settle(Permission resolved) {
    if (resolved != Permission.DEFAULT) {
      return resolved;
    }
    return defaultPermission == Permission.DEFAULT ? Permission.ALLOW : defaultPermission;
  }

  private static List<AclEntry> parseList(String model, Object value, String field, String label) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new AclDefinitionException("model " + model + ": " + field + " must be an array");
    }
    List<AclEntry> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      list.add(AclEntry.fromModelFile(label, array.getValue(i), i));
    }
    return list;
  }
}
