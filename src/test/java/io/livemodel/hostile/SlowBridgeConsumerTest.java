package io.livemodel.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.Probe;
import io.livemodel.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #14 finding 3: bridge clients that register and never read are disconnected. */
@DisplayName("Bridge clients that stop reading are cut off once their unsent bytes pass bridge.maxQueuedBytes")
class SlowBridgeConsumerTest {

  private static final long LIMIT = 256 * 1024;
  private static final int CHANGES = 1500;
  private static final String PAD = "p".repeat(10_000);

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = TestServer.builder().bodyLimit(16L * 1024 * 1024)
        .bridge(new BridgeConfig("/eventbus", TestServer.freePort(), "127.0.0.1", false, 10, 200, 65536, LIMIT))
        .build();
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  @Test
  @DisplayName("raw WebSocket and TCP clients that never read are disconnected; the server serves on, nothing is lost")
  void neverReading() throws Exception {
    long heapBefore = PatternAttackTest.liveHeap();
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      stalled.add(rawWebSocket());
      stalled.add(tcpBridge());
    }
    Probe probe = Probe.start(server.base() + "/api/Notes");
    for (int batch = 0; batch < CHANGES / 50; batch++) {
      JsonArray items = new JsonArray();
      for (int i = 0; i < 50; i++) {
        items.add(new JsonObject().put("pad", PAD).put("n", batch * 50 + i));
      }
      assertThat(api.post("/api/MyModels", items).status()).isEqualTo(200);
    }
    Probe.Result seen = probe.stop();
    for (Socket socket : stalled) {
      assertThat(disconnected(socket)).as("stalled client disconnected").isTrue();
      socket.close();
    }
    assertThat(seen.p99()).as("probe p99 (ms) of %s", seen.millis()).isLessThan(1000);
    assertThat(api.get("/api/MyModels/count").json().getInteger("count")).isEqualTo(CHANGES);
    assertThat(api.get("/api/MyModels/" + CHANGES).json().getString("pad")).isEqualTo(PAD);
    assertThat(PatternAttackTest.liveHeap() - heapBefore).isLessThan(100L * 1024 * 1024);
  }

  /** A WebSocket on /eventbus/websocket, registered on changes.MyModel, with a tiny receive buffer; it reads no more. */
  private Socket rawWebSocket() throws Exception {
    Socket socket = smallSocket(server.port());
    OutputStream out = socket.getOutputStream();
    out.write(("GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead(socket.getInputStream());
    assertThat(head).startsWith("HTTP/1.1 101");
    out.write(maskedText("{\"type\":\"register\",\"address\":\"changes.MyModel\"}"));
    out.flush();
    awaitRegistered();
    return socket;
  }

  /** A TCP bridge connection registered on changes.MyModel that reads no more. */
  private Socket tcpBridge() throws Exception {
    Socket socket = smallSocket(server.config.bridge().tcpPort());
    byte[] json = "{\"type\":\"register\",\"address\":\"changes.MyModel\"}".getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(Buffer.buffer().appendInt(json.length).appendBytes(json).getBytes());
    socket.getOutputStream().flush();
    awaitRegistered();
    return socket;
  }

  static Socket smallSocket(int port) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Registration is asynchronous and acknowledged by nothing: a short pause lets it land. */
  private static void awaitRegistered() throws InterruptedException {
    Thread.sleep(200);
  }

  static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    return head.toString();
  }

  /** Reads what the server had sent: true if it then closed (EOF or reset), false if it kept sending for 10 s. */
  static boolean disconnected(Socket socket) throws Exception {
    byte[] buffer = new byte[65536];
    // Shorter than the bridge's 10 s ping timeout, which would close a silent client anyway.
    socket.setSoTimeout(3_000);
    long[] total = {0};
    try {
      InputStream in = socket.getInputStream();
      for (int n; (n = in.read(buffer)) != -1; ) {
        total[0] += n;
        if (total[0] > 64L * 1024 * 1024) {
          return false;
        }
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  static byte[] maskedText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    Buffer frame = Buffer.buffer().appendByte((byte) 0x81).appendByte((byte) (0x80 | payload.length)).appendBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.appendByte((byte) (payload[i] ^ mask[i % 4]));
    }
    return frame.getBytes();
  }
}
