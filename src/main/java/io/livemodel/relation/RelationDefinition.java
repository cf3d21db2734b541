package io.livemodel.relation;

import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonObject;

/**
 * One relation of a model, resolved as juggler's {@code RelationDefinition} resolves it (see
 * {@link Relations} for how the keys are derived).
 *
 * <ul>
 *   <li>{@link Kind#BELONGS_TO}: {@code from[keyFrom]} (the foreign key) equals {@code to[keyTo]} (the
 *       target's id);
 *   <li>{@link Kind#HAS_MANY}, {@link Kind#HAS_ONE}: {@code from[keyFrom]} (the source's id) equals
 *       {@code to[keyTo]} (the foreign key on the target);
 *   <li>{@link Kind#HAS_MANY_THROUGH} (also {@code hasAndBelongsToMany}): rows of {@code through}
 *       whose {@code keyTo} equals {@code from[keyFrom]} name targets by their {@code keyThrough},
 *       compared with the target's id.
 * </ul>
 *
 * @param name the relation name (the key in the model file's {@code relations})
 * @param type the type as written in the model file ({@code hasMany}, {@code hasAndBelongsToMany}, ...)
 * @param through the through model, or null
 * @param keyThrough the through model's key to the target, or null
 * @param scope the relation's own {@code scope} from the model file (where, order, limit, skip,
 *     fields), merged into every query of it; empty if none
 * @param disableInclude {@code options.disableInclude}: an include of it is skipped, as in juggler
 */
public record RelationDefinition(String name, String type, Kind kind, ModelDefinition from,
                                 ModelDefinition to, String keyFrom, String keyTo,
                                 ModelDefinition through, String keyThrough, JsonObject scope,
                                 boolean disableInclude) {

  /** How a relation's rows are found. */
  public enum Kind {
    BELONGS_TO, HAS_ONE, HAS_MANY, HAS_MANY_THROUGH;
  }

  /** Whether an include gives an array (hasMany, with or without through) rather than one object. */
  public boolean multiple() {
    return kind == Kind.HAS_MANY || kind == Kind.HAS_MANY_THROUGH;
  }
}
