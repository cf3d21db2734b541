package io.livemodel.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One declared property of a model.
 *
 * @param name the property name
 * @param type its type
 * @param itemType for {@link PropertyType#ARRAY}, the type of the items ({@link PropertyType#ANY} if untyped); else null
 * @param required LoopBack's {@code required: true} (presence validation)
 * @param defaultValue the {@code default} value applied when the property is absent, or null
 * @param id whether this property is the model's id
 * @param generated whether the store generates the id ({@code generated: true}, or the injected id)
 * @param defaultFn juggler's {@code defaultFn} name ({@code uuid}, {@code guid}, {@code uuidv4}, {@code now},
 *     {@code shortid}; see {@link DefaultFns}), or null
 * @param applyDefaultOnWrites juggler's {@code applyDefaultOnWrites} (true unless the file says false): when
 *     false the {@code default} is not written, and a create whose value equals it does not store it
 * @param members for an OBJECT property, or the items of an ARRAY property, whose type is an anonymous
 *     model ({@code {"type": {"street": "string"}}}): its typed members, coerced like top-level
 *     properties; null otherwise
 */
public record PropertyDefinition(
    String name,
    PropertyType type,
    PropertyType itemType,
    boolean required,
    Object defaultValue,
    boolean id,
    boolean generated,
    String defaultFn,
    boolean applyDefaultOnWrites,
    Map<String, PropertyDefinition> members) {

  public PropertyDefinition {
    members = members == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** A property without defaultFn, with defaults applied on writes and no typed members. */
  public PropertyDefinition(String name, PropertyType type, PropertyType itemType, boolean required,
                            Object defaultValue, boolean id, boolean generated) {
    this(name, type, itemType, required, defaultValue, id, generated, null, true, null);
  }

  /** This property with its id flag set. */
  PropertyDefinition asId() {
    return new PropertyDefinition(name, type, itemType, required, defaultValue, true, generated, defaultFn,
        applyDefaultOnWrites, members);
  }
}
