package io.livemodel.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Blocking JSON calls over real HTTP for tests. A JSON body is sent with
 * {@code Content-Type: application/json} unless headers say otherwise.
 */
public final class Api implements AutoCloseable {

  private final Vertx vertx;
  private final HttpClient client;
  private final String base;

  public Api(Vertx vertx, String base) {
    this(vertx, base, new HttpClientOptions());
  }

  public Api(Vertx vertx, String base, HttpClientOptions options) {
    this.vertx = vertx;
    // A connection the server resets (it refuses an overlong request line or header block with 414/431
    // and closes while the client is still writing) fails the call in progress; without a handler of
    // its own, Vert.x would also log the reset at SEVERE ("recvAddress(..) failed ... Connection reset
    // by peer"), a line of this test client's that looks like a server failure.
    this.client = vertx.httpClientBuilder().with(options)
        .withConnectHandler(connection -> connection.exceptionHandler(failure -> { }))
        .build();
    this.base = base;
  }

  public Api(TestServer server) {
    this(server.vertx, server.base());
  }

  /** The answer to one call. */
  public record Response(int status, MultiMap headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    public Object value() {
      return Json.decodeValue(body);
    }

    /** The {@code error} object of a LoopBack error body. */
    public JsonObject error() {
      return json().getJsonObject("error");
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  public Response get(String path, String... headers) {
    return call(HttpMethod.GET, path, (Buffer) null, headers);
  }

  public Response post(String path, Object json, String... headers) {
    return call(HttpMethod.POST, path, json, headers);
  }

  public Response put(String path, Object json, String... headers) {
    return call(HttpMethod.PUT, path, json, headers);
  }

  public Response patch(String path, Object json, String... headers) {
    return call(HttpMethod.PATCH, path, json, headers);
  }

  public Response delete(String path, String... headers) {
    return call(HttpMethod.DELETE, path, (Buffer) null, headers);
  }

  public Response head(String path, String... headers) {
    return call(HttpMethod.HEAD, path, (Buffer) null, headers);
  }

  /** A JSON body (any value; a String is sent as raw text, so malformed JSON can be tested). */
  public Response call(HttpMethod method, String path, Object json, String... headers) {
    Buffer body = json == null ? null
        : json instanceof String s ? Buffer.buffer(s)
        : json instanceof Buffer b ? b
        : Json.encodeToBuffer(json);
    String[] all = headers;
    if (body != null && !hasHeader(headers, "Content-Type")) {
      all = new String[headers.length + 2];
      System.arraycopy(headers, 0, all, 0, headers.length);
      all[headers.length] = "Content-Type";
      all[headers.length + 1] = "application/json";
    }
    return call(method, path, body, all);
  }

  public Response call(HttpMethod method, String path, Buffer body, String... headers) {
    // Bounded: a server that never answers fails the test instead of hanging the build.
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(base + path)
        .setConnectTimeout(10_000).setIdleTimeout(30_000);
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.add(headers[i], headers[i + 1]);
    }
    options.setHeaders(map);
    // One event-loop context runs the exchange, and the body is asked for by a listener registered
    // before the request is sent, so it runs in the task that delivers the response, before any chunk
    // of the body (asking later, from a chained future, can miss a body that already arrived).
    io.vertx.core.Promise<Response> answered = io.vertx.core.Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> client.request(options).onComplete(requested -> {
      if (requested.failed()) {
        answered.fail(requested.cause());
        return;
      }
      io.vertx.core.http.HttpClientRequest req = requested.result();
      req.response().onComplete(got -> {
        if (got.failed()) {
          answered.tryFail(got.cause());
          return;
        }
        io.vertx.core.http.HttpClientResponse resp = got.result();
        resp.body().onComplete(b -> {
          if (b.failed()) {
            answered.tryFail(b.cause());
          } else {
            answered.tryComplete(new Response(resp.statusCode(), resp.headers(), b.result().toString()));
          }
        });
      });
      (body == null ? req.end() : req.end(body)).onFailure(answered::tryFail);
    }));
    try {
      return answered.future().await(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 60 s to " + method + " " + path);
    }
  }

  private static boolean hasHeader(String[] headers, String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    client.close().await();
  }
}
