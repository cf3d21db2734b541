package io.livemodel;

import io.livemodel.config.ConfigLoader;
import io.livemodel.config.ServerConfig;
import io.livemodel.ops.HealthHandler;
import io.livemodel.ops.Logs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar livemodel.jar [--config conf/config.json]}: starts one LiveModel node. */
@Command(name = "livemodel", mixinStandardHelpOptions = true, version = "LiveModel 0.1.0",
    description = "LoopBack 3 PersistedModel REST API and change streams on Vert.x")
public final class Main implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, description = "the config file (default: $LIVEMODEL_CONFIG or conf/config.json)")
  Path configFile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    Path file = configFile != null ? configFile
        : Path.of(System.getenv().getOrDefault("LIVEMODEL_CONFIG", "conf/config.json"));
    ServerConfig config;
    try {
      config = ConfigLoader.load(file, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("livemodel: invalid configuration: " + e.getMessage());
      return 2;
    }
    Logs.configure(config.ops());
    LiveModelServer server;
    try {
      server = LiveModelServer.launch(config).await();
    } catch (IllegalArgumentException e) {
      System.err.println("livemodel: invalid configuration: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("livemodel: failed to start: " + e.getMessage());
      return 1;
    }
    Vertx vertx = server.vertx();
    System.out.println("LiveModel listening on http://" + config.host() + ":" + server.port() + config.restApiRoot()
        + " (models: " + String.join(", ", server.models().all().stream().map(m -> m.plural()).toList())
        + "; store: " + describe(config) + cluster(server)
        + "; transport: " + server.transport()
        + (config.stream().tcpNoDelay() ? "" : "; change streams: Nagle's algorithm, stream.tcpNoDelay false") + ")");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().eventually(vertx::close).await();
      } catch (Exception ignored) {
        // shutting down anyway
      }
    }, "livemodel-shutdown"));
    return keepRunning();
  }

  private static Integer keepRunning() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String cluster(LiveModelServer server) {
    if (server.clusterManager() == null) {
      return "";
    }
    JsonObject health = new HealthHandler(server.clusterManager(), null).health();
    return "; cluster node " + health.getString("nodeId") + ", " + health.getJsonArray("members").size() + " member(s)";
  }

  private static String describe(ServerConfig config) {
    if (config.store().type().equals("postgres")) {
      return "postgres " + config.store().postgresUrl().replaceAll("//([^:@/]+):[^@/]*@", "//$1:***@");
    }
    return config.store().dataDir() == null ? "memory (no journal)" : "memory, journal in " + config.store().dataDir();
  }
}
