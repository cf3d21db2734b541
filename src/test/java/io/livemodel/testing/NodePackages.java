package io.livemodel.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The npm packages of src/test/node (the bridge client, sockjs-client, angular), installed on first use. */
public final class NodePackages {

  public static final Path DIR = Path.of("src/test/node");
  public static final Path MODULES = DIR.resolve("node_modules");

  private NodePackages() {
  }

  /** Runs {@code npm ci} in {@link #DIR} when a package of package.json is not installed yet. */
  public static void install() throws IOException, InterruptedException {
    if (Files.isDirectory(MODULES.resolve("@vertx/eventbus-bridge-client.js"))
        && Files.isDirectory(MODULES.resolve("sockjs-client")) && Files.isDirectory(MODULES.resolve("angular"))) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(DIR.toFile()).redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      fail("npm ci failed in " + DIR + ":\n" + output);
    }
  }
}
