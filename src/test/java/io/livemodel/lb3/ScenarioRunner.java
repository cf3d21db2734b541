package io.livemodel.lb3;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/lb3/scenarios.js compare} (Node, standard library only) against a base URL
 * and reads its per-step verdicts ({@code --json}). The Node process never outlives a call: it is
 * killed, with any children, when it runs too long or the call fails.
 */
final class ScenarioRunner {

  static final Path SCRIPT = Path.of("src/test/lb3/scenarios.js");
  /** The Node executable: {@code -Dlb3.node=/path/to/node}, else {@code node} from the PATH. */
  static final String NODE = System.getProperty("lb3.node", "node");
  private static final long TIMEOUT_SECONDS = 180;

  /** One scenario step's verdict: does LiveModel's answer match the recording (overrides applied)? */
  record Verdict(String name, boolean match, List<String> diff) {
  }

  /** The verdicts of every step in scenario order, and file-level problems (e.g. a re-record is due). */
  record Result(List<Verdict> steps, List<String> problems, String output) {
  }

  private ScenarioRunner() {
  }

  /** Fails with a message saying what to install when {@code node} cannot be run. */
  static void requireNode(String node) {
    String hint = "the LoopBack differential test needs Node.js 18+ as `" + node + "` (on the PATH, or -Dlb3.node=...;"
        + " .ci/run installs it; Debian: apt-get install nodejs)";
    try {
      Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(hint + "; `node --version` failed: " + version);
      }
      int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
      if (major < 18) {
        throw new AssertionError(hint + "; found " + version);
      }
    } catch (IOException | NumberFormatException e) {
      throw new AssertionError(hint + " (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Runs the app's scenarios against {@code baseUrl} and compares with its recording.
   *
   * @param workDir where the verdict file and the comparator's output go (kept for CI logs)
   */
  static Result compare(Path appDir, String baseUrl, Path workDir) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path json = workDir.resolve("verdicts.json");
    Path output = workDir.resolve("compare.txt");
    Files.deleteIfExists(json);
    List<String> command = List.of(NODE, SCRIPT.toString(), "compare",
        appDir.resolve("recorded.json").toString(), baseUrl, appDir.resolve("scenarios.json").toString(),
        "--json=" + json);
    Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("scenarios.js did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n"
            + Files.readString(output));
      }
      String text = Files.readString(output);
      // 0: every step matches, 1: some differ; anything else is a broken run (usage, unreachable server).
      if (node.exitValue() > 1 || !Files.exists(json)) {
        throw new AssertionError("scenarios.js failed (exit " + node.exitValue() + "): " + String.join(" ", command)
            + "\n" + text);
      }
      return parse(new JsonObject(Files.readString(json)), text);
    } finally {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly();
    }
  }

  private static Result parse(JsonObject verdicts, String output) {
    List<Verdict> steps = new ArrayList<>();
    for (Object o : verdicts.getJsonArray("steps")) {
      JsonObject step = (JsonObject) o;
      List<String> diff = new ArrayList<>();
      step.getJsonArray("diff", new JsonArray()).forEach(line -> diff.add(String.valueOf(line)));
      steps.add(new Verdict(step.getString("name"), step.getBoolean("match"), diff));
    }
    List<String> problems = new ArrayList<>();
    verdicts.getJsonArray("problems", new JsonArray()).forEach(p -> problems.add(String.valueOf(p)));
    return new Result(steps, problems, output);
  }
}
