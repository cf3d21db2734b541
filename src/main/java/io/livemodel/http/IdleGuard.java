package io.livemodel.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes connections that hold the server without using it: a connection with no request in
 * progress for the idle timeout (slow or absent request headers included), and a request whose body
 * has not fully arrived within it. A change stream is a request in progress, so an open stream is
 * never closed for idleness (heartbeats keep SSE streams' proxies happy; JSON-lines streams may
 * stay silent, as LoopBack's do).
 *
 * <p>One instance per HTTP verticle; used only on its event loop.
 */
final class IdleGuard {

  private final Vertx vertx;
  private final long timeoutMillis;
  private final Map<HttpConnection, State> states = new HashMap<>();

  IdleGuard(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  void onConnection(HttpConnection connection) {
    if (timeoutMillis <= 0) {
      return;
    }
    State state = new State(connection);
    states.put(connection, state);
    connection.closeHandler(v -> {
      state.cancel();
      states.remove(connection);
    });
    state.arm();
  }

  void onRequest(HttpServerRequest request) {
    State state = states.get(request.connection());
    if (state == null) {
      return;
    }
    state.active++;
    state.cancel();
    long bodyTimer = vertx.setTimer(timeoutMillis, id -> {
      if (!request.isEnded()) {
        request.connection().close();
      }
    });
    request.response().endHandler(v -> {
      vertx.cancelTimer(bodyTimer);
      if (--state.active == 0) {
        state.arm();
      }
    });
  }

  /** Connections tracked (for leak checks). */
  int tracked() {
    return states.size();
  }

  private final class State {
    final HttpConnection connection;
    int active;
    long timer = -1;

    State(HttpConnection connection) {
      this.connection = connection;
    }

    void arm() {
      cancel();
      timer = vertx.setTimer(timeoutMillis, id -> connection.close());
    }

    void cancel() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }
}
