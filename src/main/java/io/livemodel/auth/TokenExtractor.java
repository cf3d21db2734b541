package io.livemodel.auth;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the access token id from a request, in the places and order of LoopBack 3.28's
 * {@code AccessToken.getIdForRequest} as the REST middleware calls it:
 * <ol>
 *   <li>the {@code access_token} query parameter;</li>
 *   <li>the {@code X-Access-Token} header;</li>
 *   <li>the {@code Authorization} header: the bare token, {@code Bearer <token>} (LoopBack's default
 *       middleware expects the token base64-encoded after {@code Bearer }; both forms are accepted
 *       here, told apart by length), or {@code Basic base64(user:pass)} (the longer part is the
 *       token).</li>
 * </ol>
 * The first place that holds a value decides, even when that value is not a token, as in LoopBack:
 * an empty {@code access_token=} or a garbage {@code X-Access-Token} means "no token" and the
 * {@code Authorization} header is not read. A repeated query parameter is skipped (LoopBack's query
 * parser makes it an array, which it ignores). The request body and cookies are not read: LoopBack's
 * scaffolded app parses neither before the token middleware runs.
 *
 * <p>Never throws: anything that is not a well-formed id ({@link TokenIds#isWellFormed}) is no token.
 */
public final class TokenExtractor {

  private static final Pattern BASIC = Pattern.compile("^Basic ", Pattern.CASE_INSENSITIVE);

  private TokenExtractor() {
  }

  /** The token id the request carries, or {@code null} for none (or an unusable value). */
  public static String extract(HttpServerRequest request) {
    String raw = rawValue(request);
    return raw != null && TokenIds.isWellFormed(raw) ? raw : null;
  }

  private static String rawValue(HttpServerRequest request) {
    List<String> params;
    try {
      params = request.params().getAll("access_token");
    } catch (RuntimeException malformedQuery) {
      params = List.of();
    }
    if (params.size() == 1) {
      return params.get(0);
    }
    List<String> custom = request.headers().getAll("X-Access-Token");
    if (custom.size() > 1) {
      return null; // Node joins repeated headers with ", ": never a token
    }
    if (custom.size() == 1 && !custom.get(0).isEmpty()) {
      return custom.get(0);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && !authorization.isEmpty()) {
      return fromAuthorization(authorization);
    }
    return null;
  }

  /** The token in an {@code Authorization} value (package-private for tests). */
  static String fromAuthorization(String value) {
    if (value.startsWith("Bearer ")) {
      String credential = value.substring("Bearer ".length());
      if (TokenIds.isWellFormed(credential) && credential.length() <= TokenIds.LENGTH) {
        return credential;
      }
      return decodeBase64(credential);
    }
    if (BASIC.matcher(value).find()) {
      String decoded = decodeBase64(value.substring("Basic ".length()));
      if (decoded == null) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return decoded;
      }
      String user = decoded.substring(0, colon);
      String password = decoded.substring(colon + 1);
      return password.length() > user.length() ? password : user;
    }
    return value;
  }

  private static String decodeBase64(String text) {
    if (text.length() > 4 * TokenIds.MAX_ACCEPTED_LENGTH) {
      return null;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
