package io.livemodel.relation;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of PostgreSQL that counts the statements clients send, read from the wire
 * protocol itself: every {@code Execute} ('E', extended protocol) and {@code Query} ('Q', simple
 * protocol) message from a client is one statement run by the server. Everything is forwarded
 * unchanged. For tests that must show how many statements a request costs.
 */
final class PgWireCounter implements AutoCloseable {

  private final AtomicInteger statements = new AtomicInteger();
  private final NetServer server;

  private PgWireCounter(NetServer server) {
    this.server = server;
  }

  /** Starts a proxy on a free port of 127.0.0.1 forwarding to {@code host:port}. */
  static PgWireCounter start(Vertx vertx, String host, int port) {
    NetClient client = vertx.createNetClient();
    NetServer server = vertx.createNetServer();
    PgWireCounter counter = new PgWireCounter(server);
    server.connectHandler(front -> {
      front.pause();
      client.connect(port, host).onComplete(done -> {
        if (done.failed()) {
          front.close();
          return;
        }
        NetSocket back = done.result();
        FrontendParser parser = new FrontendParser(counter.statements);
        front.handler(data -> {
          parser.feed(data);
          back.write(data);
        });
        back.handler(front::write);
        front.closeHandler(v -> back.close());
        back.closeHandler(v -> front.close());
        front.resume();
      });
    });
    server.listen(0, "127.0.0.1").await();
    return counter;
  }

  int port() {
    return server.actualPort();
  }

  /** Statements sent since the last reset. */
  int statements() {
    return statements.get();
  }

  void reset() {
    statements.set(0);
  }

  @Override
  public void close() {
    server.close().await();
  }

  /** Splits the client's byte stream into protocol messages: untyped start-up ones, then typed ones. */
  private static final class FrontendParser {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private final AtomicInteger statements;
    private Buffer pending = Buffer.buffer();
    private boolean startup = true;

    FrontendParser(AtomicInteger statements) {
      this.statements = statements;
    }

    void feed(Buffer data) {
      pending.appendBuffer(data);
      int pos = 0;
      while (true) {
        int header = startup ? 4 : 5;
        if (pending.length() - pos < header) {
          break;
        }
        int length = pending.getInt(pos + header - 4);
        int total = (startup ? 0 : 1) + length;
        if (pending.length() - pos < total) {
          break;
        }
        if (startup) {
          int code = pending.getInt(pos + 4);
          startup = code == SSL_REQUEST || code == GSS_REQUEST;
        } else {
          byte type = pending.getByte(pos);
          if (type == 'E' || type == 'Q') {
            statements.incrementAndGet();
          }
        }
        pos += total;
      }
      pending = pending.getBuffer(pos, pending.length());
    }
  }
}
