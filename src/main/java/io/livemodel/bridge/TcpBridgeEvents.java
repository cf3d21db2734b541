package io.livemodel.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The TCP bridge's event handler: the same checks as the SockJS bridge, through a
 * {@link BridgeSession} per connection. The TCP bridge itself enforces no limits and does not refuse
 * a second registration of one address (it would leak the first consumer), so every limit is
 * enforced here. One limit only partly: the bridge's frame parser buffers a whole frame (its 4-byte
 * length prefix allows up to 2 GB) before this handler sees it, so {@code maxMessageBytes} refuses a
 * large frame but does not cap the memory it took on the way in.
 *
 * <p>A refused frame is answered with the {@link Refusal#toFrame() error frame} and its event left
 * uncompleted (completing it with {@code false} would add a generic
 * {@code "blocked by bridgeEvent handler"} error; nothing waits on the event). The TCP bridge raises
 * no socket events, so a session is created on a connection's first frame and dropped when it closes.
 *
 * <p>Used on the {@link TcpBridgeVerticle}'s event loop only.
 */
final class TcpBridgeEvents implements Handler<BridgeEvent> {

  private final BridgePolicy policy;
  private final BridgeTokens tokens;
  private final Map<NetSocket, BridgeSession> sessions = new HashMap<>();

  TcpBridgeEvents(io.vertx.core.Vertx vertx, BridgePolicy policy) {
    this.policy = policy;
    this.tokens = new BridgeTokens(vertx, vertx.getOrCreateContext(), policy.access().control());
  }

  @Override
  public void handle(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    if (frame != null && event.type() == io.vertx.ext.bridge.BridgeEventType.RECEIVE) {
      BridgeSession session = sessions.get(event.socket());
      event.complete(session == null || session.mayReceive(frame.getString("address"), frame.getValue("body")));
      return;
    }
    BridgeSession session = frame == null ? null : session(event.socket());
    Refusal refusal = session == null ? null : session.check(event.type(), frame);
    if (refusal != null) {
      event.socket().write(frame(refusal.toFrame()));
      return;
    }
    if (session != null && event.type() == io.vertx.ext.bridge.BridgeEventType.REGISTER
        && frame.getValue("address") instanceof String address) {
      NetSocket socket = event.socket();
      policy.access().register(address, frame).onComplete(done -> {
        if (done.failed() || done.result() == null) {
          session.revoke(address);
          socket.write(frame(BridgeAccess.denied(address).toFrame()));
          return;
        }
        session.grant(address, done.result());
        if (done.result().token() != null) {
          tokens.track(socket, done.result().token(), socket::close);
        }
        event.complete(true);
      });
      return;
    }
    event.complete(true);
  }

  private BridgeSession session(NetSocket socket) {
    BridgeSession session = sessions.get(socket);
    if (session == null) {
      session = new BridgeSession(policy);
      sessions.put(socket, session);
      socket.closeHandler(v -> {
        sessions.remove(socket);
        tokens.forget(socket);
      });
    }
    return session;
  }

  /** The TCP bridge framing: a 4-byte big-endian length, then the JSON in UTF-8. */
  static Buffer frame(JsonObject json) {
    byte[] bytes = json.encode().getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer(bytes.length + 4).appendInt(bytes.length).appendBytes(bytes);
  }
}
