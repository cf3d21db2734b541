package io.livemodel.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A streaming HTTP client for tests: opens a change stream over a real connection, keeps the raw
 * bytes, and parses events with {@link SseParser} as they arrive. Blocking accessors are for test
 * threads. Always {@link #close()} it.
 */
public final class SseClient implements AutoCloseable {

  private final HttpClient client;
  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final SseParser parser = new SseParser(events::add);
  /** Bytes as received: decoded only when read, so a character split across chunks stays whole. */
  private final Buffer raw = Buffer.buffer();
  private final HttpClientResponse response;
  private volatile boolean ended;

  private SseClient(HttpClient client, HttpClientResponse response) {
    this.client = client;
    this.response = response;
  }

  /** GET {@code url} (a full http URL) with optional header pairs; returns once headers arrived. */
  public static SseClient open(Vertx vertx, String url, String... headers) {
    return open(vertx, HttpMethod.GET, url, null, headers);
  }

  public static SseClient open(Vertx vertx, HttpMethod method, String url, Buffer body, String... headers) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setConnectTimeout(10_000);
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.add(headers[i], headers[i + 1]);
    }
    options.setHeaders(map);
    // The request runs on one event-loop context, and the handlers are set by a listener of the
    // response future registered before the request is sent: the listener then runs in the same
    // task that delivers the response, before any chunk of its body.
    io.vertx.core.Context context = vertx.getOrCreateContext();
    io.vertx.core.Promise<SseClient> opened = io.vertx.core.Promise.promise();
    context.runOnContext(v -> client.request(options).onComplete(requested -> {
      if (requested.failed()) {
        opened.fail(requested.cause());
        return;
      }
      io.vertx.core.http.HttpClientRequest req = requested.result();
      req.response().onComplete(answered -> {
        if (answered.failed()) {
          opened.tryFail(answered.cause());
          return;
        }
        HttpClientResponse response = answered.result();
        SseClient sse = new SseClient(client, response);
        response.handler(chunk -> {
          synchronized (sse) {
            sse.raw.appendBuffer(chunk);
          }
          synchronized (sse.parser) {
            sse.parser.feed(chunk.getBytes());
          }
        });
        response.endHandler(x -> sse.ended = true);
        response.exceptionHandler(e -> sse.ended = true);
        opened.complete(sse);
      });
      (body == null ? req.end() : req.end(body)).onFailure(opened::tryFail);
    }));
    try {
      return opened.future().await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      client.close();
      throw new AssertionError("no response headers within 30 s from " + url);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  public HttpClientResponse response() {
    return response;
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.getHeader(name);
  }

  /** Everything received so far, as text. */
  public synchronized String raw() {
    return raw.toString();
  }

  /** The next event, or null after the timeout. */
  public SseEvent next(long timeout, TimeUnit unit) {
    try {
      return events.poll(timeout, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next event within 10 s; fails the test otherwise. */
  public SseEvent next() {
    SseEvent event = next(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event within 10 s; received so far: " + raw());
    }
    return event;
  }

  /** Exactly {@code n} further events within 10 s. */
  public List<SseEvent> next(int n) {
    List<SseEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /** Events already received and not yet taken. */
  public List<SseEvent> drain() {
    List<SseEvent> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  public int comments() {
    synchronized (parser) {
      return Math.toIntExact(parser.comments());
    }
  }

  public Integer retry() {
    synchronized (parser) {
      return parser.retry();
    }
  }

  public boolean ended() {
    return ended;
  }

  /** Waits until {@code raw()} contains {@code text}; fails after 10 s. */
  public void awaitRaw(String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!raw().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("did not receive " + text + " (status " + status() + ", headers " + response.headers() + "); got: " + raw());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    client.close().await();
  }
}
