package io.livemodel.http;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Change streams on PostgreSQL")
class PgChangeStreamTest extends ChangeStreamTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
