package io.livemodel.lb3;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LiveModel against real LoopBack 3's recorded answers, as a ratchet. For each app folder of
 * {@code src/test/resources/lb-apps} and each store, a real LiveModel serves the folder as it is, the
 * app's {@code server/seed.json} rows are written, and {@code scenarios.js compare} replays the
 * scenario over HTTP. The steps that differ must be exactly those of the app's
 * {@code known-differences.txt}: a step that differs and is not listed is a regression; a listed
 * step that matches must be deleted from the list, so the list only ever shrinks.
 *
 * <p>Each run's verdicts and the comparator's full diff are kept in {@code target/lb3/<app>-<store>/}.
 */
class LoopBackDifferentialTest {

  private static final Path APPS = Path.of("src/test/resources/lb-apps");

  @BeforeAll
  static void nodeIsThere() {
    ScenarioRunner.requireNode(ScenarioRunner.NODE);
  }

  static Stream<Arguments> appsAndStores() {
    return Stream.of("acl-app", "relations-app")
        .flatMap(app -> Stream.of(Arguments.of(app, "memory"), Arguments.of(app, "postgres")));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("appsAndStores")
  @DisplayName("LiveModel answers each LoopBack scenario step as LoopBack 3 did, except the known differences, which only shrink")
  void matchesLoopBackExceptKnownDifferences(String app, String store) throws Exception {
    Path appDir = APPS.resolve(app);
    KnownDifferences known = KnownDifferences.read(appDir.resolve("known-differences.txt"));
    ScenarioRunner.Result result;
    try (TestServer server = serve(appDir, store)) {
      seed(server, appDir.resolve("server/seed.json"));
      result = ScenarioRunner.compare(appDir, server.base(), Path.of("target/lb3", app + "-" + store));
    }
    assertThat(result.problems()).as("the scenario file and the recording disagree (re-record)").isEmpty();

    Map<String, List<String>> differing = new LinkedHashMap<>();
    result.steps().stream().filter(s -> !s.match()).forEach(s -> differing.put(s.name(), s.diff()));
    List<String> names = result.steps().stream().map(ScenarioRunner.Verdict::name).toList();
    writeCurrent(app, store, differing, known);
    System.out.printf("LoopBack differential: %s on %s: %d of %d steps match LoopBack 3 (%d known differences listed)%n",
        app, store, names.size() - differing.size(), names.size(), known.reasons().size());

    List<String> problems = known.check(names, differing);
    assertThat(problems)
        .as("%s on %s: the steps that differ from LoopBack must be exactly those listed (full diff: target/lb3/%s-%s/compare.txt)",
            app, store, app, store)
        .isEmpty();
  }

  private static TestServer serve(Path appDir, String store) {
    TestServer.Builder builder = store.equals("postgres") ? PgServers.builder() : TestServer.builder();
    return builder.models(appDir).build();
  }

  /**
   * Writes the app's seed rows through the server's write path, as LoopBack's serve.js creates them
   * after boot (Role, RoleMapping and ACL have no public routes), in file order per model.
   */
  private static void seed(TestServer server, Path seedFile) throws Exception {
    if (!Files.exists(seedFile)) {
      return;
    }
    JsonObject seed = new JsonObject(Files.readString(seedFile, StandardCharsets.UTF_8));
    for (String modelName : seed.fieldNames()) {
      if (modelName.startsWith("_")) {
        continue;
      }
      ModelDefinition model = server.server.models().byName(modelName);
      assertThat(model).as("seed.json names model %s, which the app does not load", modelName).isNotNull();
      for (Object row : seed.getJsonArray(modelName, new JsonArray())) {
        server.server.writes().write(new WriteRequest(model, WriteOp.CREATE, null, ((JsonObject) row).copy(), null))
            .await();
      }
    }
  }

  /**
   * Keeps today's differences in {@code target/lb3/<app>-<store>/differences.txt} in the ratchet's
   * format (known reasons kept, new ones marked), for updating the list by hand.
   */
  private static void writeCurrent(String app, String store, Map<String, List<String>> differing,
                                   KnownDifferences known) throws Exception {
    StringBuilder out = new StringBuilder();
    differing.forEach((name, diff) -> out.append(name).append(KnownDifferences.SEPARATOR)
        .append(known.reasons().getOrDefault(name, "NEW: " + (diff.isEmpty() ? "?" : diff.get(0)))).append('\n'));
    Files.writeString(Path.of("target/lb3", app + "-" + store, "differences.txt"), out.toString());
  }
}
