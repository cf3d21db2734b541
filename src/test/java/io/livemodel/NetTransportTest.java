package io.livemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LIVEMODEL_TRANSPORT and the io_uring transport the default picks here: a node on io_uring serves
 * REST and streams (the fast SSE write path included) like one on epoll, which the rest of the suite
 * runs on.
 */
@DisplayName("The Netty transport: auto picks io_uring where the kernel allows it; a node on io_uring serves and streams")
class NetTransportTest {

  @Test
  @DisplayName("auto is io_uring on this machine (else epoll, else nio); a named one that is missing fails the start; a typo is refused")
  void choice() {
    assertThat(Transport.IO_URING.available())
        .as("io_uring on this machine (cause: %s)", Transport.IO_URING.unavailabilityCause()).isTrue();
    assertThat(NetTransport.choose(null)).isSameAs(Transport.IO_URING);
    assertThat(NetTransport.choose(" AUTO ")).isSameAs(Transport.IO_URING);
    assertThat(NetTransport.choose("epoll")).isSameAs(Transport.EPOLL);
    assertThat(NetTransport.choose("nio")).isSameAs(Transport.NIO);
    assertThat(NetTransport.describe(NetTransport.choose("io_uring"))).isEqualTo("io_uring");
    assertThat(NetTransport.describe(Transport.EPOLL)).isEqualTo("epoll");
    assertThatThrownBy(() -> NetTransport.choose("uring")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LIVEMODEL_TRANSPORT must be auto, io_uring, epoll or nio, not uring");
  }

  @Test
  @DisplayName("launch runs a node on the transport auto chooses and says which (the start-up line shows it)")
  void launchNamesItsTransport() {
    LiveModelServer server = LiveModelServer.launch(TestServer.builder().config()).await();
    try {
      assertThat(server.transport()).isEqualTo("io_uring");
      assertThat(server.vertx().isNativeTransportEnabled()).isTrue();
    } finally {
      server.stop().eventually(() -> server.vertx().close()).await();
    }
  }

  @Test
  @DisplayName("a node on io_uring: a create is answered and streamed to a change stream")
  void servesOnIoUring() {
    TestServer server = TestServer.builder().vertx(Vertx.builder().withTransport(Transport.IO_URING).build()).build();
    try (Api api = new Api(server)) {
      assertThat(server.vertx.isNativeTransportEnabled()).isTrue();
      SseClient stream = SseClient.open(server.vertx, server.base() + "/api/MyModels/change-stream?_format=event-stream");
      stream.awaitRaw(":ok");
      Api.Response created = api.post("/api/MyModels", new JsonObject().put("foo", "bar"));
      assertThat(created.status()).isEqualTo(200);
      SseEvent event = stream.next();
      assertThat(event.json()).isEqualTo(new JsonObject().put("target", 1)
          .put("data", new JsonObject().put("foo", "bar").put("id", 1)).put("type", "create"));
      assertThat(api.get("/api/MyModels/1").json()).isEqualTo(new JsonObject().put("foo", "bar").put("id", 1));
      stream.close();
    } finally {
      server.close();
    }
  }
}
