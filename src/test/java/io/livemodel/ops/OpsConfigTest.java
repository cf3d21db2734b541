package io.livemodel.ops;

import io.livemodel.config.OpsConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The metrics and logging settings")
class OpsConfigTest {

  @Test
  @DisplayName("conf/config.json ships the defaults: metrics on the HTTP port without a token, text logs, no access log")
  void shippedDefaults() {
    assertThat(ConfigLoader.load(Path.of("conf/config.json"), Map.of()).ops()).isEqualTo(OpsConfig.defaults());
  }

  @Test
  @DisplayName("environment variables override the file")
  void environment() {
    JsonObject file = new JsonObject().put("metrics", new JsonObject().put("port", 9100).put("token", "file"))
        .put("logging", new JsonObject().put("format", "text"));
    OpsConfig config = OpsConfig.read(file, Map.of("LIVEMODEL_METRICS_PORT", "9200", "LIVEMODEL_METRICS_TOKEN", "env",
        "LIVEMODEL_LOG_FORMAT", "json", "LIVEMODEL_ACCESS_LOG", "true", "LIVEMODEL_METRICS", "false"), "config.json");
    assertThat(config).isEqualTo(new OpsConfig(false, 9200, "127.0.0.1", "env", "json", true));
  }

  @Test
  @DisplayName("bad values stop start-up with a message naming the setting")
  void invalid() {
    assertThatThrownBy(() -> OpsConfig.read(new JsonObject(), Map.of("LIVEMODEL_LOG_FORMAT", "xml"), "c.json"))
        .hasMessageContaining("logging.format (or LIVEMODEL_LOG_FORMAT) must be text or json");
    assertThatThrownBy(() -> OpsConfig.read(new JsonObject(), Map.of("LIVEMODEL_METRICS", "yes"), "c.json"))
        .hasMessageContaining("LIVEMODEL_METRICS must be true or false");
    assertThatThrownBy(() -> OpsConfig.read(new JsonObject().put("metrics", new JsonObject().put("port", 70000)),
        Map.of(), "c.json")).hasMessageContaining("c.json: metrics.port");
  }
}
