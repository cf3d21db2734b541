package io.livemodel.bridge;

import io.livemodel.stream.ChangeBus;
import io.livemodel.stream.StreamMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The SockJS bridge's event handler: checks every client frame with the socket's
 * {@link BridgeSession} before vertx-web acts on it, decides each registration of a change address
 * with access control ({@link BridgeAccess}), and drops outgoing messages a registration may not
 * receive (READ through {@code $owner} alone).
 *
 * <p>A refused frame is answered here with the {@link Refusal#toFrame() error frame}, and its event
 * is deliberately left uncompleted: completing it with {@code false} would make vertx-web send a
 * second, uninformative {@code "rejected"} error, and nothing waits on the event (no timer, no
 * state), so it is simply dropped. Every other event is completed with {@code true}, except the
 * messages to a known socket ({@code RECEIVE}): this handler writes them itself, counting their
 * unsent bytes for the slow-consumer cutoff ({@link SlowConsumers}), or drops them (a message the
 * socket may not receive, or one for a socket cut off), and completes them with {@code false} so that
 * vertx-web does not write them again (it then logs "outbound message rejected" at debug level,
 * which {@link BridgeLogFilter} drops).
 *
 * <p>One instance per HTTP verticle; called on that verticle's event loop only.
 */
final class SockJsBridgeEvents implements Handler<BridgeEvent> {

  private final BridgePolicy policy;
  private final BridgeTokens tokens;
  private final HardClose hardClose;
  private final Map<SockJSSocket, BridgeSession> sessions = new HashMap<>();

  SockJsBridgeEvents(Vertx vertx, BridgePolicy policy, HardClose hardClose) {
    this.policy = policy;
    this.hardClose = hardClose;
    this.tokens = new BridgeTokens(vertx, vertx.getOrCreateContext(), policy.access().control());
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
        tokens.forget(socket);
      }
      case RECEIVE -> {
        BridgeSession session = sessions.get(socket);
        JsonObject frame = event.getRawMessage();
        if (session != null && frame != null) {
          // The frame is this socket's own copy, written as it is after the event: rewritten in place.
          String address = frame.getString("address");
          Object before = frame.getValue("headers") instanceof JsonObject headers
              ? headers.remove(ChangeBus.BEFORE_HEADER) : null;
          Object body = frame.getValue("body");
          Object delivered = session.receive(address, body, before instanceof String text ? text : null);
          if (delivered != null) {
            if (delivered != body) {
              frame.put("body", delivered);
            }
            if (deliver(socket, session, frame)) {
              session.received(address);
            }
          }
          // Delivered above (or dropped): false keeps the bridge from writing it a second time.
          event.complete(false);
          return;
        }
      }
      default -> {
        BridgeSession session = sessions.get(socket);
        JsonObject frame = event.getRawMessage();
        if (session == null || frame == null) {
          break;
        }
        Refusal refusal = session.check(event.type(), frame);
        if (refusal != null) {
          socket.write(refusal.toFrame().toBuffer());
          return;
        }
        if (event.type() == BridgeEventType.REGISTER && frame.getValue("address") instanceof String address) {
          register(event, socket, session, address, frame);
          return;
        }
      }
    }
    event.complete(true);
  }

  /**
   * Writes a message the bridge forwards to a socket, counting its bytes until they are sent: the
   * slow-consumer cutoff ({@link SlowConsumers#write}). Written here rather than by the bridge
   * because only the write's future tells when the bytes have left: vertx-web's SockJS sessions
   * report no write queue of their own (they pass every message on to the current request or
   * WebSocket at once, or, between polls, keep it without limit). Returns false if the message was
   * dropped (the socket is cut off).
   */
  private boolean deliver(SockJSSocket socket, BridgeSession session, JsonObject frame) {
    Runnable cutOff = () -> {
      session.slowClientDisconnected();
      // Ends the SockJS session and so its registrations: closing a connection alone would not end a
      // session between polls (it lives on until its timeout, keeping what it queued).
      socket.close();
    };
    return SlowConsumers.write(socket, cutOff, () -> connection(socket), hardClose, frame.toBuffer(), session.unsent(),
        policy.config().maxQueuedBytes(), () -> String.valueOf(socket.remoteAddress()));
  }

  /** The HTTP connection a socket writes to (the WebSocket's, or the streaming request's); null if none. */
  private static Object connection(SockJSSocket socket) {
    try {
      return socket.routingContext() == null ? null : socket.routingContext().request().connection();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void register(BridgeEvent event, SockJSSocket socket, BridgeSession session, String address,
                        JsonObject frame) {
    policy.access().register(address, frame).onComplete(done -> {
      Refusal refusal = BridgeAccess.refusal(address, done);
      if (refusal != null) {
        session.revoke(address);
        socket.write(refusal.toFrame().toBuffer());
        return;
      }
      BridgeAccess.Grant grant = done.result();
      session.grant(address, grant);
      if (grant.token() != null) {
        tokens.track(socket, grant.token(), socket::close);
      }
      event.complete(true);
    });
  }
}
