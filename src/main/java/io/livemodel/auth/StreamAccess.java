package io.livemodel.auth;

import io.vertx.core.json.JsonObject;

/**
 * What a change-stream subscription may see, decided once when it opens from the
 * {@code createChangeStream} {@link Decision}: nothing (refused before the first byte), every
 * change, or only changes whose record matches {@link #where()} (READ granted only through
 * {@code $owner}: the subscriber's own records; LoopBack refuses such a stream outright).
 *
 * <p>Refused, to stay on the safe side: an owner-only stream on a model whose records cannot have
 * an owner, and a decision that allows only non-owners (a {@code DENY $owner} entry).
 *
 * @param allowed whether the stream may open
 * @param where the filter every delivered change must match, or {@code null} for none
 */
public record StreamAccess(boolean allowed, JsonObject where) {

  public static final StreamAccess DENIED = new StreamAccess(false, null);
  public static final StreamAccess OPEN = new StreamAccess(true, null);

  /** The access of {@code principal} to a stream of the model {@code owners} belongs to. */
  public static StreamAccess of(Decision decision, OwnerRule owners, Principal principal) {
    if (decision.allowed()) {
      return OPEN;
    }
    if (!decision.ownerOnly()) {
      return DENIED;
    }
    JsonObject where = owners.whereFor(principal);
    return where == null ? DENIED : new StreamAccess(true, where);
  }

  /** Whether deliveries must be filtered by {@link #where()}. */
  public boolean filtered() {
    return where != null;
  }
}
