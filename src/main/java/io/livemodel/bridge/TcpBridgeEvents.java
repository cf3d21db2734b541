package io.livemodel.bridge;

import io.livemodel.stream.StreamMetrics;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.Json;
import io.vertx.ext.bridge.BridgeEventType;
import java.util.List;
import java.util.function.LongSupplier;
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
 * <p>The TCP bridge writes each message to its sockets without an event, so the slow-consumer cutoff
 * ({@link SlowConsumers}) watches from beside it: per registered address, one local consumer of this
 * verticle sees every message the bridge forwards and accounts it to each registered socket.
 *
 * <p>The TCP bridge raises no event per forwarded message either (no {@code RECEIVE} in Vert.x
 * 5.0.7), so nothing can be filtered per socket: a registration allowed only through a filter (READ
 * through {@code $owner} alone; relation registrations are refused earlier) is refused.
 *
 * <p>Used on the {@link TcpBridgeVerticle}'s event loop only.
 */
final class TcpBridgeEvents implements Handler<BridgeEvent> {

  private final BridgePolicy policy;
  private final EventBus eventBus;
  private final BridgeTokens tokens;
  private final HardClose hardClose;
  private final Map<NetSocket, BridgeSession> sessions = new HashMap<>();
  private final Map<String, MessageConsumer<Object>> watchers = new HashMap<>();

  TcpBridgeEvents(io.vertx.core.Vertx vertx, BridgePolicy policy, HardClose hardClose) {
    this.policy = policy;
    this.hardClose = hardClose;
    this.eventBus = vertx.eventBus();
    this.tokens = new BridgeTokens(vertx, vertx.getOrCreateContext(), policy.access().control());
  }

  @Override
  public void handle(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    if (frame != null && event.type() == BridgeEventType.RECEIVE) {
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
    if (session != null && event.type() == BridgeEventType.REGISTER
        && frame.getValue("address") instanceof String address) {
      NetSocket socket = event.socket();
      policy.access().register(address, frame).onComplete(done -> {
        Refusal refused = BridgeAccess.refusal(address, done);
        if (refused == null && done.result().filter() != null) {
          // Granted only filtered (READ through $owner alone): the TCP bridge forwards every message
          // of an address without an event per message (Vert.x 5.0.7 raises no RECEIVE), so it
          // cannot filter; refused rather than sent everyone's records.
          refused = new Refusal(Refusal.ACCESS_DENIED, "cannot register " + address + ": only the caller's own"
              + " records may be read, and only the SockJS bridge filters them (the TCP bridge forwards every"
              + " change)", address);
        }
        if (refused != null) {
          session.revoke(address);
          socket.write(frame(refused.toFrame()));
          return;
        }
        session.grant(address, done.result());
        if (done.result().token() != null) {
          tokens.track(socket, done.result().token(), socket::close);
        }
        updateWatcher(address);
        event.complete(true);
      });
      return;
    }
    if (event.type() == BridgeEventType.UNREGISTER) {
      updateWatcher(frame.getString("address"));
    }
    event.complete(true);
  }

  /** Keeps a watching consumer on {@code address} while some socket has it registered. */
  private void updateWatcher(String address) {
    if (address == null) {
      return;
    }
    boolean wanted = sessions.values().stream().anyMatch(s -> s.registered(address));
    MessageConsumer<Object> watcher = watchers.get(address);
    if (wanted && watcher == null) {
      watchers.put(address, eventBus.localConsumer(address, message -> account(address, message)));
    } else if (!wanted && watcher != null) {
      watchers.remove(address).unregister();
    }
  }

  private void account(String address, Message<Object> message) {
    long[] size = {-1};
    LongSupplier bytes = () -> size[0] >= 0 ? size[0] : (size[0] = sizeOf(message.body()));
    for (Map.Entry<NetSocket, BridgeSession> entry : List.copyOf(sessions.entrySet())) {
      if (entry.getValue().registered(address)) {
        if (SlowConsumers.account(entry.getKey(), entry.getKey(), hardClose, entry.getValue().backlog(), bytes,
            policy.config().maxQueuedBytes(), () -> String.valueOf(entry.getKey().remoteAddress()))) {
          entry.getValue().slowClientDisconnected();
        }
      }
    }
  }

  private static long sizeOf(Object body) {
    if (body instanceof Buffer buffer) {
      return buffer.length();
    }
    if (body instanceof String text) {
      return text.length();
    }
    return Json.encodeToBuffer(body).length();
  }

  private BridgeSession session(NetSocket socket) {
    BridgeSession session = sessions.get(socket);
    if (session == null) {
      session = new BridgeSession(policy, StreamMetrics.TCP);
      sessions.put(socket, session);
      socket.closeHandler(v -> {
        BridgeSession gone = sessions.remove(socket);
        for (String address : List.copyOf(watchers.keySet())) {
          if (gone != null && gone.registered(address)) {
            updateWatcher(address);
          }
        }
        if (gone != null) {
          gone.closed();
        }
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
