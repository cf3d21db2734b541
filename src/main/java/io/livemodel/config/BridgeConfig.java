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
 */
public record BridgeConfig(
    String sockJsPath,
    int tcpPort,
    String tcpHost,
    boolean inboundCrud,
    int maxHandlersPerSocket,
    int maxAddressLength,
    int maxMessageBytes) {

  public static BridgeConfig defaults() {
    return new BridgeConfig("/eventbus", 0, "127.0.0.1", false, 100, 200, 64 * 1024);
  }
}
