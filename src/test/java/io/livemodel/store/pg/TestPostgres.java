package io.livemodel.store.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server tests run against, chosen once per JVM: {@code PG_URL} if set, else
 * {@code postgresql://postgres@127.0.0.1:5432/test} if it accepts a connection, else an embedded
 * PostgreSQL (io.zonky.test) started for the JVM. Never skips: if none works, tests fail.
 */
public final class TestPostgres {

  public static final String LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/test";
  private static String url;
  private static EmbeddedPostgres embedded;

  private TestPostgres() {
  }

  public static synchronized String url() {
    if (url == null) {
      url = chooseUrl();
    }
    return url;
  }

  private static String chooseUrl() {
    String env = System.getenv("PG_URL");
    if (env != null && !env.isBlank()) {
      return env;
    }
    if (accepts(LOCAL_URL)) {
      return LOCAL_URL;
    }
    try {
      embedded = EmbeddedPostgres.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
      return "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres";
    } catch (IOException e) {
      throw new UncheckedIOException("no PostgreSQL: PG_URL unset, " + LOCAL_URL + " unreachable, embedded failed", e);
    }
  }

  private static boolean accepts(String candidate) {
    PgConnectOptions options = PgConnectOptions.fromUri(candidate);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(options.getHost(), options.getPort()), 1000);
    } catch (IOException e) {
      return false;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(options).using(vertx).build();
      pool.query("SELECT 1").execute().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      pool.close();
      return true;
    } catch (Exception e) {
      return false;
    } finally {
      vertx.close();
    }
  }

  /** A new schema name, unique to the caller. */
  public static String freshSchema() {
    return "lm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** A pool for direct SQL (setup, inspection, killing connections), with no statement timeout. */
  public static Pool adminPool(Vertx vertx) {
    return PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url())).using(vertx).build();
  }

  /** Drops a test schema and everything in it. */
  public static void dropSchema(Vertx vertx, String schema) {
    Pool pool = adminPool(vertx);
    try {
      pool.query("DROP SCHEMA IF EXISTS " + PgSchema.quote(schema) + " CASCADE").execute().await();
    } finally {
      pool.close().await();
    }
  }
}
