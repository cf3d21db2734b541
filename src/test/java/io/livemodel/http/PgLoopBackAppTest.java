package io.livemodel.http;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("A LoopBack 3 app folder served over REST, on PostgreSQL")
class PgLoopBackAppTest extends LoopBackAppTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
