package io.livemodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/run}'s garbage-collector choice ({@code LIVEMODEL_GC_OPTS}): the script runs for real
 * with {@code java} and {@code mvn} on its PATH replaced by stubs that print their arguments, and the
 * default flags are given to the real JVM, which must accept them and pick the Serial collector.
 */
@DisplayName("scripts/run: the Serial collector by default, LIVEMODEL_GC_OPTS replaces it")
class RunScriptTest {

  @TempDir
  Path bin;

  @Test
  @DisplayName("default -XX:+UseSerialGC -Xmn24m; LIVEMODEL_GC_OPTS=-XX:+UseG1GC instead; empty: no collector flag")
  void collectorFlags() throws Exception {
    stub("java", "echo \"java $*\"");
    stub("mvn", "true");
    assertThat(run(Map.of())).contains(" -XX:+UseSerialGC -Xmn24m ").contains("-jar target/livemodel.jar");
    assertThat(run(Map.of("LIVEMODEL_GC_OPTS", "-XX:+UseG1GC"))).contains(" -XX:+UseG1GC ")
        .doesNotContain("Serial").doesNotContain("-Xmn");
    assertThat(run(Map.of("LIVEMODEL_GC_OPTS", ""))).doesNotContain("Serial").doesNotContain("G1")
        .doesNotContain("-Xmn");
  }

  @Test
  @DisplayName("the real JVM takes the default flags and runs the Serial collector with a 24 MB young generation")
  void jvmTakesDefaults() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmn24m", "-XX:+PrintFlagsFinal", "-version")
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).containsPattern("bool UseSerialGC\\s+= true").containsPattern("NewSize\\s+= 25165824");
  }

  private void stub(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Runs scripts/run with the stubs first on PATH and returns what the java stub printed. */
  private String run(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", "scripts/run")).redirectErrorStream(true);
    builder.environment().remove("LIVEMODEL_GC_OPTS");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    String line = out.lines().filter(l -> l.startsWith("java ")).findFirst().orElse("");
    assertThat(line).as(out).startsWith("java @conf/jvm.options");
    return line + " ";
  }
}
