package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SharedChunk: data framed once as an HTTP/1.1 chunk")
class SharedChunkTest {

  @Test
  @DisplayName("hex size line, data, CRLF, at every size where the hex size gains a digit")
  void framing() {
    for (int size : new int[] {1, 9, 10, 15, 16, 17, 255, 256, 4095, 4096, 65535, 65536, 100_000}) {
      String data = "x".repeat(size - 1) + "\n";
      SharedChunk chunk = new SharedChunk(Buffer.buffer(data));
      ByteBuf framed = chunk.chunkForWrite();
      String expected = Integer.toHexString(size) + "\r\n" + data + "\r\n";
      assertThat(framed.toString(StandardCharsets.ISO_8859_1)).as("size %d", size).isEqualTo(expected);
      assertThat(SharedChunk.framedLength(size)).isEqualTo(expected.length());
      assertThat(framed.isDirect()).isTrue();
    }
  }

  @Test
  @DisplayName("each write gets its own view of one buffer: reading one leaves the others whole; releasing is a no-op")
  void sharedViews() {
    SharedChunk chunk = SharedChunk.of("id: 1\nevent: data\ndata: {}\n\n");
    ByteBuf first = chunk.chunkForWrite();
    ByteBuf second = chunk.chunkForWrite();
    first.skipBytes(first.readableBytes());
    assertThat(first.release()).isFalse();
    assertThat(second.readableBytes()).isEqualTo(SharedChunk.framedLength(chunk.length()));
    assertThat(chunk.chunkForWrite().toString(StandardCharsets.UTF_8)).startsWith("1c\r\nid: 1\n");
  }

  @Test
  @DisplayName("empty data frames as nothing (a zero-size chunk would end the response)")
  void empty() {
    assertThat(new SharedChunk(Buffer.buffer()).chunkForWrite().readableBytes()).isZero();
  }
}
