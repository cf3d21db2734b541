package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bridge offers addresses only for public models of a LoopBack app")
class BridgePolicyPublicTest {

  @Test
  @DisplayName("changes.X and crud.X exist for public models with a data source only; others are refused like unknown ones")
  void publicOnly() {
    ModelRegistry models = ModelLoader.loadAll(List.of(Path.of("src/test/resources/lb-app")));
    BridgePolicy policy = new BridgePolicy(models, new BridgeConfig("/eventbus", 0, "127.0.0.1", true, 10, 30, 200));
    assertThat(policy.mayRegister("changes.Customer")).isTrue();
    assertThat(policy.maySend("crud.Customer")).isTrue();
    for (String hidden : new String[] {"Secret", "User", "AccessToken", "Local", "Scratch"}) {
      assertThat(policy.mayRegister("changes." + hidden)).as(hidden).isFalse();
      assertThat(policy.maySend("crud." + hidden)).as(hidden).isFalse();
    }
    assertThat(policy.registerDenied("changes.Secret").message()).contains("there is no model Secret")
        .doesNotContain("Secret,");
  }
}
