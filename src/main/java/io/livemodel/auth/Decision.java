package io.livemodel.auth;

/**
 * The outcome of an access check, before ownership of a particular instance is known.
 *
 * <p>LoopBack's {@code $owner} depends on the instance, so a decision carries two answers: for a
 * caller who owns the instance and for one who does not. When they agree the decision is final;
 * when only the owner is allowed ({@link #ownerOnly()}), a REST call on one instance checks
 * {@link OwnerRule#isOwner} and a stream filters by {@link OwnerRule#whereFor}. LoopBack itself
 * treats {@code $owner} as false for calls without an instance id (find, count, change streams).
 *
 * <p>Caution for callers: LoopBack takes the instance id from the path, or else from the body's or
 * the query's {@code id} (measured on 3.28: with {@code $owner}-only READ, {@code GET /Books?id=1}
 * by the owner of book 1 lists every book). Only the path's id (or the loaded instance) should
 * decide ownership here.
 *
 * @param ifOwner the settled permission when the caller owns the instance
 * @param ifNotOwner the settled permission otherwise
 */
public record Decision(Permission ifOwner, Permission ifNotOwner) {

  /** Allowed, whoever owns what. */
  public static final Decision ALLOW = new Decision(Permission.ALLOW, Permission.ALLOW);
  /** Denied, whoever owns what. */
  public static final Decision DENY = new Decision(Permission.DENY, Permission.DENY);

  /** A decision that does not depend on ownership. */
  public static Decision of(Permission permission) {
    return switch (permission) {
      case ALLOW -> ALLOW;
      case DENY -> DENY;
      default -> new Decision(permission, permission);
    };
  }

  /** Allowed whether or not the caller owns the instance. */
  public boolean allowed() {
    return ifOwner.allows() && ifNotOwner.allows();
  }

  /** Denied whether or not the caller owns the instance. */
  public boolean denied() {
    return !ifOwner.allows() && !ifNotOwner.allows();
  }

  /** Allowed only for the instance's owner: a stream carries only the caller's own records. */
  public boolean ownerOnly() {
    return ifOwner.allows() && !ifNotOwner.allows();
  }

  /** The answer once ownership is known (LoopBack: false when the call names no instance). */
  public boolean allows(boolean owner) {
    return (owner ? ifOwner : ifNotOwner).allows();
  }
}
