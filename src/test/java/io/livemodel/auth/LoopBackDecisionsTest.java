package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Replays decisions recorded from a real LoopBack 3.28 app (src/test/node/auth/decisions.js): a
 * User-based model, $owner through belongsTo and through userId, a custom role, ACL rows (one for
 * every model, one on a method alias), property lists, defaultPermission DENY and an open model,
 * each method called by an anonymous caller and three users.
 */
@DisplayName("Authorizer decides every recorded call as LoopBack 3.28 did")
class LoopBackDecisionsTest {

  private static final Set<String> USER_MODELS = Set.of("User", "Customer");

  @Test
  @DisplayName("each (caller, model, method, instance) gets LoopBack's allow or deny")
  void replay() throws IOException {
    JsonObject recorded;
    try (InputStream in = getClass().getResourceAsStream("loopback-decisions.json")) {
      recorded = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    JsonObject models = recorded.getJsonObject("models");
    Map<String, ModelAcls> acls = new HashMap<>();
    Map<String, OwnerRule> owners = new HashMap<>();
    for (String name : models.fieldNames()) {
      JsonObject file = models.getJsonObject(name);
      boolean userBased = USER_MODELS.contains(file.getString("base"));
      ModelAcls own = ModelAcls.fromModelFile(name, file);
      acls.put(name, userBased ? BuiltinAcls.userBased(own) : own);
      owners.put(name, OwnerRule.forModel(file, userBased, USER_MODELS::contains));
    }
    List<AclEntry> rows = new ArrayList<>();
    recorded.getJsonArray("rows").forEach(r -> rows.add(AclEntry.fromRow((JsonObject) r)));
    AclRows aclRows = AclRows.of(rows);
    JsonArray editor = recorded.getJsonObject("roles").getJsonArray("editor");
    RoleMappings roles = new InMemoryRoleMappings().role("r1", "editor")
        .map("r1", editor.getString(0), editor.getString(1));
    Authorizer authorizer = new Authorizer(roles, aclRows);

    JsonArray results = recorded.getJsonArray("results");
    assertThat(results).hasSizeGreaterThan(100);
    SoftAssertions soft = new SoftAssertions();
    for (Object o : results) {
      JsonObject call = (JsonObject) o;
      String model = call.getString("model");
      Principal principal = principal(call.getString("caller"));
      Decision decision = authorizer.decide(principal, acls.get(model), call.getString("method")).await();
      Integer id = call.getInteger("id");
      boolean owner = id != null && owners.get(model).isOwner(instance(recorded, model, id), principal);
      soft.assertThat(decision.allows(owner)).as(call.encode()).isEqualTo(call.getBoolean("allowed"));
    }
    soft.assertAll();
  }

  private static Principal principal(String caller) {
    if (caller.equals("anonymous")) {
      return Principal.ANONYMOUS;
    }
    int userId = Integer.parseInt(caller.substring("user".length()));
    return Principal.of(new AccessToken(TokenIds.generate(), 3600, Instant.now(), userId, null, null));
  }

  // The memory connector numbered each model's instances 1, 2, ... in the recorded order.
  private static JsonObject instance(JsonObject recorded, String model, int id) {
    JsonObject data = recorded.getJsonObject("instances").getJsonArray(model).getJsonObject(id - 1).copy();
    return data.put("id", id);
  }
}
