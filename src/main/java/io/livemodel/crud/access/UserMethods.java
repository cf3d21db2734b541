package io.livemodel.crud.access;

import io.livemodel.auth.AccessToken;
import io.livemodel.auth.LoginThrottle;
import io.livemodel.auth.Passwords;
import io.livemodel.auth.Principal;
import io.livemodel.crud.WriteClient;
import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.filter.Filter;
import io.livemodel.filter.FilterParser;
import io.livemodel.filter.Where;
import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.livemodel.model.Hidden;
import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.Store;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * LoopBack's User methods over REST (common/models/user.js), for every model based on {@code User}:
 * {@code POST /login}, {@code /logout}, {@code /change-password}, {@code /reset},
 * {@code /reset-password} and {@code GET /confirm}. Tokens are {@code AccessToken} rows written
 * through the CRUD verticle, so that every node sees them (and a logout's {@code remove} change
 * reaches every node's {@link Principals}). Passwords are verified on worker threads. Failed logins
 * are slowed per account and per client address ({@link LoginThrottle}, 429 with {@code Retry-After}:
 * beyond LoopBack). No mail is sent: reset logs its link at INFO.
 */
public final class UserMethods {

  /** The answer of a method that returns nothing (204). */
  public static final Object NO_CONTENT = new Object();

  private static final Logger LOG = Logger.getLogger(UserMethods.class.getName());
  /** LoopBack's reset token: 15 minutes, good only for setting the password. */
  private static final long RESET_TTL = 900;
  private static final String RESET_SCOPE = "reset-password";

  private final Store store;
  private final WriteClient writes;
  private final ModelDefinition tokens;
  private final Principals principals;
  private final LoginThrottle throttle;

  public UserMethods(Vertx vertx, Store store, ModelRegistry models, Principals principals, LoginThrottle throttle) {
    this.store = store;
    this.writes = new WriteClient(vertx);
    this.tokens = models.byName("AccessToken");
    this.principals = principals;
    this.throttle = throttle;
  }

  /**
   * The answer of the User method {@code method} (a name of {@link RestMethods}), or null when it is not one.
   *
   * @param arg a request argument by name, from the body, the query or a header
   * @param tokenId the request's token id (null for none)
   * @param address the client's address (for the login throttle)
   */
  public Future<Object> call(ModelDefinition model, String method, Function<String, Object> arg, Object include,
                             String tokenId, Principal principal, String address) {
    return switch (method) {
      case "login" -> login(model, arg, include, address);
      case "logout" -> logout(tokenId);
      case "changePassword" -> changePassword(model, principal, arg);
      case "resetPassword" -> reset(model, arg);
      case "setPassword" -> setPassword(model, tokenId, arg);
      case "confirm" -> confirm(model, arg);
      default -> null;
    };
  }

  private Future<Object> login(ModelDefinition model, Function<String, Object> arg, Object include, String address) {
    String email = text(arg.apply("email"));
    String username = text(arg.apply("username"));
    if (email == null && username == null) {
      return Future.failedFuture(new ApiError(400, "Error", "username or email is required", "USERNAME_EMAIL_REQUIRED", null));
    }
    String account = LoginThrottle.accountKey(email != null ? email : username);
    String client = LoginThrottle.addressKey(address == null ? "" : address);
    Duration wait = throttle.waitTime(account, client);
    if (!wait.isZero()) {
      return Future.failedFuture(new ApiError(429, "Error", "Too many failed logins; retry later", "LOGIN_THROTTLED",
          null).retryAfter((int) LoginThrottle.retryAfterSeconds(wait)));
    }
    String plain = text(arg.apply("password"));
    JsonObject where = new JsonObject().put(email != null ? "email" : "username", email != null ? email : username);
    return store.find(model, lookup(model, where, 1))
        .compose(found -> {
          JsonObject user = found.isEmpty() ? null : found.get(0);
          String hash = user == null ? null : text(user.getValue("password"));
          return verify(plain, hash).compose(ok -> {
            if (!ok) {
              throttle.failed(account, client);
              return Future.failedFuture(new ApiError(401, "Error", "login failed", "LOGIN_FAILED", null));
            }
            throttle.reset(account);
            long ttl = AccessToken.grantedTtl(number(arg.apply("ttl")), AccessToken.DEFAULT_TTL, AccessToken.DEFAULT_MAX_TTL);
            return issue(user.getValue(model.idName()), ttl, null).map(token -> {
              if (includesUser(include)) {
                // included by the token: neither hidden nor protected properties (acl-app step 27)
                token.put("user", Hidden.without(Hidden.strip(model, user), model.protectedProperties()));
              }
              return (Object) token;
            });
          });
        });
  }

  private Future<Object> logout(String tokenId) {
    ApiError required = new ApiError(401, "Error", "accessToken is required to logout", null, null);
    return principals.token(tokenId).compose(token -> token == null ? Future.failedFuture(required)
        : deleteToken(token.id()).map(NO_CONTENT));
  }

  /**
   * Deletes a token, and forgets it on this node before the answer: the next request, on whichever of
   * this node's event loops, is refused (other nodes forget it when the remove change reaches them).
   */
  private Future<Object> deleteToken(String id) {
    return writes.write(new WriteRequest(tokens, WriteOp.DELETE_BY_ID, id, null, null))
        .onSuccess(v -> principals.invalidate(id));
  }

  private Future<Object> changePassword(ModelDefinition model, Principal principal, Function<String, Object> arg) {
    String oldPassword = text(arg.apply("oldPassword"));
    Object newPassword = arg.apply("newPassword");
    String keep = principal.token() == null ? null : principal.token().id();
    return user(model, principal).compose(user -> verify(oldPassword, text(user.getValue("password")))
        .compose(ok -> ok ? setPassword(model, user, newPassword, keep)
            : Future.failedFuture(new ApiError(400, "Error", "Invalid current password", "INVALID_PASSWORD", null))));
  }

  private Future<Object> reset(ModelDefinition model, Function<String, Object> arg) {
    String email = text(arg.apply("email"));
    if (email == null) {
      return Future.failedFuture(new ApiError(400, "Error", "Email is required", "EMAIL_REQUIRED", null));
    }
    return store.find(model, lookup(model, new JsonObject().put("email", email), 1)).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new ApiError(404, "Error", "Email not found", "EMAIL_NOT_FOUND", null));
      }
      Object userId = found.get(0).getValue(model.idName());
      return issue(userId, RESET_TTL, new JsonArray().add(RESET_SCOPE)).map(token -> {
        LOG.info("password reset for " + model.name() + " " + userId + ": /reset-password?access_token="
            + token.getString("id") + " (no mail is sent)");
        return NO_CONTENT;
      });
    });
  }

  /** {@code POST /reset-password}: the caller's token (a reset token or a login token) sets the password. */
  private Future<Object> setPassword(ModelDefinition model, String tokenId, Function<String, Object> arg) {
    return principals.token(tokenId).compose(token -> {
      if (token == null || token.scopes() != null && !token.scopes().contains(RESET_SCOPE)
          && !token.scopes().contains("DEFAULT")) {
        return Future.failedFuture(AccessControl.denied());
      }
      return user(model, Principal.of(token)).compose(user -> setPassword(model, user, arg.apply("newPassword"), null));
    });
  }

  private Future<Object> confirm(ModelDefinition model, Function<String, Object> arg) {
    String uid = text(arg.apply("uid"));
    String token = text(arg.apply("token"));
    Object id = uid == null ? null : Instances.coerceId(model, uid);
    Future<JsonObject> user = id == null ? Future.succeededFuture() : store.findById(model, id);
    return user.compose(found -> {
      if (found == null) {
        return Future.failedFuture(new ApiError(404, "Error", "User not found: " + uid, "USER_NOT_FOUND", null));
      }
      if (token == null || !token.equals(found.getValue("verificationToken"))) {
        return Future.failedFuture(new ApiError(400, "Error", "Invalid token: " + token, "INVALID_TOKEN", null));
      }
      JsonObject patch = new JsonObject().put("emailVerified", true).putNull("verificationToken");
      return writes.write(new WriteRequest(model, WriteOp.PATCH_BY_ID, String.valueOf(found.getValue(model.idName())),
          patch, null)).map(NO_CONTENT);
    });
  }

  /**
   * Sets a new password and, as LoopBack does, logs the user out everywhere else: every other token
   * of the user is deleted (each deletion reaches every node's token cache and ends its streams).
   *
   * @param keep the token that stays valid (the caller's own on change-password), or null
   */
  private Future<Object> setPassword(ModelDefinition model, JsonObject user, Object newPassword, String keep) {
    JsonObject patch = new JsonObject().put("password", newPassword);
    Object userId = user.getValue(model.idName());
    return writes.write(new WriteRequest(model, WriteOp.PATCH_BY_ID, String.valueOf(userId), patch, null))
        .compose(v -> revokeTokens(userId, keep)).map(NO_CONTENT);
  }

  private Future<Void> revokeTokens(Object userId, String keep) {
    if (tokens == null) {
      return Future.succeededFuture();
    }
    return store.find(tokens, lookup(tokens, new JsonObject().put("userId", userId), 0)).compose(rows -> {
      Future<Object> chain = Future.succeededFuture();
      for (JsonObject row : rows) {
        String id = row.getString("id");
        if (id != null && !id.equals(keep)) {
          chain = chain.compose(v -> deleteToken(id));
        }
      }
      return chain.mapEmpty();
    });
  }

  private Future<JsonObject> user(ModelDefinition model, Principal principal) {
    Object id = principal.userId() == null ? null : Instances.coerceId(model, principal.userId());
    return (id == null ? Future.<JsonObject>succeededFuture() : store.findById(model, id)).compose(user -> user == null
        ? Future.failedFuture(AccessControl.denied()) : Future.succeededFuture(user));
  }

  /** A new AccessToken row, written through the CRUD verticle; its answer {@code {id, ttl, created, userId}}. */
  private Future<JsonObject> issue(Object userId, long ttl, JsonArray scopes) {
    if (tokens == null) {
      return Future.failedFuture(ApiError.internal("the app has no AccessToken model: add it to model-config.json"));
    }
    AccessToken token = AccessToken.issue(userId, ttl, Instant.now());
    JsonObject row = new JsonObject().put("id", token.id()).put("ttl", ttl)
        .put("created", token.created().toString()).put("userId", userId);
    if (scopes != null) {
      row.put("scopes", scopes);
    }
    return writes.write(new WriteRequest(tokens, WriteOp.CREATE, null, row, null)).map(saved -> (JsonObject) saved);
  }

  /** A server-side lookup (a hidden {@code email} still matches), in the default scope; {@code limit} 0: all. */
  static Filter lookup(ModelDefinition model, JsonObject where, int limit) {
    Where parsed = FilterParser.parseServerWhere(where, model);
    return new Filter(parsed, List.of(), limit, 0, null, null);
  }

  /** bcrypt on a worker thread (tens of milliseconds); a missing password or hash never verifies. */
  private static Future<Boolean> verify(String plain, String hash) {
    if (plain == null || hash == null) {
      return Future.succeededFuture(false);
    }
    Context context = Vertx.currentContext();
    return context.executeBlocking(() -> Passwords.verifyLogin(plain, hash), false);
  }

  private static boolean includesUser(Object include) {
    return "user".equals(include) || include instanceof JsonArray list && list.contains("user")
        || include instanceof List<?> raw && raw.contains("user");
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isEmpty() ? s : value instanceof Number n ? JsValues.toJsString(n) : null;
  }

  private static Long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return (long) Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
