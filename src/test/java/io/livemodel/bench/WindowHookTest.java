package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("WindowHook: an outside command around the measured window")
class WindowHookTest {

  @TempDir
  Path dir;

  /** A hook command that appends its argument to a file. */
  private List<String> recorder(Path log) throws IOException {
    Path script = dir.resolve("hook.sh");
    Files.writeString(script, "#!/bin/sh\necho \"$1\" >> " + log + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return List.of(script.toString());
  }

  @Test
  @DisplayName("start and stop run once each, and the deliveries between them are counted")
  void startStop() throws IOException {
    Path log = dir.resolve("log");
    AtomicLong delivered = new AtomicLong(100);
    WindowHook hook = new WindowHook(recorder(log), 0);

    hook.start(delivered::get);
    delivered.addAndGet(250);
    hook.stop();
    delivered.addAndGet(50);
    hook.stop();

    assertThat(Files.readAllLines(log)).containsExactly("start", "stop");
    JsonObject json = hook.json();
    assertThat(json.getLong("deliveries")).isEqualTo(250);
    assertThat(json.getDouble("seconds")).isNotNegative();
    assertThat(json.getJsonArray("failures")).isEmpty();
  }

  @Test
  @DisplayName("with seconds, stop runs on its own while the window goes on")
  void timed() throws Exception {
    Path log = dir.resolve("log");
    WindowHook hook = new WindowHook(recorder(log), 0.05);

    hook.start(() -> 7);
    long deadline = System.currentTimeMillis() + 30_000;
    while (Files.readAllLines(log).size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    hook.stop();

    assertThat(Files.readAllLines(log)).containsExactly("start", "stop");
  }

  @Test
  @DisplayName("a failing or missing command is recorded, not thrown; without a command nothing runs")
  void failures() {
    WindowHook missing = new WindowHook(List.of(dir.resolve("absent").toString()), 0);
    missing.start(() -> 0);
    missing.stop();
    assertThat(missing.json().getJsonArray("failures")).hasSize(2);
    WindowHook failing = new WindowHook(List.of("false"), 0);
    failing.start(() -> 0);
    failing.stop();
    assertThat(failing.json().getJsonArray("failures").getString(0)).isEqualTo("start: exit status 1");
    assertThat(WindowHook.none().json()).isNull();
  }
}
