package io.livemodel.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server fixture as a JUnit 5 extension: a started {@link TestServer} and an {@link Api} on it,
 * closed after each test, together with every {@link SseClient} and extra {@link Api} opened through
 * the extension. Register it with {@code @RegisterExtension}:
 *
 * <pre>{@code
 * @RegisterExtension
 * final LiveModelExtension live = LiveModelExtension.with(TestServer.builder().idleTimeoutSeconds(1));
 * }</pre>
 *
 * <p>{@link #perClass()} on a static field keeps one server for the whole class (per-test clients
 * are still closed after each test). {@link #manual()} starts nothing: the test calls
 * {@link #start(TestServer.Builder)} with the settings it needs. The builder supplier is called when
 * the server starts, so an overridable {@code builder()} method ({@code with(this::builder)}) lets a
 * subclass run the same tests on another store.
 *
 * <p>Used from the test thread only.
 */
public final class LiveModelExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {

  private final Supplier<TestServer.Builder> builder;
  private HttpClientOptions apiOptions = new HttpClientOptions();
  private boolean perClass;
  private boolean manual;
  private TestServer server;
  private Api api;
  /** Clients opened through the extension during the current test, closed last-opened first. */
  private final Deque<AutoCloseable> clients = new ArrayDeque<>();

  private LiveModelExtension(Supplier<TestServer.Builder> builder) {
    this.builder = builder;
  }

  /** A server built from {@code builder} (its settings are read at start). */
  public static LiveModelExtension with(TestServer.Builder builder) {
    return new LiveModelExtension(() -> builder);
  }

  /** A server built from a fresh builder, asked for at each start. */
  public static LiveModelExtension with(Supplier<TestServer.Builder> builder) {
    return new LiveModelExtension(builder);
  }

  /** The default server ({@link TestServer#start()}). */
  public static LiveModelExtension defaults() {
    return with(TestServer::builder);
  }

  /** The {@link #api()} client's options (keep-alive off, say). */
  public LiveModelExtension apiOptions(HttpClientOptions options) {
    this.apiOptions = options;
    return this;
  }

  /** One server for the whole class: register on a static field. */
  public LiveModelExtension perClass() {
    this.perClass = true;
    return this;
  }

  /** No automatic start: each test calls {@link #start(TestServer.Builder)}. */
  public LiveModelExtension manual() {
    this.manual = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (perClass && !manual) {
      start(builder.get());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass && !manual) {
      start(builder.get());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    closeClients();
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    closeClients();
    stop();
  }

  /** Starts a server built from {@code settings}, replacing (closing) the current one and its clients. */
  public TestServer start(TestServer.Builder settings) {
    try {
      closeClients();
      stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not close the previous server", e);
    }
    server = settings.build();
    api = new Api(server.vertx, server.base(), apiOptions);
    return server;
  }

  /** Starts a server from a fresh builder of this extension with changed settings (a shorter heartbeat, say). */
  public TestServer restart(java.util.function.UnaryOperator<TestServer.Builder> change) {
    return start(change.apply(builder.get()));
  }

  public TestServer server() {
    if (server == null) {
      throw new IllegalStateException("no server: a manual() fixture needs start(builder) first");
    }
    return server;
  }

  public Api api() {
    server();
    return api;
  }

  public Vertx vertx() {
    return server().vertx;
  }

  /** {@code http://127.0.0.1:<bound port>}. */
  public String base() {
    return server().base();
  }

  public int port() {
    return server().port();
  }

  /** Opens a change stream (GET {@code pathAndQuery}), closed after the test. */
  public SseClient sse(String pathAndQuery, String... headers) {
    return track(SseClient.open(vertx(), base() + pathAndQuery, headers));
  }

  /** Opens a change stream with any method and body, closed after the test. */
  public SseClient sse(HttpMethod method, String pathAndQuery, Buffer body, String... headers) {
    return track(SseClient.open(vertx(), method, base() + pathAndQuery, body, headers));
  }

  /** Another API client (its own connection pool), closed after the test. */
  public Api newApi() {
    return track(new Api(vertx(), base(), apiOptions));
  }

  private <T extends AutoCloseable> T track(T client) {
    clients.push(client);
    return client;
  }

  private void closeClients() throws Exception {
    Exception failure = null;
    while (!clients.isEmpty()) {
      try {
        clients.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void stop() {
    try {
      if (api != null) {
        api.close();
      }
    } finally {
      api = null;
      TestServer closing = server;
      server = null;
      if (closing != null) {
        closing.close();
      }
    }
  }
}
