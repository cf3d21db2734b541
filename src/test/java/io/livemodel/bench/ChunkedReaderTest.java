package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ChunkedReader: the load generator's HTTP/1.1 response reader")
class ChunkedReaderTest {

  private static final class Seen implements ChunkedReader.Body {
    final List<Integer> statuses = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int ends;

    @Override
    public void onHead(int status) {
      statuses.add(status);
    }

    @Override
    public void onBody(byte[] bytes, int from, int to) {
      body.write(bytes, from, to - from);
    }

    @Override
    public void onEnd() {
      ends++;
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  private static final String CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n"
      + "5\r\n:ok\n\n\r\n"
      + "1b;name=value\r\nid: 1\nevent: data\ndata: {}\n\r\n"
      + "A\r\n0123456789\r\n"
      + "0\r\nTrailer: x\r\n\r\n";

  private static final String BODY = ":ok\n\nid: 1\nevent: data\ndata: {}\n0123456789";

  @Test
  @DisplayName("status, chunk sizes in hex with extensions, data, last chunk and trailers")
  void whole() {
    Seen seen = new Seen();
    ChunkedReader reader = new ChunkedReader(seen);
    byte[] bytes = ChunkedReader.ascii(CHUNKED);
    reader.feed(bytes, 0, bytes.length);
    assertThat(seen.statuses).containsExactly(200);
    assertThat(seen.text()).isEqualTo(BODY);
    assertThat(seen.ends).isEqualTo(1);
    assertThat(reader.ended()).isTrue();
  }

  @Test
  @DisplayName("the same bytes cut anywhere, byte by byte or at random, give the same body")
  void anyCuts() {
    byte[] bytes = ChunkedReader.ascii(CHUNKED);
    Random random = new Random(7);
    for (int run = 0; run < 500; run++) {
      Seen seen = new Seen();
      ChunkedReader reader = new ChunkedReader(seen);
      int from = 0;
      while (from < bytes.length) {
        int to = run == 0 ? from + 1 : Math.min(bytes.length, from + 1 + random.nextInt(12));
        reader.feed(bytes, from, to);
        from = to;
      }
      assertThat(seen.statuses).containsExactly(200);
      assertThat(seen.text()).as("run %d", run).isEqualTo(BODY);
      assertThat(seen.ends).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a body without chunked coding runs to the connection's end; error statuses are reported")
  void rawAndStatus() {
    Seen seen = new Seen();
    ChunkedReader reader = new ChunkedReader(seen);
    byte[] bytes = ChunkedReader.ascii("HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\nnope 0\r\n");
    reader.feed(bytes, 0, bytes.length);
    assertThat(seen.statuses).containsExactly(404);
    assertThat(seen.text()).isEqualTo("nope 0\r\n");
    assertThat(seen.ends).isZero();
  }

  @Test
  @DisplayName("broken framing fails loudly instead of reading garbage as events")
  void broken() {
    ChunkedReader reader = new ChunkedReader(new Seen());
    byte[] bytes = ChunkedReader.ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX");
    assertThatThrownBy(() -> reader.feed(bytes, 0, bytes.length)).hasMessageContaining("CRLF");
    byte[] notHttp = ChunkedReader.ascii("SSH-2.0-OpenSSH\r\n\r\n");
    assertThatThrownBy(() -> new ChunkedReader(new Seen()).feed(notHttp, 0, notHttp.length))
        .hasMessageContaining("not an HTTP/1.x response");
  }
}
