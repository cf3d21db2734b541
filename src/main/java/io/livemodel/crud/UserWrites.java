package io.livemodel.crud;

import io.livemodel.auth.Passwords;
import io.livemodel.filter.Filter;
import io.livemodel.filter.FilterParser;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ValidationErrors;
import io.livemodel.relation.RelationDefinition;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What LoopBack's {@code User} does to a write before it is validated and saved (API.md section 8):
 * a {@code password} is hashed with bcrypt (off the event loop), an empty one is 422
 * {@code INVALID_PASSWORD}; a client-sent {@code emailVerified} is stored as {@code false} on create;
 * {@code email} must look like an address and {@code email} and {@code username} must be unique
 * (case-sensitive, as LoopBack's {@code caseSensitiveEmail: true}). Only the {@link WriteService} calls it.
 *
 * <p>Deviation: uniqueness is checked before the write's transaction, so two concurrent creates of
 * one email may both succeed (LoopBack's check is not atomic either).
 */
final class UserWrites {

  /** A bcrypt hash as LoopBack's setter recognises one: stored as given (an imported user table). */
  private static final Pattern HASHED = Pattern.compile("^\\$2[aby]\\$.{56}$");
  /** A lenient address check in the spirit of LoopBack's {@code isemail}: one {@code @}, a dotted domain. */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private UserWrites() {
  }

  /** The request to run: the same one for any model that is not based on User. */
  static Future<WriteRequest> prepare(WriteRequest request, ModelOperations operations) {
    ModelDefinition model = request.model();
    if (!model.isUserModel() || request.op() == WriteOp.DELETE_BY_ID || request.data() == null) {
      return Future.succeededFuture(request);
    }
    List<JsonObject> bodies = new ArrayList<>();
    if (request.data() instanceof JsonObject object) {
      bodies.add(object.copy());
    } else if (request.data() instanceof JsonArray array) {
      for (Object item : array) {
        if (!(item instanceof JsonObject object)) {
          return Future.succeededFuture(request);  // ModelOperations answers the 400
        }
        bodies.add(object.copy());
      }
    } else {
      return Future.succeededFuture(request);
    }
    try {
      for (JsonObject body : bodies) {
        coerceIdentity(model, body, "email");
        coerceIdentity(model, body, "username");
        checkPassword(body);
        checkEmail(model, body);
        if (request.op() == WriteOp.CREATE && body.containsKey("emailVerified")) {
          body.put("emailVerified", false);
        }
      }
    } catch (ApiError e) {
      return Future.failedFuture(e);
    }
    Object data = request.data() instanceof JsonArray ? new JsonArray(new ArrayList<>(bodies)) : bodies.get(0);
    WriteRequest prepared = new WriteRequest(model, request.op(), request.id(), data, request.where());
    Future<Void> unique = Future.succeededFuture();
    for (JsonObject body : bodies) {
      unique = unique.compose(v -> unique(operations, prepared, body, "email", "Email already exists"))
          .compose(v -> unique(operations, prepared, body, "username", "User already exists"));
    }
    return unique.compose(v -> hashAll(bodies)).map(prepared);
  }

  /**
   * After a user is deleted, deletes its access tokens (LoopBack's User does the same), each through
   * the write path so that every node forgets them and ends their streams.
   */
  static Future<Void> afterDelete(WriteRequest request, Object answer, ModelOperations operations,
                                  java.util.function.Function<WriteRequest, Future<Object>> write) {
    RelationDefinition tokens = operations.relations().relation(request.model(), "accessTokens");
    if (tokens == null || !(answer instanceof JsonObject count) || !Integer.valueOf(1).equals(count.getInteger("count"))) {
      return Future.succeededFuture();
    }
    Object userId = Instances.coerceId(request.model(), request.id());
    Where byUser = FilterParser.parseServerWhere(new JsonObject().put(tokens.keyTo(), userId), tokens.to());
    Filter filter = new Filter(byUser, java.util.List.of(), 0, 0, null, null);
    return operations.store().find(tokens.to(), filter).compose(rows -> {
      Future<Object> chain = Future.succeededFuture();
      for (JsonObject row : rows) {
        String id = String.valueOf(row.getValue(tokens.to().idName()));
        chain = chain.compose(v -> write.apply(new WriteRequest(tokens.to(), WriteOp.DELETE_BY_ID, id, null, null)));
      }
      return chain.mapEmpty();
    });
  }

  private static void checkPassword(JsonObject body) {
    if (!body.containsKey("password")) {
      return;
    }
    Object password = body.getValue("password");
    // A number or boolean is its text, as the juggler coerces it before User's setter hashes it; left
    // as it was, it would skip the hashing below and be stored in plain text.
    if (password instanceof Number || password instanceof Boolean) {
      password = String.valueOf(password);
      body.put("password", password);
    } else if (password instanceof JsonObject || password instanceof JsonArray) {
      throw new ApiError(422, "Error", "Invalid password.", "INVALID_PASSWORD", null);
    }
    if (password instanceof String plain && plain.isEmpty()) {
      throw new ApiError(422, "Error", "Invalid password.", "INVALID_PASSWORD", null);
    }
    if (password instanceof String plain && plain.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES
        && !HASHED.matcher(plain).matches()) {
      throw new ApiError(422, "Error", "Password too long", "PASSWORD_TOO_LONG", null);
    }
  }

  /**
   * {@code email} and {@code username} are strings: a number or boolean becomes its text before the
   * format and uniqueness checks (as the juggler coerces it before validating), so {@code "email": 1}
   * cannot pass both checks and be stored as {@code "1"} twice. An object or array is a 422 (LoopBack
   * would compare its {@code String(value)}; no client needs that).
   */
  private static void coerceIdentity(ModelDefinition model, JsonObject body, String property) {
    Object value = body.getValue(property);
    if (value instanceof Number || value instanceof Boolean) {
      body.put(property, String.valueOf(value));
    } else if (value instanceof JsonObject || value instanceof JsonArray) {
      ValidationErrors errors = new ValidationErrors(model.name());
      errors.add(property, "custom." + property, "is invalid", value);
      throw errors.toApiError();
    }
  }

  private static void checkEmail(ModelDefinition model, JsonObject body) {
    if (body.getValue("email") instanceof String email && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
      ValidationErrors errors = new ValidationErrors(model.name());
      errors.add("email", "custom.email", "is invalid", email);
      throw errors.toApiError();
    }
  }

  /** LoopBack's {@code validatesUniquenessOf}: another instance (not the one written) with the value is a 422. */
  private static Future<Void> unique(ModelOperations operations, WriteRequest request, JsonObject body,
                                     String property, String message) {
    if (!(body.getValue(property) instanceof String value) || value.isEmpty()) {
      return Future.succeededFuture();
    }
    ModelDefinition model = request.model();
    Object self = request.id() != null ? request.id() : body.getValue(model.idName());
    JsonObject where = new JsonObject().put(property, value);
    if (self != null && request.op() != WriteOp.CREATE) {
      where = new JsonObject().put("and", new JsonArray().add(where)
          .add(new JsonObject().put(model.idName(), new JsonObject().put("neq", self))));
    }
    // the server's own where: a hidden email is still compared (a client's where would ignore it)
    Where parsed = FilterParser.parseServerWhere(where, model);
    return operations.store().count(model, parsed).compose(n -> {
      if (n == 0) {
        return Future.succeededFuture();
      }
      ValidationErrors errors = new ValidationErrors(model.name());
      errors.add(property, "uniqueness", message, value);
      return Future.failedFuture(errors.toApiError());
    });
  }

  /** Replaces each plain {@code password} by its bcrypt hash, on a worker thread (about 70 ms each). */
  private static Future<Void> hashAll(List<JsonObject> bodies) {
    List<JsonObject> toHash = bodies.stream()
        .filter(b -> b.getValue("password") instanceof String p && !HASHED.matcher(p).matches()).toList();
    if (toHash.isEmpty()) {
      return Future.succeededFuture();
    }
    Context context = Vertx.currentContext();
    return context.executeBlocking(() -> {
      for (JsonObject body : toHash) {
        body.put("password", Passwords.hash(body.getString("password")));
      }
      return null;
    }, false).mapEmpty();
  }
}
