package io.livemodel.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a request line whose protocol is not HTTP/1.0 or HTTP/1.1 ({@code GET / HTTPS/1.1}) with
 * an HTTP/1.1 400 in LoopBack's error envelope, then closes the connection. Vert.x itself answers such
 * a request with a 501 in the request's own "protocol" ({@code HTTPS/1.1 501}), bytes no HTTP client
 * can read.
 *
 * <p>A Netty handler installed per HTTP/1.x connection right after the response encoder (Vert.x calls
 * the connection handler after the first request head is decoded, so that request is caught on its
 * way out: the 501 is replaced; later requests are caught on their way in). Nothing more is read or
 * written on a refused connection.
 */
final class ProtocolGuard extends ChannelDuplexHandler {

  private static final byte[] BODY = ("{\"error\":{\"statusCode\":400,\"name\":\"Error\",\"message\":"
      + "\"Unsupported protocol: only HTTP/1.0 and HTTP/1.1 are served\"}}").getBytes(StandardCharsets.UTF_8);

  private static final Logger LOG = Logger.getLogger(ProtocolGuard.class.getName());

  /** Its name in the pipeline (a change stream's connection drops it: {@link VertxInternals#slimForStream}). */
  static final String NAME = "livemodel-protocol-guard";

  private boolean refused;

  private ProtocolGuard() {
  }

  /** Installs the guard on an HTTP/1.x connection (others, e.g. HTTP/2, have no response encoder: left alone). */
  static void install(HttpConnection connection) {
    // A connection reset by its client is the client's doing: not worth more than a FINE line.
    connection.exceptionHandler(failure -> LOG.log(Level.FINE, "connection error: {0}", failure.getMessage()));
    ChannelPipeline pipeline = VertxInternals.pipeline(connection);
    if (pipeline == null) {
      return;
    }
    ChannelHandlerContext encoder = pipeline.context(HttpResponseEncoder.class);
    if (encoder != null && pipeline.get(ProtocolGuard.class) == null) {
      pipeline.addAfter(encoder.name(), NAME, new ProtocolGuard());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request && !supported(request.protocolVersion())) {
      ReferenceCountUtil.release(msg);
      refuse(ctx, ctx.newPromise());
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      promise.trySuccess();
      return;
    }
    if (msg instanceof HttpResponse response && !supported(response.protocolVersion())) {
      ReferenceCountUtil.release(msg);
      refuse(ctx, promise);
      return;
    }
    ctx.write(msg, promise);
  }

  private void refuse(ChannelHandlerContext ctx, ChannelPromise promise) {
    refused = true;
    FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
        Unpooled.wrappedBuffer(BODY));
    answer.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.JSON_TYPE)
        .set(HttpHeaderNames.CONTENT_LENGTH, BODY.length)
        .set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(answer, promise).addListener(ChannelFutureListener.CLOSE);
  }

  private static boolean supported(HttpVersion version) {
    return version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0
        || ("HTTP".equals(version.protocolName()) && version.majorVersion() == 1);
  }
}
