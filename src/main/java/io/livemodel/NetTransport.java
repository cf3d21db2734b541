package io.livemodel;

import io.vertx.core.transport.Transport;
import java.util.Locale;

/**
 * The Netty transport a node's Vert.x runs on, from {@code LIVEMODEL_TRANSPORT}: {@code auto} (the
 * default) takes io_uring where the kernel allows it, else epoll, else NIO; {@code io_uring},
 * {@code epoll} or {@code nio} ask for one and fail the start when it is not available here. io_uring
 * is the default because it measured 9-13% less CPU per delivery and a 4-5x lower delivery p99 than
 * epoll at 1,000 streams x 100 writes/s on this project's 2-core machine (BENCHMARKS.md). The start-up
 * line names the transport in use, so a fallback is never silent.
 */
final class NetTransport {

  static final String ENV = "LIVEMODEL_TRANSPORT";

  private NetTransport() {
  }

  /** The transport {@code wanted} names ({@code null} or blank: {@code auto}). */
  static Transport choose(String wanted) {
    String name = wanted == null || wanted.isBlank() ? "auto" : wanted.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "auto" -> available(Transport.IO_URING) ? Transport.IO_URING
          : available(Transport.EPOLL) ? Transport.EPOLL : Transport.NIO;
      case "io_uring" -> require(Transport.IO_URING, name);
      case "epoll" -> require(Transport.EPOLL, name);
      case "nio" -> Transport.NIO;
      default -> throw new IllegalArgumentException(ENV + " must be auto, io_uring, epoll or nio, not " + wanted);
    };
  }

  /** The name the start-up line shows: {@code io_uring}, {@code epoll} or {@code nio}. */
  static String describe(Transport transport) {
    return transport == Transport.IO_URING ? "io_uring" : transport == Transport.EPOLL ? "epoll"
        : transport == Transport.NIO ? "nio" : transport.name();
  }

  private static boolean available(Transport transport) {
    return transport != null && transport.available();
  }

  private static Transport require(Transport transport, String name) {
    if (!available(transport)) {
      Throwable cause = transport == null ? null : transport.unavailabilityCause();
      throw new IllegalArgumentException(ENV + "=" + name + ": not available here"
          + (cause == null ? "" : " (" + cause + ")"));
    }
    return transport;
  }
}
