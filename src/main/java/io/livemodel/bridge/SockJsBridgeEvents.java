package io.livemodel.bridge;

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
 * state), so it is simply dropped. Every other event is completed with {@code true}, except a
 * message the socket may not receive ({@code false}: vertx-web then does not deliver it).
 *
 * <p>One instance per HTTP verticle; called on that verticle's event loop only.
 */
final class SockJsBridgeEvents implements Handler<BridgeEvent> {

  private final BridgePolicy policy;
  private final BridgeTokens tokens;
  private final Map<SockJSSocket, BridgeSession> sessions = new HashMap<>();

  SockJsBridgeEvents(Vertx vertx, BridgePolicy policy) {
    this.policy = policy;
    this.tokens = new BridgeTokens(vertx, vertx.getOrCreateContext(), policy.access().control());
  }

  @Override
  public void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    switch (event.type()) {
      case SOCKET_CREATED -> sessions.put(socket, new BridgeSession(policy));
      case SOCKET_CLOSED, SOCKET_ERROR -> {
        sessions.remove(socket);
        tokens.forget(socket);
      }
      default -> {
        BridgeSession session = sessions.get(socket);
        JsonObject frame = event.getRawMessage();
        if (session == null || frame == null) {
          break;
        }
        if (event.type() == BridgeEventType.RECEIVE) {
          event.complete(session.mayReceive(frame.getString("address"), frame.getValue("body")));
          return;
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

  private void register(BridgeEvent event, SockJSSocket socket, BridgeSession session, String address,
                        JsonObject frame) {
    policy.access().register(address, frame).onComplete(done -> {
      if (done.failed() || done.result() == null) {
        session.revoke(address);
        socket.write(BridgeAccess.denied(address).toFrame().toBuffer());
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
