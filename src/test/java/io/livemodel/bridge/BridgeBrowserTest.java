package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.Chromium;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's browser snippet in headless Chromium: the same two scripts (sockjs-client 1.6.1,
 * {@code @vertx/eventbus-bridge-client.js} 1.0.0, from the npm packages of src/test/node instead of
 * unpkg, which this machine cannot reach) on a page of another origin, talking to a real server.
 */
@DisplayName("The README's browser bridge snippet receives a change made through REST")
class BridgeBrowserTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.defaults();

  private static final Path MODULES = Path.of("src/test/node/node_modules");

  @Test
  @DisplayName("registerHandler('changes.MyModel') gets exactly the change object of a create")
  void browserSnippet() throws Exception {
    BridgeNodeClientTest.installPackages();
    TestServer server = live.server();
    Api api = live.api();
    try (Chromium chromium = Chromium.launch()) {
      String page = "<!doctype html><html><head>"
          + "<script src=\"/sockjs.min.js\"></script><script src=\"/vertx-eventbus.js\"></script>"
          + "</head><body>bridge</body></html>";
      byte[] sockjs = Files.readAllBytes(MODULES.resolve("sockjs-client/dist/sockjs.min.js"));
      byte[] eventbus = Files.readAllBytes(MODULES.resolve("@vertx/eventbus-bridge-client.js/vertx-eventbus.js"));
      HttpServer pages = server.vertx.createHttpServer().requestHandler(req -> {
        switch (req.path()) {
          case "/sockjs.min.js" -> req.response().putHeader("Content-Type", "application/javascript")
              .end(io.vertx.core.buffer.Buffer.buffer(sockjs));
          case "/vertx-eventbus.js" -> req.response().putHeader("Content-Type", "application/javascript")
              .end(io.vertx.core.buffer.Buffer.buffer(eventbus));
          default -> req.response().putHeader("Content-Type", "text/html").end(page);
        }
      });
      pages.listen(0, "127.0.0.1").await();
      try {
        chromium.navigate("http://127.0.0.1:" + pages.actualPort() + "/");
        // The README snippet, with the received bodies kept for the test instead of logged.
        chromium.evaluate("window.received = []; new Promise(function (resolve) {"
            + "  var eb = new EventBus('http://127.0.0.1:" + server.port() + "/eventbus');"
            + "  eb.onopen = function () {"
            + "    eb.registerHandler('changes.MyModel', function (err, msg) {"
            + "      if (err) { console.error(err); return; }"
            + "      window.received.push(msg.body);"
            + "    });"
            + "    resolve(true);"
            + "  };"
            + "})");
        JsonArray received = new JsonArray();
        for (int i = 0; i < 50 && received.isEmpty(); i++) {
          api.post("/api/MyModels", new JsonObject().put("foo", "bar"));
          Thread.sleep(100);
          received = (JsonArray) chromium.evaluate("window.received");
        }
        assertThat(received).as("changes received in the browser").isNotEmpty();
        JsonObject change = received.getJsonObject(0);
        int id = change.getInteger("target");
        assertThat(change).isEqualTo(new JsonObject()
            .put("target", id).put("data", new JsonObject().put("id", id).put("foo", "bar")).put("type", "create"));
      } finally {
        pages.close().await();
      }
    }
  }
}
