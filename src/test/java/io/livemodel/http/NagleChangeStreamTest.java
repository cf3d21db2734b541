package io.livemodel.http;

import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

/**
 * Every change-stream scenario again with {@code stream.tcpNoDelay} false: Nagle's algorithm on the
 * streams' sockets changes when the kernel sends, never what a client receives. (That the socket
 * option is set is {@link VertxInternalsTest#streamSocketNagle}'s.)
 */
@DisplayName("Change streams with stream.tcpNoDelay false (Nagle's algorithm on the streams' sockets)")
class NagleChangeStreamTest extends ChangeStreamTest {

  @Override
  protected TestServer.Builder builder() {
    return TestServer.builder().streamTcpNoDelay(false);
  }
}
