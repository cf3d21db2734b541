package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.Chromium;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #2: the browser snippet of the LoopBack docs, run literally in headless Chromium against a
 * real server. Every in-page wait rejects after {@link #PAGE_WAIT_MS}, below the driver's own bound.
 */
@DisplayName("A browser's EventSource on a LiveModel change stream (issue #2)")
class BrowserChangeStreamTest {

  private static final int PAGE_WAIT_MS = 15_000;

  /** The snippet from the LoopBack docs, verbatim; it leaves {@code src} in the enclosing scope. */
  private static final String DOCS_SNIPPET = """
      var urlToChangeStream = '/api/MyModels/change-stream?_format=event-stream';
      var src = new EventSource(urlToChangeStream);
      src.addEventListener('data', function(msg) { var data = JSON.parse(msg.data); console.log(data); });
      """;

  /** Resolves once {@code src} is open; rejects on an error before that, or after the bound. */
  private static final String OPENED = """
      window.opened = new Promise(function(resolve, reject) {
        src.onopen = function() { resolve(src.readyState); };
        src.onerror = function() { reject(new Error('EventSource error, readyState ' + src.readyState)); };
        setTimeout(function() { reject(new Error('EventSource not open, readyState ' + src.readyState)); }, %d);
      });
      """.formatted(PAGE_WAIT_MS);

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("against a real LiveModel server")
  class AgainstServer {

    @RegisterExtension
    final LiveModelExtension live = LiveModelExtension.defaults();

    private Chromium browser;
    private TestServer server;
    private Api api;

    @BeforeAll
    void launch() {
      browser = Chromium.launch();
    }

    @AfterAll
    void quit() {
      if (browser != null) {
        browser.close();
      }
    }

    /** A fresh server per test (ids start at 1), and a page of its origin so EventSource is same-origin. */
    @BeforeEach
    void start() {
      server = live.server();
      api = live.api();
      browser.navigate(server.base() + "/api/MyModels");
    }

    /** Leaves the page before the extension closes the server. */
    @AfterEach
    void leavePage() {
      browser.navigate("about:blank");
    }

    /** Runs the docs' snippet in the page and waits until its EventSource is open. */
    private void openDocsSnippet(String extraListeners) {
      browser.evaluate("(function() {\n" + DOCS_SNIPPET + OPENED + extraListeners + "\nwindow.src = src;\n})()");
      assertThat(browser.evaluate("window.opened")).as("EventSource.OPEN").isEqualTo(1);
    }

    private void postFooBar() {
      Api.Response created = api.post("/api/MyModels", new JsonObject().put("foo", "bar"));
      assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("the docs' snippet receives a POSTed {foo:bar} as the create change, parsed from a 'data' event")
    void docsSnippetReceivesTheCreate() {
      openDocsSnippet("""
          window.firstData = new Promise(function(resolve, reject) {
            src.addEventListener('data', function(msg) { resolve(JSON.parse(msg.data)); });
            setTimeout(function() { reject(new Error('no data event within %d ms')); }, %d);
          });
          """.formatted(PAGE_WAIT_MS, PAGE_WAIT_MS));

      int consoleBefore = browser.console().size();
      postFooBar();

      assertThat(browser.evaluate("window.firstData"))
          .isEqualTo(new JsonObject("{\"target\":1,\"data\":{\"foo\":\"bar\",\"id\":1},\"type\":\"create\"}"));
      List<String> console = browser.console();
      assertThat(console.subList(consoleBefore, console.size())).as("the snippet's console.log(data)")
          .anyMatch(line -> line.startsWith("log:"));
    }

    @Test
    @DisplayName("an onmessage handler never fires, while the 'data' listener does and sees a lastEventId")
    void onlyDataEventsWithIds() {
      openDocsSnippet("""
          window.seen = { message: 0, data: [] };
          src.onmessage = function() { window.seen.message++; };
          src.addEventListener('data', function(msg) {
            window.seen.data.push({ change: JSON.parse(msg.data), lastEventId: msg.lastEventId });
          });
          window.twoData = new Promise(function(resolve, reject) {
            var poll = setInterval(function() {
              if (window.seen.data.length >= 2) { clearInterval(poll); resolve(window.seen); }
            }, 10);
            setTimeout(function() { clearInterval(poll); reject(new Error('saw ' + JSON.stringify(window.seen))); }, %d);
          });
          """.formatted(PAGE_WAIT_MS));

      postFooBar();
      postFooBar();

      JsonObject seen = (JsonObject) browser.evaluate("window.twoData");
      JsonArray data = seen.getJsonArray("data");
      assertThat(seen.getInteger("message")).as("onmessage calls").isZero();
      assertThat(data.getJsonObject(0).getJsonObject("change").getInteger("target")).isEqualTo(1);
      assertThat(data.getJsonObject(1).getJsonObject("change").getInteger("target")).isEqualTo(2);
      String firstId = data.getJsonObject(0).getString("lastEventId");
      String secondId = data.getJsonObject(1).getString("lastEventId");
      assertThat(firstId).as("lastEventId of the first event").matches("\\d+");
      assertThat(secondId).as("lastEventId of the second event").matches("\\d+");
      assertThat(Long.parseLong(secondId)).isGreaterThan(Long.parseLong(firstId));
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("the Chromium test driver")
  class Driver {

    private Chromium browser;

    @BeforeAll
    void launch() {
      browser = Chromium.launch();
    }

    @AfterAll
    void quit() {
      if (browser != null) {
        browser.close();
      }
    }

    @Test
    @DisplayName("evaluates expressions on about:blank and returns JSON values")
    void evaluatesToJsonValues() {
      browser.navigate("about:blank");
      assertThat(browser.evaluate("1+1")).isEqualTo(2);
      assertThat(browser.evaluate("'a' + 'b'")).isEqualTo("ab");
      assertThat(browser.evaluate("({a: [1, true, null]})")).isEqualTo(new JsonObject().put("a", new JsonArray()
          .add(1).add(true).addNull()));
      assertThat(browser.evaluate("undefined")).isNull();
    }

    @Test
    @DisplayName("awaits promises and fails with the text of a thrown or rejected JS error")
    void awaitsPromisesAndReportsErrors() {
      assertThat(browser.evaluate("new Promise(function(r) { setTimeout(function() { r('late'); }, 50); })"))
          .isEqualTo("late");
      assertThatThrownBy(() -> browser.evaluate("(function() { throw new Error('boom'); })()"))
          .isInstanceOf(AssertionError.class).hasMessageContaining("boom");
      assertThatThrownBy(() -> browser.evaluate("Promise.reject(new TypeError('nope'))"))
          .isInstanceOf(AssertionError.class).hasMessageContaining("TypeError: nope");
    }

    @Test
    @DisplayName("navigates to an HTTP page and records its console")
    void navigatesAndRecordsConsole() {
      Vertx vertx = Vertx.vertx();
      try {
        HttpServer http = vertx.createHttpServer()
            .requestHandler(req -> req.response().putHeader("Content-Type", "text/html")
                .end("<title>tiny</title><script>console.log('hello', 42)</script>"))
            .listen(0, "127.0.0.1").await();
        String url = "http://127.0.0.1:" + http.actualPort() + "/page";
        browser.navigate(url);
        assertThat(browser.evaluate("document.title")).isEqualTo("tiny");
        assertThat(browser.evaluate("location.href")).isEqualTo(url);
        assertThat(browser.console()).contains("log: hello 42");
      } finally {
        vertx.close().await();
      }
    }

    @Test
    @DisplayName("close kills every browser process and deletes the profile")
    void closeCleansUp() {
      Chromium browser = Chromium.launch();
      List<ProcessHandle> tree = new ArrayList<>(browser.process().descendants().toList());
      tree.add(browser.process());
      assertThat(tree).hasSizeGreaterThan(1);
      assertThat(browser.profile()).isDirectory();

      browser.close();
      browser.close();

      assertThat(tree).noneMatch(ProcessHandle::isAlive);
      assertThat(Files.exists(browser.profile())).isFalse();
    }
  }
}
