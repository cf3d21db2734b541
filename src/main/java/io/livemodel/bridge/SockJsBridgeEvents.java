package io.livemodel.bridge;

import io.livemodel.stream.StreamMetrics;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The SockJS bridge's event handler: checks every client frame with the socket's
 * {@link BridgeSession} before vertx-web acts on it.
 *
 * <p>A refused frame is answered here with the {@link Refusal#toFrame() error frame}, and its event
 * is deliberately left uncompleted: completing it with {@code false} would make vertx-web send a
 * second, uninformative {@code "rejected"} error, and nothing waits on the event (no timer, no
 * state), so it is simply dropped. Every other event is completed with {@code true}.
 *
 * <p>One instance per HTTP verticle; called on that verticle's event loop only.
 */
final class SockJsBridgeEvents implements Handler<BridgeEvent> {

  private final BridgePolicy policy;
  private final Map<SockJSSocket, BridgeSession> sessions = new HashMap<>();

  SockJsBridgeEvents(BridgePolicy policy) {
    this.policy = policy;
  }

  @Override
  public void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    switch (event.type()) {
      case SOCKET_CREATED -> sessions.put(socket, new BridgeSession(policy, StreamMetrics.SOCKJS));
      case SOCKET_CLOSED, SOCKET_ERROR -> {
        BridgeSession gone = sessions.remove(socket);
        if (gone != null) {
          gone.closed();
        }
      }
      case RECEIVE -> {
        BridgeSession session = sessions.get(socket);
        if (session != null && SlowConsumers.account(socket, connection(socket), session.backlog(),
            () -> event.getRawMessage() == null ? 0 : event.getRawMessage().toBuffer().length(),
            policy.config().maxQueuedBytes(), "SockJS bridge client " + socket.remoteAddress())) {
          return; // the message is dropped with the connection; nothing waits on the event
        }
        if (session != null && event.getRawMessage() != null) {
          session.received(event.getRawMessage().getString("address"));
        }
      }
      default -> {
        BridgeSession session = sessions.get(socket);
        JsonObject frame = event.getRawMessage();
        Refusal refusal = session == null || frame == null ? null : session.check(event.type(), frame);
        if (refusal != null) {
          socket.write(refusal.toFrame().toBuffer());
          return;
        }
      }
    }
    event.complete(true);
  }

  /** The HTTP connection a socket writes to (the WebSocket's, or the streaming request's); null if none. */
  private static Object connection(SockJSSocket socket) {
    try {
      return socket.routingContext() == null ? null : socket.routingContext().request().connection();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
