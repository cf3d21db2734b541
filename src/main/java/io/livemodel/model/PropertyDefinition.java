package io.livemodel.model;

/**
 * One declared property of a model.
 *
 * @param name the property name
 * @param type its type
 * @param itemType for {@link PropertyType#ARRAY}, the type of the items ({@link PropertyType#ANY} if untyped); else null
 * @param required LoopBack's {@code required: true} (presence validation)
 * @param defaultValue the {@code default} value applied on create when the property is absent, or null
 * @param id whether this property is the model's id
 * @param generated whether the store generates the id ({@code generated: true}, or the injected id)
 */
public record PropertyDefinition(
    String name,
    PropertyType type,
    PropertyType itemType,
    boolean required,
    Object defaultValue,
    boolean id,
    boolean generated) {
}
