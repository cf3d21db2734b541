package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.Chromium;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.NodePackages;
import io.livemodel.testing.StaticPages;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13: LoopBack's angular-live-set (the {@code ls.ChangeStream} and {@code ls.LiveSet} modules,
 * with AngularJS 1.4 as LoopBack's example app used it) in headless Chromium, on a page of a tiny
 * static server, against a real LiveModel server: a {@code createChangeStream(new EventSource(url))},
 * a {@code LiveSet} over the rows of a GET, bound with {@code ng-repeat}; creates, updates and removes
 * made through REST must show up in the page's DOM.
 *
 * <p>angular-live-set was only ever published to Bower (it is not in the npm registry): its
 * {@code dist/live-set.js} is vendored, unmodified, under {@code src/test/resources/vendor} ({@link
 * #LIVE_SET}; the system property {@code livemodel.angularLiveSet} names another copy). The test fails,
 * never skips, when the file is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("angular-live-set in headless Chromium on a LiveModel change stream")
class LiveSetBrowserTest {

  /** Where the rows come from and where their changes stream: the one line to change per case. */
  private record Source(String listPath, String streamPath) {
  }

  /** The model's change stream: every Book. */
  private static final Source MODEL_STREAM = new Source("/api/Books", "/api/Books/change-stream?_format=event-stream");
  /** The relation's change stream: author 1's books only. */
  private static final Source RELATION_STREAM = new Source("/api/Authors/1/books",
      "/api/Authors/1/books/change-stream?_format=event-stream");

  private static final Path ANGULAR = NodePackages.MODULES.resolve("angular/angular.js");
  /** angular-live-set 0.1.0 (Bower only), vendored unmodified with its licence: see its README.md there. */
  private static final Path LIVE_SET = Path.of(System.getProperty("livemodel.angularLiveSet",
      "src/test/resources/vendor/angular-live-set/live-set.js"));
  private static final int PAGE_WAIT_MS = 15_000;

  /**
   * The page: an AngularJS app whose controller opens the stream, waits until it is open (so no change
   * falls between the GET and the stream), reads the rows and binds a LiveSet over them.
   */
  private static final String PAGE = """
      <!doctype html><html><head>
      <script src="/angular.js"></script><script src="/live-set.js"></script>
      </head><body>
      <div ng-controller="Books"><ul id="books"><li ng-repeat="b in books" data-id="{{b.id}}">{{b.title}}</li></ul></div>
      <script>
      window.live = { ready: false, errors: [] };
      window.start = function(api, listPath, streamPath) {
        angular.module('app', ['ls.ChangeStream', 'ls.LiveSet'])
          .controller('Books', ['$scope', '$http', 'createChangeStream', 'LiveSet',
            function($scope, $http, createChangeStream, LiveSet) {
              var src = new EventSource(api + streamPath);
              src.onerror = function() { live.errors.push(src.readyState); };
              src.onopen = function() {
                var changes = createChangeStream(src);
                $http.get(api + listPath).then(function(res) {
                  live.set = new LiveSet(res.data, changes);
                  $scope.books = live.set.toLiveArray();
                  live.ready = true;
                });
              };
            }]);
        angular.bootstrap(document.body, ['app']);
      };
      window.waitFor = function(what, test) {
        return new Promise(function(resolve, reject) {
          var poll = setInterval(function() { if (test()) { clearInterval(poll); resolve(true); } }, 20);
          setTimeout(function() { clearInterval(poll);
            reject(new Error('waited in vain for ' + what + '; the page shows ' + JSON.stringify(shown()))); }, %d);
        });
      };
      window.shown = function() {
        return Array.prototype.map.call(document.querySelectorAll('#books li'), function(li) {
          return { id: Number(li.getAttribute('data-id')), title: li.textContent };
        });
      };
      </script></body></html>
      """.formatted(PAGE_WAIT_MS);

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> TestServer.builder().models(RelationFixture.MODELS));

  private Chromium browser;
  private StaticPages pages;
  private Api api;

  @BeforeAll
  void launch() throws Exception {
    NodePackages.install();
    assertThat(LIVE_SET).as("angular-live-set's dist/live-set.js (vendored; or -Dlivemodel.angularLiveSet=PATH)")
        .isRegularFile();
    pages = StaticPages.serve(PAGE, Map.of("/angular.js", Files.readAllBytes(ANGULAR),
        "/live-set.js", Files.readAllBytes(LIVE_SET)));
    browser = Chromium.launch();
  }

  @AfterAll
  void quit() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (pages != null) {
        pages.close();
      }
    }
  }

  /** Ann (1) with A1 and A2, Bob (2) with B1; the page loaded, its app not started yet. */
  @BeforeEach
  void seed() {
    api = live.api();
    post("/api/Authors", new JsonObject().put("name", "Ann"));
    post("/api/Authors", new JsonObject().put("name", "Bob"));
    post("/api/Books", new JsonObject().put("title", "A1").put("authorId", 1));
    post("/api/Books", new JsonObject().put("title", "A2").put("authorId", 1));
    post("/api/Books", new JsonObject().put("title", "B1").put("authorId", 2));
    browser.navigate(pages.origin() + "/");
  }

  /** Leaves the page (closing its EventSource) before the extension closes the server. */
  @AfterEach
  void leavePage() {
    browser.navigate("about:blank");
  }

  private JsonObject post(String path, JsonObject body) {
    Api.Response r = api.post(path, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Starts the page's app on {@code source} and waits until its LiveSet holds the GET's rows. */
  private void start(Source source) {
    browser.evaluate("start('%s', '%s', '%s')".formatted(live.base(), source.listPath(), source.streamPath()));
    browser.evaluate("waitFor('the LiveSet over the initial rows', function() { return live.ready; })");
  }

  /** Waits until the page's list shows exactly {@code titles}, in order, and returns what it shows. */
  private JsonArray awaitShown(String... titles) {
    String expected = new JsonArray(java.util.List.of((Object[]) titles)).encode();
    browser.evaluate("waitFor('the list " + expected.replace("'", "\\'") + "', function() {"
        + " return JSON.stringify(shown().map(function(b) { return b.title; })) === '" + expected + "'; })");
    return (JsonArray) browser.evaluate("shown()");
  }

  private static JsonObject row(int id, String title) {
    return new JsonObject().put("id", id).put("title", title);
  }

  @Test
  @DisplayName("the model's change stream: REST create, PATCH, PUT and DELETE show up in the ng-repeat list in order")
  void modelStream() {
    start(MODEL_STREAM);
    assertThat(awaitShown("A1", "A2", "B1")).containsExactly(row(1, "A1"), row(2, "A2"), row(3, "B1"));

    post("/api/Books", new JsonObject().put("title", "A3").put("authorId", 1));
    assertThat(awaitShown("A1", "A2", "B1", "A3")).contains(row(4, "A3"));

    assertThat(api.patch("/api/Books/2", new JsonObject().put("title", "A2 v2")).status()).isEqualTo(200);
    assertThat(awaitShown("A1", "A2 v2", "B1", "A3")).contains(row(2, "A2 v2"));

    assertThat(api.put("/api/Books/3", new JsonObject().put("title", "B1 v2").put("authorId", 2)).status())
        .isEqualTo(200);
    awaitShown("A1", "A2 v2", "B1 v2", "A3");

    assertThat(api.delete("/api/Books/1").status()).isEqualTo(200);
    assertThat(awaitShown("A2 v2", "B1 v2", "A3"))
        .containsExactly(row(2, "A2 v2"), row(3, "B1 v2"), row(4, "A3"));

    JsonArray set = (JsonArray) browser.evaluate("JSON.parse(angular.toJson(live.set.toArray()))");
    assertThat(set).as("the LiveSet holds the rows as REST has them now (ng-repeat's $$hashKey left out)")
        .isEqualTo(api.get("/api/Books").array());
    assertThat((JsonArray) browser.evaluate("live.errors")).as("EventSource errors").isEmpty();
  }

  @Test
  @DisplayName("the relation's change stream (/api/Authors/1/books): only author 1's books; a book moved to another "
      + "author or deleted disappears, one moved in from another author appears")
  void relationStream() {
    start(RELATION_STREAM);
    assertThat(awaitShown("A1", "A2")).containsExactly(row(1, "A1"), row(2, "A2"));

    post("/api/Books", new JsonObject().put("title", "B2").put("authorId", 2));
    post("/api/Books", new JsonObject().put("title", "A3").put("authorId", 1));
    assertThat(awaitShown("A1", "A2", "A3")).as("Bob's B2 (created first) never shown").contains(row(5, "A3"));

    assertThat(api.patch("/api/Books/2", new JsonObject().put("title", "A2 v2")).status()).isEqualTo(200);
    assertThat(api.patch("/api/Books/3", new JsonObject().put("title", "B1 v2")).status()).isEqualTo(200);
    awaitShown("A1", "A2 v2", "A3");

    assertThat(api.patch("/api/Books/1", new JsonObject().put("authorId", 2)).status()).isEqualTo(200);
    assertThat(awaitShown("A2 v2", "A3")).as("A1 moved to Bob").containsExactly(row(2, "A2 v2"), row(5, "A3"));

    assertThat(api.delete("/api/Books/5").status()).isEqualTo(200);
    assertThat(api.delete("/api/Books/4").status()).isEqualTo(200);
    post("/api/Books", new JsonObject().put("title", "A4").put("authorId", 1));
    assertThat(awaitShown("A2 v2", "A4")).as("A3 deleted; Bob's B2 deleted before A4 was made")
        .containsExactly(row(2, "A2 v2"), row(6, "A4"));

    assertThat(api.patch("/api/Books/3", new JsonObject().put("authorId", 1)).status()).isEqualTo(200);
    assertThat(awaitShown("A2 v2", "A4", "B1 v2")).as("Bob's B1 moved to Ann: it joins the set (a create)")
        .containsExactly(row(2, "A2 v2"), row(6, "A4"), row(3, "B1 v2"));

    JsonArray set = (JsonArray) browser.evaluate("JSON.parse(angular.toJson(live.set.toArray()))");
    assertThat((Iterable<Object>) set).as("the LiveSet holds the relation's rows as REST has them now")
        .containsExactlyInAnyOrderElementsOf(api.get("/api/Authors/1/books").array());
    assertThat((JsonArray) browser.evaluate("live.errors")).as("EventSource errors").isEmpty();
  }
}
