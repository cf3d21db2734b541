package io.livemodel.bridge;

import io.livemodel.testing.TestServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

/**
 * A bridge client over the SockJS handler's raw WebSocket transport ({@code /eventbus/websocket}):
 * each client frame is one JSON text message; the server answers in binary messages of JSON.
 */
public final class WsBridgeClient extends BridgeFrames {

  private final WebSocketClient client;
  private final WebSocket socket;
  private volatile boolean closed;

  private WsBridgeClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
  }

  public static WsBridgeClient connect(TestServer server) {
    return connect(server, "/eventbus/websocket");
  }

  static WsBridgeClient connect(TestServer server, String path) {
    WebSocketClient client = server.vertx.createWebSocketClient();
    WebSocket socket = client.connect(server.port(), "127.0.0.1", path).await();
    WsBridgeClient bridge = new WsBridgeClient(client, socket);
    socket.binaryMessageHandler(buffer -> bridge.received(buffer.toJsonObject()));
    socket.textMessageHandler(text -> bridge.received(new JsonObject(text)));
    socket.closeHandler(v -> bridge.closed = true);
    return bridge;
  }

  @Override
  void send(JsonObject frame) {
    socket.writeTextMessage(frame.encode()).await();
  }

  /** Sends raw text (e.g. an oversized frame). */
  void sendText(String text) {
    socket.writeTextMessage(text).await();
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    client.close().await();
  }
}
