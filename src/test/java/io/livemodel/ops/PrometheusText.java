package io.livemodel.ops;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parses the Prometheus text format with the Prometheus project's own Python parser
 * ({@code prometheus_client.parser}, Debian package {@code python3-prometheus-client}, which
 * {@code .ci/run} installs; Debian's own python3, not a pyenv one). A text it cannot parse fails the test.
 */
final class PrometheusText {

  /** One sample: its name (with {@code _total}, {@code _bucket}, ... suffixes), labels and value. */
  record Sample(String name, Map<String, Object> labels, double value) {
  }

  private static final String SCRIPT = String.join("\n",
      "import sys, json",
      "from prometheus_client.parser import text_string_to_metric_families",
      "out = []",
      "for family in text_string_to_metric_families(sys.stdin.read()):",
      "    for s in family.samples:",
      "        out.append([s.name, s.labels, s.value])",
      "print(json.dumps(out))");

  private PrometheusText() {
  }

  static List<Sample> parse(String text) {
    try {
      Process python = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT).start();
      try (OutputStream in = python.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/rejected-metrics.txt"), text);
        fail("the Prometheus parser rejected /metrics (target/rejected-metrics.txt), or python3-prometheus-client "
            + "is missing:\n" + err + out);
      }
      List<Sample> samples = new ArrayList<>();
      for (Object row : new JsonArray(out)) {
        JsonArray r = (JsonArray) row;
        samples.add(new Sample(r.getString(0), ((JsonObject) r.getValue(1)).getMap(), r.getDouble(2)));
      }
      return samples;
    } catch (IOException e) {
      throw new AssertionError("cannot run python3 for the Prometheus parser", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The value of the sample named {@code name} whose labels include {@code labels}; null if none. */
  static Double value(List<Sample> samples, String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .map(Sample::value)
        .findFirst().orElse(null);
  }
}
