package io.livemodel.crud.access;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("No secret escapes, on PostgreSQL")
class PgNoSecretEscapesTest extends NoSecretEscapesTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
