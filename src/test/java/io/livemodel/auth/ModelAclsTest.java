package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ACL entries are read from model files and ACL rows")
class ModelAclsTest {

  @Test
  @DisplayName("a model file's acls, property-level acls and defaultPermission are read, with LoopBack's defaults")
  void readsModelFile() {
    JsonObject file = new JsonObject("""
        {"name": "Note", "properties": {"title": "string",
           "secret": {"type": "string", "acls": [{"principalType": "ROLE", "principalId": "$everyone",
                                                  "permission": "DENY", "accessType": "READ"}]}},
         "acls": [
           {"principalType": "ROLE", "principalId": "$everyone", "permission": "DENY"},
           {"principalType": "ROLE", "principalId": "$authenticated", "permission": "ALLOW",
            "property": ["find", "findById"], "accessType": "READ"},
           {"principalType": "USER", "principalId": 7, "permission": "ALLOW", "property": "create"},
           {"principalType": "ROLE", "principalId": "editor"}],
         "options": {"defaultPermission": "DENY"}}""");
    ModelAcls acls = ModelAcls.fromModelFile("Note", file);
    assertThat(acls.entries()).hasSize(4);
    assertThat(acls.entries().get(0)).isEqualTo(
        AclEntry.of("Note", "*", AccessType.ALL, "ROLE", "$everyone", Permission.DENY));
    assertThat(acls.entries().get(1).properties()).containsExactly("find", "findById");
    assertThat(acls.entries().get(2).principalId()).as("a numeric id compared as String(id)").isEqualTo("7");
    assertThat(acls.entries().get(3).permission()).as("no permission: never decides").isEqualTo(Permission.DEFAULT);
    assertThat(acls.defaultPermission()).isEqualTo(Permission.DENY);
    assertThat(acls.staticFor("secret")).extracting(AclEntry::property).containsExactly("*", "*", "secret");
    assertThat(acls.staticFor("find")).extracting(AclEntry::property).containsExactly("*", "find", "*");
    assertThat(acls.isOpen()).isFalse();
  }

  @Test
  @DisplayName("a model without acls is open; one with only defaultPermission DENY is not")
  void openModels() {
    assertThat(ModelAcls.fromModelFile("Open", new JsonObject("{\"properties\":{}}")).isOpen()).isTrue();
    assertThat(ModelAcls.fromModelFile("Shut", new JsonObject("{\"defaultPermission\":\"DENY\"}")).isOpen()).isFalse();
  }

  @Test
  @DisplayName("invalid entries are refused with a message naming the model, the entry and the field")
  void validation() {
    assertError("{\"acls\": {}}", "model Bad: acls must be an array");
    assertError("{\"acls\": [\"x\"]}", "model Bad: acls[0] is not an object");
    assertError("{\"acls\": [{\"principalId\": \"$everyone\", \"permission\": \"DENY\"}]}",
        "model Bad: acls[0]: principalType is required (ROLE, USER or APP)");
    assertError("{\"acls\": [{\"principalType\": \"ROLE\", \"permission\": \"DENY\"}]}",
        "model Bad: acls[0]: principalId is required");
    assertError("{\"acls\": [{\"principalType\": \"ROLE\", \"principalId\": \"$everyone\", \"permission\": \"MAYBE\"}]}",
        "model Bad: acls[0]: permission must be ALLOW, DENY, ALARM or AUDIT, not MAYBE");
    assertError("{\"acls\": [{\"principalType\": \"ROLE\", \"principalId\": \"$everyone\", \"accessType\": \"DELETE\"}]}",
        "model Bad: acls[0]: accessType must be READ, WRITE, EXECUTE, REPLICATE or *, not DELETE");
    assertError("{\"acls\": [{\"principalType\": \"ROLE\", \"principalId\": \"$everyone\", \"property\": 5}]}",
        "model Bad: acls[0]: property must be a method name or a list of them");
    assertError("{\"properties\": {\"t\": {\"type\": \"string\", \"acls\": [{\"principalType\": \"ROLE\"}]}}}",
        "model Bad.t: acls[0]: principalId is required");
    assertError("{\"defaultPermission\": \"NOPE\"}", "model Bad: defaultPermission must be ALLOW or DENY, not NOPE");
  }

  @Test
  @DisplayName("ACL rows are read with their model, or * when they name none")
  void rows() {
    AclEntry row = AclEntry.fromRow(new JsonObject("""
        {"id": 3, "model": "Note", "property": "find", "accessType": "READ", "permission": "ALLOW",
         "principalType": "ROLE", "principalId": "editor"}"""));
    assertThat(row).isEqualTo(AclEntry.of("Note", "find", AccessType.READ, "ROLE", "editor", Permission.ALLOW));
    assertThat(AclEntry.fromRow(new JsonObject("{\"principalType\":\"USER\",\"principalId\":\"1\"}")).model())
        .isEqualTo("*");
    assertThatThrownBy(() -> AclEntry.fromRow(new JsonObject("{\"id\": 9, \"principalType\": \"USER\"}")))
        .hasMessage("ACL row 9: principalId is required");
  }

  @Test
  @DisplayName("a User-based model gets User's entries ahead of its own")
  void userBased() {
    ModelAcls own = ModelAcls.of("Customer", List.of(
        AclEntry.of("Customer", "find", AccessType.ALL, "ROLE", "$authenticated", Permission.ALLOW)));
    ModelAcls merged = BuiltinAcls.userBased(own);
    assertThat(merged.entries()).hasSize(BuiltinAcls.user("Customer").size() + 1);
    assertThat(merged.entries().get(0).principalId()).isEqualTo("$everyone");
    assertThat(merged.entries().get(merged.entries().size() - 1).property()).isEqualTo("find");
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> ModelAcls.fromModelFile("Bad", new JsonObject(json)))
        .isInstanceOf(AclDefinitionException.class).hasMessage(message);
  }
}
