package io.livemodel.crud.access;

import io.livemodel.model.ModelDefinition;
import io.livemodel.relation.RelationDefinition;
import io.livemodel.relation.RelationDefinition.Kind;
import io.livemodel.relation.RelationGraph;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Locale;

/**
 * Which LoopBack remote method a REST route calls (its ACL {@code property}), and the instance id in
 * its path, as strong-remoting routes them (API.md section 1; relation methods {@code __verb__rel}).
 * Null for a path no method handles: the router answers its 404 then, before any access check
 * (LoopBack matches routes first, too).
 */
public final class RestMethods {

  /** A route's method and the id in its path (null for static methods). */
  public record Call(String method, String pathId) {
  }

  private final RelationGraph relations;

  public RestMethods(RelationGraph relations) {
    this.relations = relations;
  }

  /** @param r the path segments after the model's plural */
  public Call of(ModelDefinition model, HttpMethod verb, List<String> r) {
    boolean get = verb == HttpMethod.GET || verb == HttpMethod.HEAD;
    if (r.isEmpty()) {
      return get ? call("find") : verb == HttpMethod.POST ? call("create")
          : verb == HttpMethod.PUT ? call("replaceOrCreate") : verb == HttpMethod.PATCH ? call("patchOrCreate") : null;
    }
    String first = r.get(0);
    String lower = first.toLowerCase(Locale.ROOT);
    if (r.size() == 1) {
      return one(model, verb, get, first, lower);
    }
    if (r.size() == 2 && get && r.get(1).equalsIgnoreCase("exists")) {
      return new Call("exists", first);
    }
    if (r.size() == 2 && verb == HttpMethod.POST && r.get(1).equalsIgnoreCase("replace")) {
      return new Call("replaceById", first);
    }
    return relation(model, verb, get, r);
  }

  private static Call one(ModelDefinition model, HttpMethod verb, boolean get, String first, String lower) {
    if (lower.equals("change-stream") && (get || verb == HttpMethod.POST)) {
      return call("createChangeStream");
    }
    if (get) {
      if (lower.equals("count")) {
        return call("count");
      }
      if (lower.equals("findone")) {
        return call("findOne");
      }
      if (model.isUserModel() && lower.equals("confirm") && verb == HttpMethod.GET) {
        return call("confirm");
      }
      return new Call(verb == HttpMethod.HEAD ? "exists" : "findById", first);
    }
    if (verb == HttpMethod.POST) {
      String user = model.isUserModel() ? userMethod(lower) : null;
      return user != null ? call(user) : switch (lower) {
        case "replaceorcreate" -> call("replaceOrCreate");
        case "update" -> call("updateAll");
        case "upsertwithwhere" -> call("upsertWithWhere");
        default -> null;
      };
    }
    return verb == HttpMethod.PUT ? new Call("replaceById", first)
        : verb == HttpMethod.PATCH ? new Call("patchAttributes", first)
        : verb == HttpMethod.DELETE ? new Call("deleteById", first) : null;
  }

  /** The User methods on POST (common/models/user.js remoting). */
  static String userMethod(String lower) {
    return switch (lower) {
      case "login" -> "login";
      case "logout" -> "logout";
      case "change-password" -> "changePassword";
      case "reset" -> "resetPassword";
      case "reset-password" -> "setPassword";
      default -> null;
    };
  }

  private Call relation(ModelDefinition model, HttpMethod verb, boolean get, List<String> r) {
    RelationDefinition relation = null;
    for (RelationDefinition candidate : relations.relations(model).values()) {
      if (candidate.name().equalsIgnoreCase(r.get(1))) {
        relation = candidate;
      }
    }
    if (relation == null) {
      return null;
    }
    String id = r.get(0);
    List<String> tail = r.subList(2, r.size());
    String verbName = null;
    if (tail.isEmpty()) {
      boolean many = relation.multiple();
      verbName = get ? "get" : verb == HttpMethod.POST ? "create"
          : verb == HttpMethod.PUT && !many ? "update"
          : verb == HttpMethod.DELETE ? (many ? "delete" : "destroy") : null;
    } else if (tail.size() == 1 && get && tail.get(0).equalsIgnoreCase("count")) {
      verbName = "count";
    } else if (tail.size() == 1) {
      verbName = get ? "findById" : verb == HttpMethod.PUT ? "updateById"
          : verb == HttpMethod.DELETE ? "destroyById" : null;
    } else if (tail.size() == 2 && tail.get(0).equalsIgnoreCase("rel") && relation.kind() == Kind.HAS_MANY_THROUGH) {
      verbName = verb == HttpMethod.PUT ? "link" : verb == HttpMethod.DELETE ? "unlink"
          : verb == HttpMethod.HEAD ? "exists" : null;
    }
    return verbName == null ? null : new Call("__" + verbName + "__" + relation.name(), id);
  }

  private static Call call(String method) {
    return new Call(method, null);
  }
}
