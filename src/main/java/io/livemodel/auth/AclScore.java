package io.livemodel.auth;

/**
 * LoopBack's {@code ACL.getMatchingScore(rule, req)}: how specifically an ACL entry matches a request,
 * or -1 when it does not apply. A higher score wins.
 *
 * <p>The score is built in base-4 / base-8 digits, most significant first:
 * <ol>
 *   <li>for each of model, property, accessType: 3 for an exact match (for property: also equal to
 *       one of the method's names; for accessType: an {@code EXECUTE} entry matches READ, REPLICATE
 *       and WRITE requests, a {@code WRITE} entry also matches REPLICATE), 2 when the entry says
 *       {@code *}, 1 when only the request says {@code *}; a mismatch makes the whole score -1;</li>
 *   <li>principal type: USER 4, APP 3, ROLE 2, other 1;</li>
 *   <li>for ROLE entries, the role: custom role 5, {@code $owner} 4, {@code $related} 3,
 *       {@code $authenticated}/{@code $unauthenticated} 2, {@code $everyone} 1;</li>
 *   <li>the permission's order minus one (DENY 3, AUDIT 2, ALARM 1, ALLOW 0), so among equally
 *       specific entries DENY ranks first; DEFAULT gives -1. (LoopBack scores an entry without any
 *       permission as ALLOW; such an entry is DEFAULT here, one lower, which can only reorder it
 *       among otherwise equal entries.)</li>
 * </ol>
 */
final class AclScore {

  private AclScore() {
  }

  static int of(AclEntry rule, AccessRequest req) {
    int score = 0;
    for (int dimension = 0; dimension < 3; dimension++) {
      score *= 4;
      int digit = digit(dimension, rule, req);
      if (digit < 0) {
        return -1;
      }
      score += digit;
    }
    score = score * 4 + principalTypeWeight(rule.principalType());
    score = score * 8 + (AclEntry.ROLE.equals(rule.principalType()) ? roleWeight(rule.principalId()) : 0);
    return score * 4 + rule.permission().order() - 1;
  }

  private static int digit(int dimension, AclEntry rule, AccessRequest req) {
    String ruleValue;
    String requested;
    boolean exact;
    switch (dimension) {
      case 0 -> {
        ruleValue = rule.model();
        requested = req.model();
        exact = ruleValue.equals(requested);
      }
      case 1 -> {
        ruleValue = rule.property();
        requested = req.property();
        exact = req.methodNames().contains(ruleValue) || ruleValue.equals(requested);
      }
      default -> {
        ruleValue = rule.accessType().wire();
        requested = req.accessType().wire();
        exact = ruleValue.equals(requested) || accessTypeImplies(rule.accessType(), req.accessType());
      }
    }
    if (exact) {
      return 3;
    }
    if (AclEntry.ALL.equals(ruleValue)) {
      return 2;
    }
    if (AclEntry.ALL.equals(requested)) {
      return 1;
    }
    return -1;
  }

  // EXECUTE covers READ, REPLICATE and WRITE (and, as LoopBack writes it, even a "*" request);
  // WRITE covers REPLICATE.
  private static boolean accessTypeImplies(AccessType rule, AccessType requested) {
    return rule == AccessType.EXECUTE || (rule == AccessType.WRITE && requested == AccessType.REPLICATE);
  }

  private static int principalTypeWeight(String principalType) {
    return switch (principalType) {
      case AclEntry.USER -> 4;
      case AclEntry.APP -> 3;
      case AclEntry.ROLE -> 2;
      default -> 1;
    };
  }

  private static int roleWeight(String role) {
    return switch (role) {
      case Roles.OWNER -> 4;
      case Roles.RELATED -> 3;
      case Roles.AUTHENTICATED, Roles.UNAUTHENTICATED -> 2;
      case Roles.EVERYONE -> 1;
      default -> 5;
    };
  }
}
