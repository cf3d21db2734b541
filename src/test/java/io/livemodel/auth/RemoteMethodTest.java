package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RemoteMethod gives each method LoopBack's accessType and aliases")
class RemoteMethodTest {

  @Test
  @DisplayName("every remote method LoopBack 3.28 registers (recorded) has its accessType and aliases")
  void recordedMethods() throws IOException {
    JsonObject recorded;
    try (InputStream in = getClass().getResourceAsStream("loopback-remote-methods.json")) {
      recorded = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("methods");
    }
    assertThat(recorded.size()).isGreaterThan(40);
    SoftAssertions soft = new SoftAssertions();
    for (String key : recorded.fieldNames()) {
      JsonObject expected = recorded.getJsonObject(key);
      String name = key.substring(key.indexOf('.') + 1);
      RemoteMethod method = RemoteMethod.named(expected.getBoolean("isStatic") ? name : "prototype." + name);
      soft.assertThat(method.name()).as(key).isEqualTo(name);
      soft.assertThat(method.accessType().wire()).as(key).isEqualTo(expected.getString("accessType"));
      soft.assertThat(method.aliases()).as(key).isEqualTo(expected.getJsonArray("aliases").getList());
    }
    soft.assertAll();
  }

  @Test
  @DisplayName("an ACL property is compared with the aliases and the name, in LoopBack's order")
  void names() {
    assertThat(RemoteMethod.named("prototype.patchAttributes").names())
        .containsExactly("updateAttributes", "patchAttributes");
    assertThat(RemoteMethod.named("find").names()).containsExactly("find");
  }

  @Test
  @DisplayName("a custom method: explicit accessType first, then GET/HEAD is READ, then the name rules, else EXECUTE")
  void customMethods() {
    assertThat(RemoteMethod.custom("greet", AccessType.WRITE, "get").accessType()).isEqualTo(AccessType.WRITE);
    assertThat(RemoteMethod.custom("greet", null, "get").accessType()).isEqualTo(AccessType.READ);
    assertThat(RemoteMethod.custom("greet", null, "HEAD").accessType()).isEqualTo(AccessType.READ);
    assertThat(RemoteMethod.custom("greet", null, "post").accessType()).isEqualTo(AccessType.EXECUTE);
    assertThat(RemoteMethod.custom("upsert", null, "post").accessType()).isEqualTo(AccessType.WRITE);
    assertThat(RemoteMethod.custom("prototype.count", null, null))
        .isEqualTo(new RemoteMethod("count", List.of(), AccessType.READ));
    assertThat(RemoteMethod.named("greet").accessType()).isEqualTo(AccessType.EXECUTE);
    assertThat(RemoteMethod.named("__weird").accessType()).isEqualTo(AccessType.EXECUTE);
  }
}
