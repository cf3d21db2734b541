package io.livemodel.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Debian Chromium with a fresh profile, driven over the Chrome DevTools Protocol on its
 * one page target. Methods block and are for test threads only (never an event loop); every wait is
 * bounded by {@link #TIMEOUT} and fails with an {@link AssertionError} that carries the browser's
 * console and stderr. If {@link #BINARY} is missing, {@link #launch} fails: browser tests never skip.
 * Always {@link #close()} it: that kills the whole process tree and deletes the profile directory.
 */
public final class Chromium implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final int STDERR_LINES_KEPT = 50;
  /** CDP messages (e.g. large evaluate results) can exceed Vert.x's 64 KiB frame default. */
  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final Process process;
  private final Path profile;
  private final ArrayDeque<String> stderr = new ArrayDeque<>();
  private final List<String> console = new CopyOnWriteArrayList<>();
  private final Map<Long, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonObject>> eventListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private WebSocketClient wsClient;
  private WebSocket ws;

  private Chromium(Vertx vertx, boolean ownsVertx, Process process, Path profile) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.process = process;
    this.profile = profile;
  }

  /** Starts a browser with its own Vert.x instance (closed with the browser). */
  public static Chromium launch() {
    return launch(Vertx.vertx(), true);
  }

  /** Starts a browser whose DevTools connection runs on {@code vertx} (left open on close). */
  public static Chromium launch(Vertx vertx) {
    return launch(vertx, false);
  }

  private static Chromium launch(Vertx vertx, boolean ownsVertx) {
    if (!Files.isExecutable(BINARY)) {
      if (ownsVertx) {
        vertx.close();
      }
      throw new AssertionError(BINARY + " is not installed; browser tests need it: "
          + "apt-get update && apt-get install -y chromium");
    }
    Chromium browser = null;
    try {
      Path profile = Files.createTempDirectory("livemodel-chromium-");
      Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
          "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      browser = new Chromium(vertx, ownsVertx, process, profile);
      browser.connect(browser.readDevToolsUrl());
      return browser;
    } catch (IOException e) {
      throw new AssertionError("could not start " + BINARY + ": " + e, e);
    } catch (RuntimeException | AssertionError e) {
      if (browser != null) {
        browser.close();
      }
      throw e;
    }
  }

  /** Loads {@code url} in the page and waits for its {@code load} event. */
  public void navigate(String url) {
    Promise<Void> loaded = Promise.promise();
    Consumer<JsonObject> listener = event -> {
      if ("Page.loadEventFired".equals(event.getString("method"))) {
        loaded.tryComplete();
      }
    };
    eventListeners.add(listener);
    try {
      call("Page.enable", new JsonObject());
      JsonObject result = call("Page.navigate", new JsonObject().put("url", url));
      if (result.getString("errorText") != null) {
        throw failure("navigation to " + url + " failed: " + result.getString("errorText"), null);
      }
      await(loaded.future(), "the load event of " + url);
    } finally {
      eventListeners.remove(listener);
    }
  }

  /**
   * Evaluates {@code jsExpression} in the page, awaiting it if it is a promise, and returns its value
   * as a Vert.x JSON value: JsonObject, JsonArray, String, Number, Boolean, or null (also for
   * {@code undefined}); NaN, Infinity, -0 and BigInts come back as their text. Fails with the JS
   * exception's text if the expression threw or the promise rejected.
   */
  public Object evaluate(String jsExpression) {
    JsonObject result = call("Runtime.evaluate", new JsonObject()
        .put("expression", jsExpression)
        .put("awaitPromise", true)
        .put("returnByValue", true));
    JsonObject thrown = result.getJsonObject("exceptionDetails");
    if (thrown != null) {
      throw failure("JavaScript threw: " + exceptionText(thrown), null);
    }
    JsonObject value = result.getJsonObject("result", new JsonObject());
    if (value.containsKey("unserializableValue")) {
      return value.getString("unserializableValue");
    }
    return value.getValue("value");
  }

  /** The browser's main process (its descendants are the renderers and helpers). */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** The fresh profile directory, deleted on close. */
  public Path profile() {
    return profile;
  }

  /** The page's console calls so far, as {@code type: arg arg ...}, oldest first. */
  public List<String> console() {
    return List.copyOf(console);
  }

  /** Sends one CDP command to the page and returns its {@code result}; fails on a protocol error. */
  public JsonObject call(String method, JsonObject params) {
    long id = ids.incrementAndGet();
    Promise<JsonObject> answer = Promise.promise();
    pending.put(id, answer);
    JsonObject message = new JsonObject().put("id", id).put("method", method).put("params", params);
    ws.writeTextMessage(message.encode()).onFailure(answer::tryFail);
    try {
      return await(answer.future(), method);
    } finally {
      pending.remove(id);
    }
  }

  private String readDevToolsUrl() {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> pumpStderr(url), "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return url.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw failure("Chromium printed no DevTools URL within " + TIMEOUT.toSeconds() + " s", null);
    } catch (ExecutionException e) {
      throw failure("Chromium ended before printing its DevTools URL", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while starting Chromium", e);
    }
  }

  /** Drains stderr for the browser's whole life (so it never blocks on a full pipe), keeping a tail. */
  private void pumpStderr(CompletableFuture<String> url) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (stderr) {
          stderr.addLast(line);
          if (stderr.size() > STDERR_LINES_KEPT) {
            stderr.removeFirst();
          }
        }
        Matcher m = DEVTOOLS.matcher(line);
        if (m.find()) {
          url.complete(m.group(1));
        }
      }
    } catch (IOException ignored) {
      // The pipe closes when the process dies; the tail kept so far is what there is.
    }
    url.completeExceptionally(new IllegalStateException("stderr closed"));
  }

  private void connect(String browserUrl) {
    int port = Integer.parseInt(browserUrl.replaceFirst("^ws://[^:/]+:(\\d+)/.*$", "$1"));
    String pageUrl = findPageTarget(port);
    wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(MAX_MESSAGE_BYTES)
        .setMaxMessageSize(MAX_MESSAGE_BYTES));
    // Chromium refuses DevTools connections that carry an Origin header unless --remote-allow-origins.
    ws = await(wsClient.connect(new WebSocketConnectOptions().setAbsoluteURI(pageUrl).setAllowOriginHeader(false)),
        "the DevTools WebSocket " + pageUrl);
    ws.textMessageHandler(this::onMessage);
    ws.closeHandler(v -> pending.values().forEach(p -> p.tryFail("DevTools connection closed")));
    call("Runtime.enable", new JsonObject());
  }

  /** The page target's WebSocket URL; the target list can be empty for a moment after start-up. */
  private String findPageTarget(int port) {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions());
    try {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (true) {
        String body = await(http.request(io.vertx.core.http.HttpMethod.GET, port, "127.0.0.1", "/json/list")
            .compose(req -> req.send())
            .compose(resp -> resp.body()), "the DevTools target list").toString();
        for (Object target : new JsonArray(body)) {
          JsonObject t = (JsonObject) target;
          if ("page".equals(t.getString("type")) && t.getString("webSocketDebuggerUrl") != null) {
            return t.getString("webSocketDebuggerUrl");
          }
        }
        if (System.nanoTime() > deadline) {
          throw failure("no page target in " + body, null);
        }
        sleep(50);
      }
    } finally {
      http.close();
    }
  }

  private void onMessage(String text) {
    JsonObject message = new JsonObject(text);
    Long id = message.getLong("id");
    if (id == null) {
      recordConsole(message);
      eventListeners.forEach(listener -> listener.accept(message));
      return;
    }
    Promise<JsonObject> answer = pending.get(id);
    if (answer == null) {
      return;
    }
    JsonObject error = message.getJsonObject("error");
    if (error != null) {
      answer.tryFail("CDP error " + error.getValue("code") + ": " + error.getString("message")
          + (error.containsKey("data") ? " (" + error.getValue("data") + ")" : ""));
    } else {
      answer.tryComplete(message.getJsonObject("result", new JsonObject()));
    }
  }

  private void recordConsole(JsonObject event) {
    JsonObject params = event.getJsonObject("params", new JsonObject());
    switch (event.getString("method", "")) {
      case "Runtime.consoleAPICalled" -> {
        StringBuilder line = new StringBuilder(params.getString("type", "log")).append(':');
        for (Object arg : params.getJsonArray("args", new JsonArray())) {
          JsonObject a = (JsonObject) arg;
          line.append(' ').append(a.containsKey("value") ? a.getValue("value") : a.getString("description"));
        }
        console.add(line.toString());
      }
      case "Runtime.exceptionThrown" -> console.add("exception: " + exceptionText(params.getJsonObject(
          "exceptionDetails", new JsonObject())));
      default -> { }
    }
  }

  private static String exceptionText(JsonObject details) {
    JsonObject exception = details.getJsonObject("exception");
    String text = details.getString("text", "exception");
    if (exception == null) {
      return text;
    }
    Object what = exception.containsKey("description") ? exception.getValue("description") : exception.getValue("value");
    return text + " " + what;
  }

  private <T> T await(Future<T> future, String what) {
    try {
      return future.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw failure("no answer within " + TIMEOUT.toSeconds() + " s: " + what, null);
    } catch (Exception e) {
      throw failure(what + " failed: " + e.getMessage(), e);
    }
  }

  private AssertionError failure(String message, Throwable cause) {
    List<String> tail;
    synchronized (stderr) {
      tail = new ArrayList<>(stderr);
    }
    return new AssertionError(message + "\n  browser console: " + console
        + "\n  chromium stderr (tail): " + String.join("\n    ", tail), cause);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Idempotent: closes the DevTools connection, kills the browser's process tree, deletes the profile. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (wsClient != null) {
        wsClient.close().await(5, TimeUnit.SECONDS);
      }
    } catch (Exception ignored) {
      // The process is killed below anyway.
    } finally {
      killProcessTree();
      deleteProfile();
      if (ownsVertx) {
        vertx.close().await();
      }
    }
  }

  private void killProcessTree() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException ignored) {
        // Best effort: a process that outlives SIGKILL for 10 s is beyond a test's control.
      }
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // A temp dir left behind is harmless; failing the test for it would hide the real result.
    }
  }
}
