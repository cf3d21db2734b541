package io.livemodel.http;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The PersistedModel REST API on PostgreSQL")
class PgRestApiTest extends RestApiTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
