package io.livemodel.relation;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("include over REST on PostgreSQL")
class PgIncludeRestTest extends IncludeRestTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
