package io.livemodel.ops;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 for outage tests: {@link #cut()} closes the listening socket and every
 * forwarded connection (clients then get "connection refused"), {@link #restore()} listens again on
 * the same port. The database behind it is never touched.
 */
final class TcpProxy implements AutoCloseable {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  /** A proxy on a Vert.x of its own, closed with it. */
  TcpProxy(String targetHost, int targetPort) {
    this.vertx = Vertx.vertx();
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Starts listening on a free port (or the port it had) and returns it. */
  int restore() {
    server = vertx.createNetServer().connectHandler(this::forward);
    port = server.listen(port, "127.0.0.1").await().actualPort();
    return port;
  }

  void cut() {
    server.close().await();
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  private void forward(NetSocket in) {
    in.pause();
    sockets.add(in);
    client.connect(targetPort, targetHost).onComplete(result -> {
      if (result.failed()) {
        in.close();
        return;
      }
      NetSocket out = result.result();
      sockets.add(out);
      in.pipeTo(out);
      out.pipeTo(in);
      in.closeHandler(v -> out.close());
      out.closeHandler(v -> in.close());
      in.resume();
    });
  }

  @Override
  public void close() {
    if (server != null) {
      cut();
    }
    vertx.close().await();
  }
}
