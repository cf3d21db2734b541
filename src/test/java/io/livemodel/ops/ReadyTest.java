package io.livemodel.ops;

import io.livemodel.config.OpsConfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.store.pg.TestPostgres;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/ready, the readiness probe")
class ReadyTest {

  private TestServer server;
  private Api api;
  private TcpProxy proxy;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      server.close(); // drops the test schema through a connection of its own
    }
  }

  @Test
  @DisplayName("the memory store: 200 READY with the number of models")
  void memoryReady() {
    server = TestServer.start();
    api = new Api(server);
    Api.Response response = api.get("/ready");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("status", "READY").put("models", 2));
  }

  @Test
  @DisplayName("PostgreSQL behind a proxy: 503 with the reason while it is unreachable, 200 again once it is back; /health stays 200")
  void postgresOutage() {
    Vertx vertx = Metrics.vertx(new VertxOptions(), OpsConfig.defaults());
    URI real = URI.create(TestPostgres.url());
    proxy = new TcpProxy(real.getHost(), real.getPort());
    int port = proxy.restore();
    String viaProxy = TestPostgres.url().replace(real.getHost() + ":" + real.getPort(), "127.0.0.1:" + port);
    String schema = TestPostgres.freshSchema();
    server = TestServer.builder().vertx(vertx)
        .store(retention -> new PgStore(new PgStoreOptions(viaProxy, 2, Duration.ofSeconds(5), schema), retention))
        .onClose(() -> {
          Vertx admin = Vertx.vertx();
          try {
            TestPostgres.dropSchema(admin, schema);
          } finally {
            admin.close().await();
          }
        })
        .build();
    api = new Api(server);
    assertThat(api.get("/ready").status()).isEqualTo(200);
    String metrics = api.get("/metrics").body();
    assertThat(metrics).contains("livemodel_store_operation_seconds_count{operation=\"latestSeq\",outcome=\"success\",store=\"postgres\"}");
    assertThat(metrics).contains("vertx_pool_in_use{pool_name=\"__vertx.DEFAULT\",pool_type=\"sql\"}");

    proxy.cut();
    Api.Response down = waitFor(r -> r.status() != 200);
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.json().getString("status")).isEqualTo("NOT_READY");
    assertThat(down.json().getString("reason")).startsWith("the store does not answer");
    assertThat(api.get("/health").status()).isEqualTo(200);

    proxy.restore();
    Api.Response up = waitFor(r -> r.status() == 200);
    assertThat(up.json().getString("status")).isEqualTo("READY");
  }

  /** Polls /ready until {@code done} (bounded: the pool notices a cut or a return within seconds). */
  private Api.Response waitFor(Predicate<Api.Response> done) {
    long deadline = System.currentTimeMillis() + 30_000;
    Api.Response response = api.get("/ready");
    while (!done.test(response) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      response = api.get("/ready");
    }
    return response;
  }
}
