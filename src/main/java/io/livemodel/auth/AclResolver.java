package io.livemodel.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * LoopBack 3's ACL resolution, synchronous and free of I/O: {@code ACL.resolvePermission},
 * {@code ACL.checkAccessForContext} (given role membership) and the older {@code ACL.checkPermission}.
 * Role lookups that need the store are done by the caller ({@link Authorizer}) before calling here.
 */
public final class AclResolver {

  private AclResolver() {
  }

  /** LoopBack's {@code ACL.getMatchingScore}: see {@link AclScore}. */
  public static int score(AclEntry rule, AccessRequest request) {
    return AclScore.of(rule, request);
  }

  /**
   * LoopBack's {@code ACL.resolvePermission(acls, req)} before the default is settled. Entries are
   * ranked by score, highest first (ties keep their order). For a request without wildcards the best
   * matching entry decides. For a wildcard request (model, property or accessType {@code *}) the first
   * matching entry decides if it matches exactly ({@link AccessRequest#exactlyMatches}) or its
   * permission is stronger than DEFAULT; an entry without a permission is passed over.
   *
   * @return the permission, DEFAULT when no entry decides
   */
  public static Permission resolve(List<AclEntry> acls, AccessRequest request) {
    int n = acls.size();
    if (n == 0) {
      return Permission.DEFAULT;
    }
    long[] ranked = new long[n];
    for (int i = 0; i < n; i++) {
      // score in the high bits (negated for an ascending sort), the index in the low bits: stable
      ranked[i] = ((long) -AclScore.of(acls.get(i), request) << 32) | i;
    }
    Arrays.sort(ranked);
    boolean wildcard = request.isWildcard();
    for (long packed : ranked) {
      if (-(int) (packed >> 32) < 0) {
        break;
      }
      AclEntry candidate = acls.get((int) packed);
      if (!wildcard || request.exactlyMatches(candidate)) {
        return candidate.permission();
      }
      if (candidate.permission().order() > Permission.DEFAULT.order()) {
        return candidate.permission();
      }
    }
    return Permission.DEFAULT;
  }

  /**
   * The ACL rows LoopBack's {@code checkAccessForContext} loads from the store for a request: model
   * is the request's or {@code *}; property is one of the method's names or {@code *} (a request for
   * {@code *} takes all); accessType is the request's or {@code *} (REPLICATE also takes WRITE; a
   * request for {@code *} takes all). Note that EXECUTE rows are not loaded for READ or WRITE
   * requests, while static EXECUTE entries do apply to them.
   */
  public static List<AclEntry> rowsForRequest(List<AclEntry> rows, AccessRequest request) {
    List<AclEntry> result = new ArrayList<>();
    for (AclEntry row : rows) {
      if (!row.model().equals(request.model()) && !AclEntry.ALL.equals(row.model())) {
        continue;
      }
      if (!AclEntry.ALL.equals(request.property()) && !AclEntry.ALL.equals(row.property())
          && !request.methodNames().contains(row.property())) {
        continue;
      }
      AccessType wanted = request.accessType();
      AccessType type = row.accessType();
      boolean typeOk = wanted == AccessType.ALL || type == AccessType.ALL || type == wanted
          || wanted == AccessType.REPLICATE && type == AccessType.WRITE;
      if (typeOk) {
        result.add(row);
      }
    }
    return result;
  }

  /**
   * LoopBack's {@code ACL.checkAccessForContext}, settled: the store rows for the request, then the
   * model's static entries for the requested property; an entry applies when it names one of the
   * caller's principals exactly, or names a ROLE the caller is in; the applicable entries are resolved
   * and DEFAULT settles to the model's default permission.
   *
   * @param rows every ACL row of the store (they are filtered here as LoopBack's query does)
   * @param principals the caller's principals
   * @param inRole whether the caller is in a role (static and custom), for entries of type ROLE
   */
  public static Permission checkAccess(ModelAcls model, List<AclEntry> rows, AccessRequest request,
                                       List<PrincipalRef> principals, Predicate<String> inRole) {
    return checkCandidates(model, candidates(model, rows, request), request, principals, inRole);
  }

  /** The entries that may apply to a request, whoever calls: its store rows, then its static entries. */
  static List<AclEntry> candidates(ModelAcls model, List<AclEntry> rows, AccessRequest request) {
    List<AclEntry> candidates = rowsForRequest(rows, request);
    candidates.addAll(model.staticFor(request.property()));
    return candidates;
  }

  /** {@link #checkAccess} over precomputed {@link #candidates}. */
  static Permission checkCandidates(ModelAcls model, List<AclEntry> candidates, AccessRequest request,
                                    List<PrincipalRef> principals, Predicate<String> inRole) {
    List<AclEntry> applicable = new ArrayList<>(candidates.size());
    for (AclEntry acl : candidates) {
      if (namesPrincipal(acl, principals)
          || AclEntry.ROLE.equals(acl.principalType()) && inRole.test(acl.principalId())) {
        applicable.add(acl);
      }
    }
    return model.settle(resolve(applicable, request));
  }

  /**
   * LoopBack's older {@code ACL.checkPermission(principalType, principalId, model, property,
   * accessType)}: the model's static entries for the property are resolved first, for every principal
   * (they are not filtered by principal); a DENY there is final. Otherwise the store rows of exactly
   * this principal for the model (property the requested one or {@code *}, accessType the requested
   * one, {@code *} or EXECUTE) are added and everything is resolved again. No method names, no roles.
   */
  public static Permission checkPermission(String principalType, String principalId, ModelAcls model,
                                           String property, AccessType accessType, List<AclEntry> rows) {
    AccessRequest request = AccessRequest.of(model.model(), property, accessType);
    List<AclEntry> acls = new ArrayList<>(model.staticFor(request.property()));
    Permission statically = model.settle(resolve(acls, request));
    if (statically == Permission.DENY) {
      return statically;
    }
    for (AclEntry row : rows) {
      boolean principal = row.principalType().equals(principalType) && row.principalId().equals(principalId);
      boolean sameModel = row.model().equals(model.model());
      boolean prop = AclEntry.ALL.equals(request.property()) || AclEntry.ALL.equals(row.property())
          || row.property().equals(request.property());
      AccessType type = row.accessType();
      boolean typeOk = request.accessType() == AccessType.ALL || type == AccessType.ALL
          || type == request.accessType() || type == AccessType.EXECUTE;
      if (principal && sameModel && prop && typeOk) {
        acls.add(row);
      }
    }
    return model.settle(resolve(acls, request));
  }

  private static boolean namesPrincipal(AclEntry acl, List<PrincipalRef> principals) {
    for (int i = 0; i < principals.size(); i++) {
      if (principals.get(i).matches(acl)) {
        return true;
      }
    }
    return false;
  }
}
