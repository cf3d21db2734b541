package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PeerComparison: same-run ratios of LiveModel over a peer, from the files of scripts/bench --peer")
class PeerComparisonTest {

  @TempDir
  Path dir;

  /** The parts of a stream result the comparison reads. */
  private static JsonObject result(double cpu, double p50, double p99, double post99, double rate, long lost) {
    return new JsonObject().put("mode", "stream").put("achievedRate", rate).put("lost", lost)
        .put("expectedDeliveries", 1000L).put("deliveries", 1000L - lost)
        .put("deliveryMs", new JsonObject().put("p50", p50).put("p99", p99))
        .put("postMs", new JsonObject().put("p99", post99))
        .put("serverAndClientsCpuMicrosPerDelivery", cpu + 10)
        .put("server", new JsonObject().put("readable", true).put("cpuMicrosPerDelivery", cpu)
            .put("rssPerSubscriberKB", 8.0));
  }

  private void write(String name, JsonObject result) throws IOException {
    Files.writeString(dir.resolve(name), "{\"earlier\":1}\n" + result.encode() + "\n");
  }

  @Test
  @DisplayName("each run's figures side by side with LiveModel/peer ratios, and their median over the runs")
  void ratiosAndMedian() throws IOException {
    write("ours-1.json", result(10, 5, 300, 250, 99.8, 0));
    write("peer-1.json", result(5, 2, 50, 20, 100, 0));
    write("ours-2.json", result(12, 6, 600, 500, 97, 10));
    write("peer-2.json", result(6, 3, 60, 25, 100, 0));
    write("ours-3.json", result(9, 4, 100, 20, 100, 2));
    write("peer-3.json", result(6, 2, 80, 40, 100, 1));

    JsonObject comparison = PeerComparison.compare(dir, 3, "nchan", "N=1000 R=100");

    assertThat(comparison.getJsonArray("runs")).hasSize(3);
    JsonObject first = comparison.getJsonArray("runs").getJsonObject(0);
    assertThat(first.getJsonObject("ours").getDouble("achievedRate")).isEqualTo(99.8);
    JsonObject cpu = first.getJsonObject("ratios").getJsonObject("cpuMicrosPerDelivery");
    assertThat(cpu.getDouble("ours")).isEqualTo(10.0);
    assertThat(cpu.getDouble("peer")).isEqualTo(5.0);
    assertThat(cpu.getDouble("ratio")).isEqualTo(2.0);
    assertThat(first.getJsonObject("ratios").getJsonObject("lossShare").getValue("ratio"))
        .as("no loss on either side: no ratio").isNull();
    JsonObject medians = comparison.getJsonObject("medianRatios");
    assertThat(medians.getDouble("cpuMicrosPerDelivery")).isEqualTo(2.0);
    assertThat(first.getJsonObject("ratios").getJsonObject("serverAndClientsCpuMicrosPerDelivery").getDouble("ratio"))
        .as("(10 + 10) / (5 + 10)").isCloseTo(1.333, within(0.001));
    assertThat(medians.getDouble("serverAndClientsCpuMicrosPerDelivery")).as("median of 20/15, 22/16, 19/16")
        .isCloseTo(1.333, within(0.001));
    assertThat(medians.getDouble("deliveryP99Ms")).as("median of 6, 10, 1.25").isEqualTo(6.0);
    assertThat(medians.getDouble("postP99Ms")).as("median of 12.5, 20, 0.5").isEqualTo(12.5);
    assertThat(medians.getDouble("lossShare")).as("only run 3 defines it").isEqualTo(2.0);
    assertThat(medians.getValue("hogShare")).isNull();
    assertThat(first.containsKey("hog")).isFalse();
    assertThat(first.containsKey("syscallsPerDelivery")).isFalse();
  }

  @Test
  @DisplayName("a ratio is undefined for a missing figure, a peer's zero or a negative figure (RSS shrinking in a tiny run)")
  void undefinedRatios() {
    assertThat(PeerComparison.ratio(3.0, 2.0)).isEqualTo(1.5);
    assertThat(PeerComparison.ratio(0.0, 2.0)).isEqualTo(0.0);
    assertThat(PeerComparison.ratio(null, 2.0)).isNull();
    assertThat(PeerComparison.ratio(3.0, 0.0)).isNull();
    assertThat(PeerComparison.ratio(-220.0, -287.0)).isNull();
    assertThat(PeerComparison.ratio(8.0, -1.0)).isNull();
  }

  @Test
  @DisplayName("under a hog, each server's rate as a share of its unloaded one; strace tables per delivery of the window")
  void hogAndSyscalls() throws IOException {
    write("ours-1.json", result(10, 5, 300, 250, 100, 0)
        .put("window", new JsonObject().put("seconds", 5.0).put("deliveries", 400L)));
    write("peer-1.json", result(5, 2, 50, 20, 100, 0)
        .put("window", new JsonObject().put("seconds", 5.0).put("deliveries", 600L)));
    write("ours-hog-1.json", result(10, 5, 300, 250, 80, 0));
    write("peer-hog-1.json", result(5, 2, 50, 20, 50, 0));
    Files.writeString(dir.resolve("ours-1.strace"), StraceSummaryTest.TABLE);
    Files.writeString(dir.resolve("peer-1.strace"), StraceSummaryTest.TABLE);

    JsonObject comparison = PeerComparison.compare(dir, 2, "nchan", "N=1000 R=100");

    assertThat(comparison.getJsonArray("runs")).as("run 2 has no files").hasSize(1);
    JsonObject run = comparison.getJsonArray("runs").getJsonObject(0);
    JsonObject shares = run.getJsonObject("hog").getJsonObject("rateShares");
    assertThat(shares.getDouble("ours")).isEqualTo(0.8);
    assertThat(shares.getDouble("peer")).isEqualTo(0.5);
    assertThat(shares.getDouble("ratio")).isEqualTo(1.6);
    assertThat(comparison.getJsonObject("medianRatios").getDouble("hogShare")).isEqualTo(1.6);
    JsonObject syscalls = run.getJsonObject("syscallsPerDelivery");
    assertThat(syscalls.getJsonObject("ours").getDouble("write")).isEqualTo(3.0);
    assertThat(syscalls.getJsonObject("peer").getDouble("write")).isEqualTo(2.0);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PeerReport.print(comparison, new PrintStream(printed, true, StandardCharsets.UTF_8));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("LiveModel / nchan, N=1000 R=100: run 1 of 1", "server CPU µs per delivery",
        "under a CPU hog", "80%, 50%, 1.60", "system calls per delivery", "write");
  }
}
