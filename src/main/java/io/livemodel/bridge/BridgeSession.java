package io.livemodel.bridge;

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
  /** Registrations that may receive only some changes (READ through $owner alone); usually empty. */
  private final java.util.Map<String, BridgeAccess.Grant> filtered = new java.util.HashMap<>();

  BridgeSession(BridgePolicy policy) {
    this.policy = policy;
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
        registered.remove(address);
        filtered.remove(address);
        yield null;
      }
      case SEND -> send(address, frame);
      default -> policy.inboundDenied(address, true);
    };
  }

  /** Records what a registration that was allowed may receive. */
  void grant(String address, BridgeAccess.Grant grant) {
    if (grant.filter() != null) {
      filtered.put(address, grant);
    }
  }

  /** Undoes a registration that access control refused. */
  void revoke(String address) {
    registered.remove(address);
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
