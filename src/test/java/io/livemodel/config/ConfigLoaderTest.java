package io.livemodel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Configuration: conf/config.json with environment overrides, validated at start-up")
class ConfigLoaderTest {

  @TempDir
  Path dir;

  private Path write(String json) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  @DisplayName("the shipped conf/config.json loads: port 3000, /api, memory store with a journal in data/")
  void shippedConfig() {
    ServerConfig config = ConfigLoader.load(Path.of("conf/config.json"), Map.of());
    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.restApiRoot()).isEqualTo("/api");
    assertThat(config.store().type()).isEqualTo("memory");
    assertThat(config.store().dataDir()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
    assertThat(config.modelDirs()).containsExactly(Path.of("conf/models").toAbsolutePath().normalize());
    assertThat(config.cluster().enabled()).isFalse();
    assertThat(config.query()).as("the shipped query section holds the defaults").isEqualTo(QueryConfig.defaults());
  }

  @Test
  @DisplayName("query.maxIncludeDepth, maxIncludedRows and includeInqLimit are read; unset ones keep the defaults (5, 10000, 10000)")
  void includeLimits() throws Exception {
    QueryConfig set = ConfigLoader.load(write("{\"query\":{\"maxIncludeDepth\":2,\"maxIncludedRows\":30,"
        + "\"includeInqLimit\":7}}"), Map.of()).query();
    assertThat(set).isEqualTo(QueryConfig.defaults().withIncludeLimits(2, 30, 7));
    QueryConfig unset = ConfigLoader.load(write("{\"query\":{\"maxPatternLength\":5}}"), Map.of()).query();
    assertThat(unset.maxIncludeDepth()).isEqualTo(5);
    assertThat(unset.maxIncludedRows()).isEqualTo(10_000);
    assertThat(unset.includeInqLimit()).isEqualTo(10_000);
  }

