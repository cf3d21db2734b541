package io.livemodel.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;

/**
 * Bytes written unchanged to many streams (an encoded change, a heartbeat): the data, and the same
 * data framed once as an HTTP/1.1 chunk in direct memory, which every connection writes as a
 * {@link ByteBuf#duplicate() duplicate} — no copy and no framing per connection.
 *
 * <p>The framed buffer is made with the object (a final field: a constant like the heartbeat is
 * safely shared by every event loop) and never released: its memory belongs to the garbage
 * collector ({@link ByteBuffer#allocateDirect}), and the duplicates handed to Netty are
 * unreleasable, so no reference count is shared between event loops or outlives a write.
 */
final class SharedChunk {

  private final Buffer data;
  private final ByteBuf chunk;

  SharedChunk(Buffer data) {
    this.data = data;
    if (data.length() == 0 || !VertxInternals.directWritesLinked()) {
      // Nothing to frame, or no direct writes on this Vert.x: only data() is ever written.
      chunk = Unpooled.EMPTY_BUFFER;
    } else {
      ByteBuf direct = Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(framedLength(data.length())));
      direct.clear();
      chunk = Unpooled.unreleasableBuffer(frame(direct, data));
    }
  }

  static SharedChunk of(String text) {
    return new SharedChunk(Buffer.buffer(text));
  }

  Buffer data() {
    return data;
  }

  int length() {
    return data.length();
  }

  /** A fresh view of the framed chunk for one write (its own reader index, the same memory). */
  ByteBuf chunkForWrite() {
    return chunk.duplicate();
  }

  /** Bytes {@code data} takes framed as one chunk. */
  static int framedLength(int dataLength) {
    return Integer.toHexString(dataLength).length() + dataLength + 4;
  }

  /** Appends {@code data} as one HTTP/1.1 chunk: hex size, CRLF, data, CRLF. {@code data} must not be empty. */
  static ByteBuf frame(ByteBuf target, Buffer data) {
    ByteBuf bytes = VertxInternals.byteBuf(data);
    String size = Integer.toHexString(bytes.readableBytes());
    for (int i = 0; i < size.length(); i++) {
      target.writeByte(size.charAt(i));
    }
    return target.writeByte('\r').writeByte('\n').writeBytes(bytes).writeByte('\r').writeByte('\n');
  }
}
