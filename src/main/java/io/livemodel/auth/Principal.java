package io.livemodel.auth;

import java.util.List;

/**
 * Who is calling: the user of a valid access token, or nobody. Immutable; a subscription keeps the
 * principal it was opened with.
 *
 * @param userId the token's {@code userId} as a string, or {@code null} when anonymous
 * @param principalType {@code USER}, or the user model's name for apps with several user models
 * @param token the valid access token, or {@code null}
 */
public record Principal(String userId, String principalType, AccessToken token) {

  /** The caller without a (valid) token. */
  public static final Principal ANONYMOUS = new Principal(null, AclEntry.USER, null);

  public Principal {
    principalType = principalType == null ? AclEntry.USER : principalType;
  }

  /** The principal of a valid token. */
  public static Principal of(AccessToken token) {
    return new Principal(token.userId() == null ? null : AclEntry.idText(token.userId()),
        token.principalType(), token);
  }

  public boolean isAuthenticated() {
    return userId != null;
  }

  /** The principals an ACL entry can name directly: the user, when there is one. */
  public List<PrincipalRef> refs() {
    return userId == null ? List.of() : List.of(new PrincipalRef(principalType, userId));
  }

  /** The token's scopes; LoopBack's default is {@code ["DEFAULT"]}. */
  public List<String> scopes() {
    return token == null || token.scopes() == null ? AccessToken.DEFAULT_SCOPES : token.scopes();
  }

  @Override
  public String toString() {
    // Never the token id: it is a bearer secret.
    return userId == null ? "Principal[anonymous]" : "Principal[" + principalType + " " + userId + "]";
  }
}