  @Test
  @DisplayName("PORT, HOST, LIVEMODEL_MODELS, LIVEMODEL_STORE, LIVEMODEL_DATA and DATABASE_URL override the file")
  void environmentOverrides() throws Exception {
    Path file = write("{\"port\":3000}");
    Path extra = Files.createDirectories(dir.resolve("extra"));
    ServerConfig config = ConfigLoader.load(file, Map.of("PORT", "4000", "HOST", "127.0.0.1",
        "LIVEMODEL_MODELS", extra.toString(), "LIVEMODEL_STORE", "postgres", "LIVEMODEL_DATA", "none",
        "DATABASE_URL", "postgresql://app:secret@db:5432/app"));
    assertThat(config.port()).isEqualTo(4000);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.modelDirs()).containsExactly(dir.resolve("models").normalize(), extra.toAbsolutePath().normalize());
    assertThat(config.store().type()).isEqualTo("postgres");
    assertThat(config.store().dataDir()).isNull();
    assertThat(config.store().postgresUrl()).isEqualTo("postgresql://app:secret@db:5432/app");
  }

  @Test
  @DisplayName("per-client limits: 64 requests in progress and half the pool by default, as set otherwise, 0 for off")
  void perClientLimits() throws Exception {
    ServerConfig defaults = ConfigLoader.load(write("{\"store\":{\"postgres\":{\"poolSize\":10}}}"), Map.of());
    assertThat(defaults.maxRequestsInFlightPerClient()).isEqualTo(64);
    assertThat(defaults.store().maxConnectionsPerClient()).isEqualTo(5);
    assertThat(ConfigLoader.load(write("{\"store\":{\"postgres\":{\"poolSize\":1}}}"), Map.of())
        .store().maxConnectionsPerClient()).isEqualTo(1);
    ServerConfig set = ConfigLoader.load(write("{\"http\":{\"maxRequestsInFlightPerClient\":0},"
        + "\"store\":{\"postgres\":{\"maxConnectionsPerClient\":3}}}"), Map.of());
    assertThat(set.maxRequestsInFlightPerClient()).isZero();
    assertThat(set.store().maxConnectionsPerClient()).isEqualTo(3);
  }

  @Test
  @DisplayName("stream.tcpNoDelay: true (each change sent at once) unless the file or LIVEMODEL_STREAM_TCP_NODELAY says false")
  void streamTcpNoDelay() throws Exception {
    assertThat(ConfigLoader.load(Path.of("conf/config.json"), Map.of()).stream().tcpNoDelay()).isTrue();
    assertThat(ConfigLoader.load(write("{}"), Map.of()).stream().tcpNoDelay()).isTrue();
    Path nagle = write("{\"stream\":{\"tcpNoDelay\":false}}");
    assertThat(ConfigLoader.load(nagle, Map.of()).stream().tcpNoDelay()).isFalse();
    assertThat(ConfigLoader.load(nagle, Map.of("LIVEMODEL_STREAM_TCP_NODELAY", "true")).stream().tcpNoDelay()).isTrue();
    assertThat(ConfigLoader.load(write("{}"), Map.of("LIVEMODEL_STREAM_TCP_NODELAY", "false")).stream().tcpNoDelay())
        .isFalse();
    assertThatThrownBy(() -> ConfigLoader.load(write("{}"), Map.of("LIVEMODEL_STREAM_TCP_NODELAY", "no")))
        .hasMessageContaining("LIVEMODEL_STREAM_TCP_NODELAY").hasMessageContaining("true or false");
  }

  @Test
  @DisplayName("every on/off switch (LIVEMODEL_CLUSTER, LIVEMODEL_METRICS, cluster.enabled) takes exactly true or false: anything else stops the start instead of reading as off")
  void switchesAreTrueOrFalse() throws Exception {
    assertThat(ConfigLoader.load(write("{}"), Map.of("LIVEMODEL_CLUSTER", "true")).cluster().enabled()).isTrue();
    assertThat(ConfigLoader.load(write("{\"cluster\":{\"enabled\":true}}"), Map.of("LIVEMODEL_CLUSTER", "false"))
        .cluster().enabled()).isFalse();
    assertThatThrownBy(() -> ConfigLoader.load(write("{}"), Map.of("LIVEMODEL_CLUSTER", "yes")))
        .hasMessageContaining("LIVEMODEL_CLUSTER").hasMessageContaining("true or false");
    assertThatThrownBy(() -> ConfigLoader.load(write("{\"cluster\":{\"enabled\":\"on\"}}"), Map.of()))
        .hasMessageContaining("cluster.enabled must be true or false");
    assertThatThrownBy(() -> ConfigLoader.load(write("{}"), Map.of("LIVEMODEL_METRICS", "1")))
        .hasMessageContaining("LIVEMODEL_METRICS").hasMessageContaining("true or false");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{bad                                   | not a JSON object",
      "{\"port\":70000}                        | port must be between 0 and 65535",
      "{\"port\":\"x\"}                        | port must be a whole number",
      "{\"store\":{\"type\":\"mongo\"}}        | store.type (or LIVEMODEL_STORE) must be memory or postgres",
      "{\"restApiRoot\":\"api/\"}              | restApiRoot must look like /api",
      "{\"models\":[\"nowhere\"]}              | does not exist",
      "{\"stream\":{\"retention\":{\"maxChanges\":0}}} | retention.maxChanges must be positive",
      "{\"query\":{\"maxIncludeDepth\":0}}   | query.maxIncludeDepth, maxIncludedRows and includeInqLimit must be positive",
      "{\"query\":{\"maxIncludedRows\":-1}}  | query.maxIncludeDepth, maxIncludedRows and includeInqLimit must be positive",
      "{\"http\":{\"maxRequestsInFlightPerClient\":-1}} | maxRequestsInFlightPerClient must be >= 0",
      "{\"store\":{\"postgres\":{\"maxConnectionsPerClient\":-1}}} | store.postgres.maxConnectionsPerClient must be >= 0",
      "{\"stream\":{\"tcpNoDelay\":\"no\"}}   | stream.tcpNoDelay must be true or false",
  })
  @DisplayName("an invalid setting fails with a message naming the file and the problem")
  void invalid(String json, String problem) throws Exception {
    Path file = write(json);
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(problem);
  }

  @Test
  @DisplayName("a bad environment value names the variable")
  void badEnvironment() throws Exception {
    Path file = write("{}");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("PORT", "eighty")))
        .hasMessageContaining("PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.json"), Map.of()))
        .hasMessageContaining("missing.json").hasMessageContaining("not found");
  }
}
