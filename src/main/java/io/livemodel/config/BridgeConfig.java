package io.livemodel.config;

/**
 * The event-bus bridges.
 *
 * @param sockJsPath the SockJS bridge path on the HTTP server ({@code /eventbus}); null turns it off
 * @param tcpPort the TCP event-bus bridge port; 0 turns it off (the default)
 * @param tcpHost the TCP bridge's interface
 * @param inboundCrud whether bridge clients may send CRUD requests (request-reply); off by default
 * @param maxHandlersPerSocket the most addresses one bridge socket may register
 * @param maxAddressLength the longest address a bridge client may name
 * @param maxMessageBytes the largest frame a bridge client may send
 * @param maxQueuedBytes how many bytes may wait unsent on a bridge connection (a client that does not
 *     read) before the server disconnects it
 */
public record BridgeConfig(
    String sockJsPath,
    int tcpPort,
    String tcpHost,
    boolean inboundCrud,
    int maxHandlersPerSocket,
    int maxAddressLength,
    int maxMessageBytes,
    long maxQueuedBytes) {

  /** The default slow-consumer cutoff, as for change streams' {@code stream.maxQueuedBytes}. */
  public static final long DEFAULT_MAX_QUEUED_BYTES = 4L * 1024 * 1024;

  /** A configuration with the default {@code maxQueuedBytes}. */
  public BridgeConfig(String sockJsPath, int tcpPort, String tcpHost, boolean inboundCrud, int maxHandlersPerSocket,
                      int maxAddressLength, int maxMessageBytes) {
    this(sockJsPath, tcpPort, tcpHost, inboundCrud, maxHandlersPerSocket, maxAddressLength, maxMessageBytes,
        DEFAULT_MAX_QUEUED_BYTES);
  }

  public static BridgeConfig defaults() {
    return new BridgeConfig("/eventbus", 0, "127.0.0.1", false, 100, 200, 64 * 1024);
  }
}
