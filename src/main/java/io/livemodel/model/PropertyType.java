package io.livemodel.model;

/** The property types of a LoopBack model definition that LiveModel understands. */
public enum PropertyType {
  STRING,
  NUMBER,
  BOOLEAN,
  DATE,
  OBJECT,
  /** A list; {@link PropertyDefinition#itemType()} says the type of its items. */
  ARRAY,
  /** Any JSON value, stored as given (LoopBack's {@code any}, and unknown types such as GeoPoint). */
  ANY
}
