package io.livemodel.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/** A TCP event-bus bridge client: each frame is a 4-byte big-endian length, then that many bytes of JSON. */
final class TcpBridgeClient extends BridgeFrames {

  private final NetClient client;
  private final NetSocket socket;
  private Buffer pending = Buffer.buffer();

  private TcpBridgeClient(NetClient client, NetSocket socket) {
    this.client = client;
    this.socket = socket;
  }

  static TcpBridgeClient connect(Vertx vertx, String host, int port) {
    NetClient client = vertx.createNetClient();
    NetSocket socket = client.connect(port, host).await();
    TcpBridgeClient bridge = new TcpBridgeClient(client, socket);
    socket.handler(bridge::onData);
    return bridge;
  }

  private void onData(Buffer data) {
    pending.appendBuffer(data);
    while (pending.length() >= 4 && pending.length() >= 4 + pending.getInt(0)) {
      int length = pending.getInt(0);
      received(new JsonObject(pending.getString(4, 4 + length)));
      pending = pending.getBuffer(4 + length, pending.length());
    }
  }

  @Override
  void send(JsonObject frame) {
    byte[] json = frame.encode().getBytes(StandardCharsets.UTF_8);
    socket.write(Buffer.buffer().appendInt(json.length).appendBytes(json)).await();
  }

  @Override
  public void close() {
    client.close().await();
  }
}
