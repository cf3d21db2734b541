package io.livemodel.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The server-side createChangeStream(options) for embedders")
class ChangeStreamsTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.defaults();

  @Test
  @DisplayName("a ReadStream of change objects, filtered by options like the REST stream, until closed")
  void readStream() throws Exception {
    TestServer server = live.server();
    Api api = live.api();
    var model = server.server.models().byName("MyModel");
    LinkedBlockingQueue<JsonObject> all = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<JsonObject> kept = new LinkedBlockingQueue<>();
    ReadStream<JsonObject> everything = ChangeStreams.createChangeStream(server.vertx, model, null);
    ReadStream<JsonObject> filtered = ChangeStreams.createChangeStream(server.vertx, model,
        new JsonObject().put("where", new JsonObject().put("foo", "keep")));
    everything.handler(all::add);
    filtered.handler(kept::add);
    ChangeStreams.ready(everything).await();
    ChangeStreams.ready(filtered).await();

    api.post("/api/MyModels", new JsonObject().put("foo", "drop"));
    // An embedder's write takes the REST path: same semantics, same change.
    Object saved = server.server.writes().write(new WriteRequest(model, WriteOp.CREATE, null,
        new JsonObject().put("foo", "keep"), null)).await();
    assertThat(saved).isEqualTo(new JsonObject().put("id", 2).put("foo", "keep"));

    assertThat(all.poll(10, TimeUnit.SECONDS)).isEqualTo(new JsonObject("{\"target\":1,\"data\":{\"id\":1,\"foo\":\"drop\"},\"type\":\"create\"}"));
    assertThat(all.poll(10, TimeUnit.SECONDS).getInteger("target")).isEqualTo(2);
    assertThat(kept.poll(10, TimeUnit.SECONDS).getJsonObject("data").getString("foo")).isEqualTo("keep");
    assertThat(kept.poll(300, TimeUnit.MILLISECONDS)).isNull();

    ChangeStreams.close(everything).await();
    api.post("/api/MyModels", new JsonObject().put("foo", "after"));
    assertThat(kept.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(all.poll(300, TimeUnit.MILLISECONDS)).as("closed streams get nothing").isNull();
    ChangeStreams.close(filtered).await();
  }
}
