package io.livemodel.lb3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownDifferencesTest {

  @TempDir
  Path dir;

  private KnownDifferences list(String text) throws Exception {
    Path file = dir.resolve("known-differences.txt");
    Files.writeString(file, text);
    return KnownDifferences.read(file);
  }

  @Test
  @DisplayName("a list naming exactly the differing steps passes; comments and blank lines are ignored")
  void exactListPasses() throws Exception {
    KnownDifferences known = list("# CORS\n\nstep b | CORS\nstep | with a bar | no auth (#12)\n");
    assertThat(known.reasons()).containsOnlyKeys("step b", "step | with a bar");
    assertThat(known.check(List.of("step a", "step b", "step | with a bar"),
        Map.of("step b", List.of("x"), "step | with a bar", List.of("y")))).isEmpty();
  }

  @Test
  @DisplayName("a differing step that is not listed is reported as a regression with its diff")
  void regressionFails() throws Exception {
    List<String> problems = list("step b | CORS\n").check(List.of("step a", "step b"),
        Map.of("step a", List.of("status: expected 200, got 500"), "step b", List.of("x")));
    assertThat(problems).singleElement().asString()
        .startsWith("REGRESSION: step \"step a\"").contains("status: expected 200, got 500");
  }

  @Test
  @DisplayName("a listed step that matches now must be deleted: the message quotes the line")
  void fixedStepMustBeDeleted() throws Exception {
    List<String> problems = list("step b | CORS\n").check(List.of("step a", "step b"), Map.of());
    assertThat(problems).singleElement().asString().contains("matches LoopBack now: delete its line")
        .endsWith("step b | CORS");
  }

  @Test
  @DisplayName("a listed name that the scenario lacks, and a list longer than the scenario, are reported")
  void unknownNamesAndOversizedListsFail() throws Exception {
    List<String> problems = list("gone | old\nstep a | x\n").check(List.of("step a"), Map.of("step a", List.of()));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("lists 2 steps, the scenario has only 1");
    assertThat(problems.get(1)).contains("does not have").endsWith("gone");
  }

  @Test
  @DisplayName("a line without a reason, or a step listed twice, is refused with its line number")
  void malformedLinesAreRefused() {
    assertThatThrownBy(() -> list("step a\n")).hasMessageContaining(":1: expected \"step name | reason\"");
    assertThatThrownBy(() -> list("a | x\na | y\n")).hasMessageContaining(":2: step listed twice: a");
  }

  @Test
  @DisplayName("without Node the differential test fails with a message saying what to install")
  void missingNodeIsExplained() {
    assertThatThrownBy(() -> ScenarioRunner.requireNode("/nonexistent/node"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("needs Node.js 18+ as `/nonexistent/node`").hasMessageContaining(".ci/run installs it");
  }
}
