package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.livemodel.testing.Api;
import io.livemodel.testing.NodePackages;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real client: {@code @vertx/eventbus-bridge-client.js} with {@code sockjs-client} in Node,
 * running {@code src/test/node/bridge-client.js}. Needs {@code node} and {@code npm} on the PATH
 * (the test fails, never skips, without them); installs the locked packages on first run.
 */
@DisplayName("End to end with @vertx/eventbus-bridge-client.js in Node")
class BridgeNodeClientTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.defaults();

  private static final File NODE_DIR = new File("src/test/node");

  @ParameterizedTest(name = "SockJS transport: {0}")
  @ValueSource(strings = {"any", "websocket", "xhr-streaming", "xhr-polling"})
  @DisplayName("the npm client registers on changes.MyModel and receives the change of a REST create")
  void nodeClientReceivesRestChange(String transport) throws Exception {
    installPackages();
    TestServer server = live.server();
    Api api = live.api();
    List<String> command = new ArrayList<>(List.of("node", "bridge-client.js", server.base(), "MyModel"));
    if (!transport.equals("any")) {
      command.add(transport);
    }
    Process node = new ProcessBuilder(command).directory(NODE_DIR).redirectErrorStream(true).start();
    try {
      BlockingQueue<String> lines = readLines(node);
      assertThat(nextEvent(lines)).isEqualTo(new JsonObject().put("event", "registered"));

      JsonObject created = api.post("/api/MyModels", new JsonObject().put("from", "rest")).json();

      JsonObject printed = nextEvent(lines);
      assertThat(printed).isEqualTo(new JsonObject()
          .put("event", "change")
          .put("change", new JsonObject().put("target", created.getValue("id")).put("data", created).put("type", "create"))
          .put("seq", "1"));
      assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).isZero();
    } finally {
      node.destroyForcibly();
    }
  }

  /** Runs {@code npm ci} when the packages are not installed yet. */
  static void installPackages() throws IOException, InterruptedException {
    NodePackages.install();
  }

  private static BlockingQueue<String> readLines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("reader failed: " + e);
      }
    }, "node-client-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** The next JSON line the script printed (skipping anything else, which goes to the failure message). */
  private static JsonObject nextEvent(BlockingQueue<String> lines) throws InterruptedException {
    StringBuilder other = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      if (line.startsWith("{")) {
        return new JsonObject(line);
      }
      other.append(line).append('\n');
    }
    return fail("bridge-client.js printed no event within 20 s; other output:\n" + other);
  }
}
