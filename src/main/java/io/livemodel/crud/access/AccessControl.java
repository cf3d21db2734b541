package io.livemodel.crud.access;

import io.livemodel.auth.AclEntry;
import io.livemodel.auth.AclRows;
import io.livemodel.auth.Authorizer;
import io.livemodel.auth.LoginThrottle;
import io.livemodel.auth.ModelAcls;
import io.livemodel.auth.OwnerRule;
import io.livemodel.auth.Principal;
import io.livemodel.auth.RoleMappings;
import io.livemodel.auth.StreamAccess;
import io.livemodel.filter.Filter;
import io.livemodel.model.ApiError;
import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.relation.RelationDefinition;
import io.livemodel.store.Store;
import io.livemodel.stream.ChangeBus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The node's access control, used by every transport before it dispatches a call (REST, relation
 * routes, change streams, bridge): the model files' {@code acls}, the store's {@code ACL} rows (kept
 * as a snapshot, reloaded when one changes), custom roles from {@code Role}/{@code RoleMapping} rows,
 * and the callers' tokens ({@link Principals}). A model without acls (and without ACL rows) is open
 * and costs nothing per call. Thread-safe; one per node.
 */
public final class AccessControl {

  private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());

  /** LoopBack's answer to a denied call, with or without a token (API.md section 8). */
  public static ApiError denied() {
    return new ApiError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null);
  }

  private static final Future<Principal> ANONYMOUS = Future.succeededFuture(Principal.ANONYMOUS);

  /** One model's static rules. */
  private record Rules(ModelAcls acls, OwnerRule owners) {
  }

  private final Store store;
  private final Principals principals;
  private final Authorizer authorizer;
  private final Map<String, Rules> rules;
  private final LoginThrottle throttle = LoginThrottle.withDefaults();
  private volatile AclRows rows = AclRows.NONE;
  private final java.util.concurrent.atomic.AtomicLong reloads = new java.util.concurrent.atomic.AtomicLong();

  private AccessControl(Store store, Principals principals, RoleMappings roles, Map<String, Rules> rules) {
    this.store = store;
    this.principals = principals;
    this.rules = rules;
    this.authorizer = new Authorizer(roles, model -> rows.rowsFor(model));
  }

  /**
   * Builds the node's access control after the change bus has started: reads the ACL rows and listens
   * for AccessToken and ACL changes.
   */
  public static Future<AccessControl> start(Vertx vertx, ModelRegistry models, Store store, ChangeBus bus) {
    Map<String, Rules> rules = new HashMap<>();
    for (ModelDefinition model : models.all()) {
      JsonObject file = model.settings().put("properties", properties(model));
      rules.put(model.name(), new Rules(ModelAcls.fromModelFile(model.name(), file),
          OwnerRule.forModel(file, model.isUserModel(), name -> {
            ModelDefinition target = models.byName(name);
            return target != null && target.isUserModel();
          })));
    }
    ModelDefinition role = models.byName("Role");
    ModelDefinition mapping = models.byName("RoleMapping");
    RoleMappings roles = role != null && mapping != null ? new StoreRoleMappings(store, role, mapping) : RoleMappings.NONE;
    if (models.byName("AccessToken") == null && models.all().stream().anyMatch(ModelDefinition::isUserModel)) {
      LOG.warning("a model based on User is loaded but AccessToken is not: login cannot issue tokens and every"
          + " token counts as none (add AccessToken to model-config.json)");
    }
    Principals principals = new Principals(store, models.byName("AccessToken"));
    AccessControl access = new AccessControl(store, principals, roles, rules);
    var context = vertx.getOrCreateContext();
    if (models.byName("AccessToken") != null) {
      bus.listen("AccessToken", context, principals::onChange);
    }
    ModelDefinition acl = models.byName("ACL");
    if (acl == null) {
      return Future.succeededFuture(access);
    }
    bus.listen("ACL", context, change -> access.reloadRows(acl));
    return access.reloadRows(acl).map(access);
  }

  /** Reloads the ACL snapshot; of overlapping reloads, only the last one started is kept. */
  private Future<Void> reloadRows(ModelDefinition acl) {
    long generation = reloads.incrementAndGet();
    return store.find(acl, Filter.ALL).map(found -> {
      if (generation != reloads.get()) {
        return null;
      }
      List<AclEntry> entries = new ArrayList<>();
      for (JsonObject row : found) {
        try {
          entries.add(AclEntry.fromRow(row));
        } catch (RuntimeException e) {
          LOG.warning("ACL row " + row.getValue("id") + " ignored: " + e.getMessage());
        }
      }
      rows = AclRows.of(entries);
      return null;
    });
  }

  public Principals principals() {
    return principals;
  }

  /** The node's failed-login throttle (per account and per client address). */
  public LoginThrottle throttle() {
    return throttle;
  }

  /** Whether every call of {@code model} is allowed, whoever makes it (no acls, no ACL rows). */
  public boolean isOpen(ModelDefinition model) {
    Rules r = rules.get(model.name());
    return (r == null || r.acls.isOpen()) && rows.rowsFor(model.name()).isEmpty();
  }

  /** The caller of a token id, resolved only where it matters; anonymous for an open model. */
  public Future<Principal> principal(ModelDefinition model, String tokenId) {
    return isOpen(model) && !model.isUserModel() ? ANONYMOUS : principals.resolve(tokenId);
  }

  /**
   * Decides a call of {@code method} on {@code model} by the caller of {@code tokenId}: the caller,
   * or a failed future with the 401 of {@link #denied()}.
   *
   * @param pathId the instance id of the route's path (never a query or body id), or null: only it
   *     can make the caller the {@code $owner}
   */
  public Future<Principal> authorize(ModelDefinition model, String method, String tokenId, String pathId) {
    if (isOpen(model) && !model.isUserModel()) {
      return ANONYMOUS;
    }
    return principals.resolve(tokenId).compose(principal -> authorize(model, method, principal, pathId));
  }

  /** {@link #authorize(ModelDefinition, String, String, String)} for a known caller. */
  public Future<Principal> authorize(ModelDefinition model, String method, Principal principal, String pathId) {
    Rules r = rules.get(model.name());
    if (r == null) {
      return Future.succeededFuture(principal);
    }
    return authorizer.decide(principal, r.acls, method).compose(decision -> {
      if (decision.allowed()) {
        return Future.succeededFuture(principal);
      }
      if (decision.denied()) {
        return Future.failedFuture(denied());
      }
      // The decision depends on ownership: LoopBack counts a call without an instance (or an unknown
      // id, or an anonymous caller) as not the owner.
      Object id = pathId == null || !principal.isAuthenticated() ? null : Instances.coerceId(model, pathId);
      Future<Boolean> owner = id == null ? Future.succeededFuture(false)
          : store.findById(model, id).map(found -> found != null && r.owners.isOwner(found, principal));
      return owner.compose(isOwner -> decision.allows(isOwner)
          ? Future.succeededFuture(principal) : Future.failedFuture(denied()));
    });
  }

  /** What a {@code createChangeStream} subscription of this caller may see, decided once. */
  public Future<StreamAccess> streamAccess(ModelDefinition model, Principal principal) {
    Rules r = rules.get(model.name());
    if (r == null || isOpen(model)) {
      return Future.succeededFuture(StreamAccess.OPEN);
    }
    return authorizer.decide(principal, r.acls, "createChangeStream")
        .map(decision -> StreamAccess.of(decision, r.owners, principal));
  }

  /** Whether a change stream of {@code relation}'s rows needs no decision: its parent and target are both open. */
  public boolean isOpen(RelationDefinition relation) {
    return isOpen(relation.from()) && !relation.from().isUserModel() && isOpen(relation.to());
  }

  /**
   * What a change stream of the rows of {@code relation} of the parent {@code parentId} may see, decided
   * once: the stricter of the parent's relation read ({@code __get__<relation>}, as LoopBack decides
   * {@code GET /:id/<relation>}, {@code $owner} from {@code parentId}) and the target's
   * {@code createChangeStream}. Both must allow, else a failed future with {@link #denied()}; READ
   * through {@code $owner} alone on the target gives the {@link StreamAccess#where() owner where}.
   */
  public Future<StreamAccess> streamAccess(RelationDefinition relation, Principal principal, String parentId) {
    ModelDefinition parent = relation.from();
    Future<Principal> read = isOpen(parent) && !parent.isUserModel() ? Future.succeededFuture(principal)
        : authorize(parent, "__get__" + relation.name(), principal, parentId);
    return read.compose(p -> streamAccess(relation.to(), principal)).compose(stream -> stream.allowed()
        ? Future.succeededFuture(stream) : Future.failedFuture(denied()));
  }

  /** The model's properties as a model file declares them (name → {type, id}), for the owner rule. */
  private static JsonObject properties(ModelDefinition model) {
    JsonObject out = new JsonObject();
    for (PropertyDefinition property : model.properties().values()) {
      JsonObject definition = new JsonObject();
      if (property.id()) {
        definition.put("id", true);
      }
      out.put(property.name(), definition);
    }
    return out;
  }
}
