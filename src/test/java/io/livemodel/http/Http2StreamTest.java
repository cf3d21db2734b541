package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.SseParser;
import io.livemodel.testing.TestServer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change stream over HTTP/2 (cleartext, prior knowledge): the fast path writes HTTP/1.1 chunks
 * below Vert.x's encoder, so an HTTP/2 stream must take the public-API path and still get every
 * change, framed as SSE, in order.
 */
@DisplayName("Change streams over HTTP/2")
class Http2StreamTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.defaults();

  @Test
  @DisplayName("an h2c client gets the SSE stream: :ok, then each change as event: data with its id")
  void h2c() throws Exception {
    TestServer server = live.server();
    Api api = live.api();
    HttpClient client = server.vertx.createHttpClient(new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
    LinkedBlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    StringBuilder raw = new StringBuilder();
    SseParser parser = new SseParser(events::add);
    HttpClientResponse response = client.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setAbsoluteURI(server.base() + "/api/MyModels/change-stream?_format=event-stream"))
        .compose(request -> request.send().onSuccess(r -> r.handler(chunk -> {
          synchronized (raw) {
            raw.append(chunk.toString());
          }
          parser.feed(chunk.getBytes());
        })))
        .await();
    assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/event-stream");

    for (int i = 1; i <= 3; i++) {
      assertThat(api.post("/api/MyModels", new JsonObject().put("n", i)).status()).isEqualTo(200);
    }
    for (int i = 1; i <= 3; i++) {
      SseEvent event = events.poll(10, TimeUnit.SECONDS);
      assertThat(event).as("event %d", i).isNotNull();
      assertThat(event.event()).isEqualTo("data");
      assertThat(event.id()).isEqualTo(String.valueOf(i));
      assertThat(new JsonObject(event.data()).getJsonObject("data").getInteger("n")).isEqualTo(i);
    }
    synchronized (raw) {
      assertThat(raw.toString()).startsWith(":ok\n\n").doesNotContain("\r\n");
    }
    client.close().await();
  }
}
