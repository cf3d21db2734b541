package io.livemodel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("http.cors: LoopBack's scaffold defaults, an allow-list, LIVEMODEL_CORS_ORIGINS")
class CorsConfigTest {

  @TempDir
  Path dir;

  private ServerConfig load(String json, Map<String, String> env) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return ConfigLoader.load(file, env);
  }

  @Test
  @DisplayName("nothing configured: on, any origin echoed, credentials, max-age 86400 (the shipped config too)")
  void defaults() throws Exception {
    assertThat(load("{}", Map.of()).cors()).isEqualTo(new CorsConfig(true, java.util.List.of(), true, 86400));
    assertThat(ConfigLoader.load(Path.of("conf/config.json"), Map.of()).cors()).isEqualTo(CorsConfig.defaults());
    assertThat(CorsConfig.defaults().allows("http://any.example")).isTrue();
    assertThat(CorsConfig.defaults().allows("")).isFalse();
    assertThat(CorsConfig.defaults().allows(null)).isFalse();
  }

  @Test
  @DisplayName("the file's allow-list, credentials and max-age are read; only listed origins are allowed")
  void fileSettings() throws Exception {
    CorsConfig cors = load("{\"http\":{\"cors\":{\"origins\":[\"https://app.example\",\"http://localhost:8080\"],"
        + "\"credentials\":false,\"maxAgeSeconds\":600}}}", Map.of()).cors();
    assertThat(cors.origins()).containsExactly("https://app.example", "http://localhost:8080");
    assertThat(cors.credentials()).isFalse();
    assertThat(cors.maxAgeSeconds()).isEqualTo(600);
    assertThat(cors.allows("https://app.example")).isTrue();
    assertThat(cors.allows("https://evil.example")).isFalse();
    assertThat(load("{\"http\":{\"cors\":{\"enabled\":false}}}", Map.of()).cors().enabled()).isFalse();
    assertThat(load("{\"http\":{\"cors\":{\"origins\":\"*\"}}}", Map.of()).cors().origins()).isEmpty();
  }

  @Test
  @DisplayName("LIVEMODEL_CORS_ORIGINS overrides the file: a comma-separated list, '*', or 'off'")
  void environment() throws Exception {
    String file = "{\"http\":{\"cors\":{\"origins\":[\"https://app.example\"]}}}";
    assertThat(load(file, Map.of(CorsConfig.ENV, "https://a.example, https://b.example")).cors().origins())
        .containsExactly("https://a.example", "https://b.example");
    assertThat(load(file, Map.of(CorsConfig.ENV, "*")).cors().origins()).isEmpty();
    CorsConfig off = load(file, Map.of(CorsConfig.ENV, "off")).cors();
    assertThat(off.enabled()).isFalse();
  }

  @Test
  @DisplayName("an origin with a path, a non-list, or a negative max-age stops start-up with a message naming the setting")
  void invalid() {
    assertThatThrownBy(() -> load("{\"http\":{\"cors\":{\"origins\":[\"https://app.example/\"]}}}", Map.of()))
        .hasMessageContaining("http.cors.origins").hasMessageContaining("https://app.example/ is not an origin");
    assertThatThrownBy(() -> load("{\"http\":{\"cors\":{\"origins\":true}}}", Map.of()))
        .hasMessageContaining("http.cors.origins must be");
    assertThatThrownBy(() -> load("{\"http\":{\"cors\":{\"maxAgeSeconds\":-1}}}", Map.of()))
        .hasMessageContaining("http.cors.maxAgeSeconds must be >= 0");
    assertThatThrownBy(() -> load("{}", Map.of(CorsConfig.ENV, "app.example")))
        .hasMessageContaining(CorsConfig.ENV).hasMessageContaining("not an origin");
  }
}
