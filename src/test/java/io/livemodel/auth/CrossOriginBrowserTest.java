package io.livemodel.auth;

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
 * Issue #12, "Browsers": headless Chromium on a page of another origin (a second HTTP server on
 * another port) against the acl-app, whose {@code Message} model needs {@code $authenticated} for
 * every access and hides {@code secret}. The page logs in with fetch (a CORS preflight, with
 * credentials), then opens change streams and bridge registrations with and without the token.
 * Every in-page wait rejects after {@link #PAGE_WAIT_MS}, below the driver's own bound; "no data"
 * is asserted after a later change reached an authorised subscriber on the same page (a sentinel).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A page of another origin, in headless Chromium, with and without an access token")
class CrossOriginBrowserTest {

  private static final Path ACL_APP = Path.of("src/test/resources/lb-apps/acl-app");
  private static final Path MODULES = NodePackages.MODULES;
  private static final int PAGE_WAIT_MS = 15_000;
  private static final String EMAIL = "ann@example.com";
  private static final String PASSWORD = "s3cret-pass";

  /** In-page helpers: login, an EventSource that records into window state, and a poll-until. */
  private static final String HELPERS = """
      window.waitFor = function(what, test) {
        return new Promise(function(resolve, reject) {
          var poll = setInterval(function() {
            if (test()) { clearInterval(poll); resolve(true); }
          }, 20);
          setTimeout(function() { clearInterval(poll); reject(new Error('waited in vain for ' + what)); }, %d);
        });
      };
      window.login = async function(email, password) {
        var r = await fetch(API + '/api/Customers/login', { method: 'POST', credentials: 'include',
            headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: email, password: password }) });
        if (r.status !== 200) { throw new Error('login answered ' + r.status + ' ' + await r.text()); }
        return (await r.json()).id;
      };
      window.streams = {};
      window.openStream = function(name, url, init) {
        var s = { data: [], errors: [], opened: false };
        window.streams[name] = s;
        var src = new EventSource(url, init);
        s.src = src;
        src.onopen = function() { s.opened = true; };
        src.onerror = function() { s.errors.push(src.readyState); };
        src.addEventListener('data', function(msg) { s.data.push(JSON.parse(msg.data)); });
        return waitFor(name + ' open or failed', function() { return s.opened || s.errors.length > 0; })
            .then(function() { return { opened: s.opened, errors: s.errors, readyState: src.readyState }; });
      };
      """.formatted(PAGE_WAIT_MS);

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> TestServer.builder().models(ACL_APP));

  private Chromium browser;
  private StaticPages pages;
  private TestServer server;
  private Api api;
  private String token;

  @BeforeAll
  void launch() throws Exception {
    NodePackages.install();
    browser = Chromium.launch();
    byte[] sockjs = Files.readAllBytes(MODULES.resolve("sockjs-client/dist/sockjs.min.js"));
    byte[] eventbus = Files.readAllBytes(MODULES.resolve("@vertx/eventbus-bridge-client.js/vertx-eventbus.js"));
    String page = "<!doctype html><html><head>"
        + "<script src=\"/sockjs.min.js\"></script><script src=\"/vertx-eventbus.js\"></script>"
        + "</head><body>another origin</body></html>";
    pages = StaticPages.serve(page, Map.of("/sockjs.min.js", sockjs, "/vertx-eventbus.js", eventbus));
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

  /** A fresh acl-app server with one customer, and the page (another origin) loaded with the helpers. */
  @BeforeEach
  void open() {
    server = live.server();
    api = live.api();
    Api.Response customer = api.post("/api/Customers", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(customer.status()).as(customer.body()).isEqualTo(200);
    String origin = pages.origin();
    assertThat(origin).isNotEqualTo(server.base());
    browser.navigate(origin + "/");
    browser.evaluate("window.API = '" + server.base() + "';\n" + HELPERS);
    token = (String) browser.evaluate("login('" + EMAIL + "', '" + PASSWORD + "')");
    assertThat(token).as("the token the page got from its cross-origin login").hasSize(64);
  }

  /** Leaves the page (closing its streams and sockets) before the extension closes the server. */
  @AfterEach
  void leavePage() {
    browser.navigate("about:blank");
  }

  /** Creates a Message through REST with the page's token; returns its id. */
  private int postMessage(String text) {
    Api.Response created = api.post("/api/Messages",
        new JsonObject().put("text", text).put("secret", "not for the page"), "Authorization", token);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().getInteger("id");
  }

  private static JsonObject createChange(int id, String text) {
    return new JsonObject().put("target", id).put("data", new JsonObject().put("text", text).put("id", id))
        .put("type", "create");
  }

  @Test
  @DisplayName("EventSource(url + '?access_token=' + token, {withCredentials}) opens across origins and receives a REST create, "
      + "without the hidden property")
  void tokenStreamReceivesChanges() {
    JsonObject state = (JsonObject) browser.evaluate(
        "openStream('authorised', API + '/api/Messages/change-stream?access_token=' + '" + token + "',"
            + " { withCredentials: true })");
    assertThat(state.getBoolean("opened")).as("the stream opened: " + state).isTrue();

    int id = postMessage("hello");
    // The other token carriers, each through a preflight of its own header, as a page's REST calls send them.
    JsonObject statuses = (JsonObject) browser.evaluate(("Promise.all(["
        + "fetch(API + '/api/Messages', { headers: { 'X-Access-Token': '%1$s' } }),"
        + "fetch(API + '/api/Messages', { headers: { 'Authorization': 'Bearer %1$s' } }),"
        + "fetch(API + '/api/Messages', { credentials: 'include' })"
        + "]).then(function(r) { return { xAccessToken: r[0].status, bearer: r[1].status, none: r[2].status }; })")
        .formatted(token));
    assertThat(statuses).isEqualTo(new JsonObject().put("xAccessToken", 200).put("bearer", 200).put("none", 401));

    browser.evaluate("waitFor('a data event', function() { return streams.authorised.data.length > 0; })");
    assertThat((JsonArray) browser.evaluate("streams.authorised.data"))
        .containsExactly(createChange(id, "hello"));
  }

  @Test
  @DisplayName("without a token the EventSource fails (a fetch of the same URL shows the 401 JSON error) "
      + "and gets no data, even after an authorised stream on the page got a later change")
  void streamWithoutTokenIsRefused() {
    JsonObject anonymous = (JsonObject) browser.evaluate(
        "openStream('anonymous', API + '/api/Messages/change-stream')");
    assertThat(anonymous.getBoolean("opened")).as("the anonymous stream opened: " + anonymous).isFalse();
    // A non-200 answer makes the EventSource fail for good (CLOSED), with no reconnection.
    assertThat(anonymous.getInteger("readyState")).as("EventSource.CLOSED").isEqualTo(2);

    JsonObject refused = (JsonObject) browser.evaluate("""
        fetch(API + '/api/Messages/change-stream').then(async function(r) {
          return { status: r.status, body: await r.json() };
        })""");
    assertThat(refused.getInteger("status")).isEqualTo(401);
    JsonObject error = refused.getJsonObject("body").getJsonObject("error");
    assertThat(error.getInteger("statusCode")).isEqualTo(401);
    assertThat(error.getString("code")).isEqualTo("AUTHORIZATION_REQUIRED");

    JsonObject sentinel = (JsonObject) browser.evaluate(
        "openStream('sentinel', API + '/api/Messages/change-stream?access_token=' + '" + token + "')");
    assertThat(sentinel.getBoolean("opened")).as("the sentinel stream opened: " + sentinel).isTrue();
    int id = postMessage("after the refusal");
    browser.evaluate("waitFor('the sentinel data event', function() { return streams.sentinel.data.length > 0; })");

    assertThat((JsonArray) browser.evaluate("streams.sentinel.data")).containsExactly(createChange(id, "after the refusal"));
    assertThat((JsonArray) browser.evaluate("streams.anonymous.data")).as("data on the refused stream").isEmpty();
  }

  @Test
  @DisplayName("the bridge client's registerHandler('changes.Message') is refused with access_denied without a "
      + "token and receives changes with headers {access_token}")
  void bridgeClientNeedsTheToken() {
    browser.evaluate("""
        window.bridge = { anonymous: { errors: [], data: [] }, authorised: { errors: [], data: [] } };
        window.connect = function(name, headers) {
          var eb = new EventBus(API + '/eventbus');
          var seen = bridge[name];
          return new Promise(function(resolve) {
            eb.onopen = function() {
              eb.registerHandler('changes.Message', headers, function(err, msg) {
                if (err) { seen.errors.push(err); } else { seen.data.push(msg.body); }
              });
              resolve(true);
            };
          });
        };
        connect('anonymous', {})
            .then(function() { return waitFor('the refusal', function() { return bridge.anonymous.errors.length > 0; }); })
        """);
    JsonObject refusal = ((JsonArray) browser.evaluate("bridge.anonymous.errors")).getJsonObject(0);
    assertThat(refusal.getString("failureType")).as(refusal.encode()).isEqualTo("access_denied");

    browser.evaluate("connect('authorised', { access_token: '" + token + "' })");
    // A registration is confirmed by nothing but its first message: write until one arrives.
    JsonArray received = new JsonArray();
    int firstId = -1;
    for (int i = 0; i < 100 && received.isEmpty(); i++) {
      int id = postMessage("bridge " + i);
      firstId = firstId < 0 ? id : firstId;
      received = (JsonArray) browser.evaluate(
          "new Promise(function(r) { setTimeout(r, 200); }).then(function() { return bridge.authorised.data; })");
      assertThat((JsonArray) browser.evaluate("bridge.authorised.errors")).as("errors of the token registration").isEmpty();
    }
    assertThat(received).as("changes received with the token").isNotEmpty();
    JsonObject change = received.getJsonObject(0);
    int target = change.getInteger("target");
    assertThat(target).isGreaterThanOrEqualTo(firstId);
    assertThat(change).isEqualTo(createChange(target, "bridge " + (target - firstId)));
    assertThat((JsonArray) browser.evaluate("bridge.anonymous.data")).as("data on the refused registration").isEmpty();
    assertThat((JsonArray) browser.evaluate("bridge.anonymous.errors")).hasSize(1);
  }

  @Test
  @DisplayName("a logout made by the page ends its token stream and its bridge socket; the stream's "
      + "reconnection is refused (EventSource CLOSED) and no later change reaches the page")
  void logoutEndsStreamAndBridge() {
    JsonObject state = (JsonObject) browser.evaluate(
        "openStream('authorised', API + '/api/Messages/change-stream?access_token=' + '" + token + "')");
    assertThat(state.getBoolean("opened")).as("the stream opened: " + state).isTrue();
    browser.evaluate("""
        window.bridgeSeen = { data: [], errors: [], closed: false };
        new Promise(function(resolve) {
          var eb = new EventBus(API + '/eventbus');
          eb.onclose = function() { bridgeSeen.closed = true; };
          eb.onopen = function() {
            eb.registerHandler('changes.Message', { access_token: '%s' }, function(err, msg) {
              if (err) { bridgeSeen.errors.push(err); } else { bridgeSeen.data.push(msg.body); }
            });
            resolve(true);
          };
        })""".formatted(token));
    // Both subscribers are live once both saw a change.
    for (int i = 0; i < 100 && ((JsonArray) browser.evaluate("bridgeSeen.data")).isEmpty(); i++) {
      postMessage("before logout " + i);
      browser.evaluate("new Promise(function(r) { setTimeout(r, 200); })");
    }
    browser.evaluate("waitFor('the stream data', function() { return streams.authorised.data.length > 0; })");
    assertThat((JsonArray) browser.evaluate("bridgeSeen.data")).as("bridge data before logout").isNotEmpty();

    JsonObject logout = (JsonObject) browser.evaluate("""
        fetch(API + '/api/Customers/logout?access_token=%s', { method: 'POST', credentials: 'include' })
            .then(function(r) { return { status: r.status }; })""".formatted(token));
    assertThat(logout.getInteger("status")).isEqualTo(204);

    browser.evaluate("waitFor('the stream CLOSED after its refused reconnection', function() {"
        + " return streams.authorised.src.readyState === 2; })");
    browser.evaluate("waitFor('the bridge socket closed', function() { return bridgeSeen.closed; })");
    int streamDataBefore = ((JsonArray) browser.evaluate("streams.authorised.data")).size();
    int bridgeDataBefore = ((JsonArray) browser.evaluate("bridgeSeen.data")).size();

    String fresh = (String) browser.evaluate("login('" + EMAIL + "', '" + PASSWORD + "')");
    JsonObject sentinel = (JsonObject) browser.evaluate(
        "openStream('sentinel', API + '/api/Messages/change-stream?access_token=' + '" + fresh + "')");
    assertThat(sentinel.getBoolean("opened")).as("the sentinel stream opened: " + sentinel).isTrue();
    Api.Response created = api.post("/api/Messages", new JsonObject().put("text", "after logout"), "Authorization", fresh);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    browser.evaluate("waitFor('the sentinel data event', function() { return streams.sentinel.data.length > 0; })");

    assertThat((JsonArray) browser.evaluate("streams.authorised.data")).as("stream data after logout")
        .hasSize(streamDataBefore);
    assertThat((JsonArray) browser.evaluate("bridgeSeen.data")).as("bridge data after logout").hasSize(bridgeDataBefore);
  }
}
