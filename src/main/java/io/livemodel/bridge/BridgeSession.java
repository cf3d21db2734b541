package io.livemodel.bridge;

import io.livemodel.stream.StreamMetrics;
import io.livemodel.stream.Addresses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import java.util.HashSet;
import java.util.Set;

/**
 * One bridge socket: the addresses it registered, and the check of every frame it sends against the
 * {@link BridgePolicy} and the per-socket limits. Transport-agnostic (SockJS and TCP adapters feed
 * it). Not thread-safe: used on the socket's event loop only.
 */
final class BridgeSession {

  private final BridgePolicy policy;
  private final Set<String> registered = new HashSet<>();
  /** The transport named in stream metrics ({@link StreamMetrics#SOCKJS}, {@link StreamMetrics#TCP}); null: none. */
  private final String transport;
  private final SlowConsumers.Backlog backlog = new SlowConsumers.Backlog();
  private final SlowConsumers.Unsent unsent = new SlowConsumers.Unsent();
  private boolean slowDisconnected;
  /** Registrations that may receive only some changes (READ through $owner alone); usually empty. */
  private final java.util.Map<String, BridgeAccess.Grant> filtered = new java.util.HashMap<>();

  BridgeSession(BridgePolicy policy) {
    this(policy, null);
  }

  BridgeSession(BridgePolicy policy, String transport) {
    this.policy = policy;
    this.transport = transport;
  }

  /** The socket is gone: its registrations end (stream metrics). Call once. */
  void closed() {
    registered.forEach(address -> streams(address, false));
    registered.clear();
  }

  /** The socket is cut off for reading too slowly: each registration counts as a slow client's stream (metrics). */
  void slowClientDisconnected() {
    if (transport != null && !slowDisconnected) {
      slowDisconnected = true;
      registered.forEach(address -> StreamMetrics.current().slowClientDisconnected(
          address.substring(Addresses.CHANGES_PREFIX.length()), transport));
    }
  }

  /** A change sent to the client on a registered address (stream metrics). */
  void received(String address) {
    if (transport != null && registered.contains(address)) {
      StreamMetrics.current().delivered(address.substring(Addresses.CHANGES_PREFIX.length()), transport, 1);
    }
  }

  private void streams(String address, boolean opened) {
    if (transport != null) {
      String model = address.substring(Addresses.CHANGES_PREFIX.length());
      if (opened) {
        StreamMetrics.current().streamOpened(model, transport);
      } else {
        StreamMetrics.current().streamClosed(model, transport);
      }
    }
  }

  /**
   * Checks one client frame. Returns null when the bridge may go on with it (and then records a
   * registration or unregistration), or the refusal to send back (and nothing is recorded).
   * A frame without an address is left to the bridge, which answers {@code missing_address}.
   */
  Refusal check(BridgeEventType type, JsonObject frame) {
    if (!isClientRequest(type)) {
      return null;
    }
    int maxBytes = policy.config().maxMessageBytes();
    int size = frame.toBuffer().length();
    if (size > maxBytes) {
      return new Refusal(Refusal.MAX_MESSAGE_SIZE_EXCEEDED,
          "frame of " + size + " bytes refused: the limit is " + maxBytes + " bytes", null);
    }
    String address = frame.getValue("address") instanceof String s ? s : null;
    if (address == null) {
      return null;
    }
    int maxLength = policy.config().maxAddressLength();
    if (address.length() > maxLength) {
      return new Refusal(Refusal.MAX_ADDRESS_LENGTH_REACHED,
          "address of " + address.length() + " characters refused: the limit is " + maxLength, null);
    }
    return switch (type) {
      case REGISTER -> register(address);
      case UNREGISTER -> {
        if (registered.remove(address)) {
          streams(address, false);
        }
        filtered.remove(address);
        yield null;
      }
      case SEND -> send(address, frame);
      default -> policy.inboundDenied(address, true);
    };
  }

  /** TCP: the bytes queued to this socket past its full write queue ({@link SlowConsumers}). */
  SlowConsumers.Backlog backlog() {
    return backlog;
  }

  /** SockJS: the bytes written to this socket and not sent yet ({@link SlowConsumers}). */
  SlowConsumers.Unsent unsent() {
    return unsent;
  }

  /** Whether this socket has registered {@code address}. */
  boolean registered(String address) {
    return registered.contains(address);
  }

  /** Records what a registration that was allowed may receive. */
  void grant(String address, BridgeAccess.Grant grant) {
    if (grant.filter() != null) {
      filtered.put(address, grant);
    }
  }

  /** Undoes a registration that access control refused. */
  void revoke(String address) {
    if (registered.remove(address)) {
      streams(address, false);
    }
    filtered.remove(address);
  }

  /** Whether the socket may receive a message body on {@code address}: one map lookup when nothing is filtered. */
  boolean mayReceive(String address, Object body) {
    if (filtered.isEmpty()) {
      return true;
    }
    BridgeAccess.Grant grant = filtered.get(address);
    return grant == null || grant.admits(body);
  }

  /**
   * The body the socket receives on {@code address} for a message {@code body} (rewritten for a
   * relation registration: a member moved away arrives as its remove), or null when it receives
   * nothing. One map lookup when nothing is filtered.
   *
   * @param before the message's {@code before} header (JSON text), or null
   */
  Object receive(String address, Object body, String before) {
    BridgeAccess.Grant grant = filtered.isEmpty() ? null : filtered.get(address);
    return grant == null ? body : grant.deliver(body, before == null ? null : new JsonObject(before));
  }

  /** Addresses currently registered by this socket. */
  int handlerCount() {
    return registered.size();
  }

  private Refusal register(String address) {
    if (!policy.mayRegister(address)) {
      return policy.registerDenied(address);
    }
    if (registered.contains(address)) {
      return new Refusal(Refusal.ADDRESS_ALREADY_REGISTERED,
          address + " is already registered on this connection", address);
    }
    int max = policy.config().maxHandlersPerSocket();
    if (registered.size() >= max) {
      return new Refusal(Refusal.MAX_HANDLERS_REACHED,
          "cannot register " + address + ": a connection may register at most " + max + " addresses", address);
    }
    registered.add(address);
    streams(address, true);
    return null;
  }

  private Refusal send(String address, JsonObject frame) {
    if (!policy.maySend(address)) {
      return policy.inboundDenied(address, false);
    }
    if (!(frame.getValue("replyAddress") instanceof String)) {
      return new Refusal(Refusal.REPLY_ADDRESS_REQUIRED,
          "a request to " + address + " needs a reply handler (request-reply)", address);
    }
    return null;
  }

  private static boolean isClientRequest(BridgeEventType type) {
    return type == BridgeEventType.REGISTER || type == BridgeEventType.UNREGISTER
        || type == BridgeEventType.SEND || type == BridgeEventType.PUBLISH;
  }
}
