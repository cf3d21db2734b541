package io.livemodel.crud.access;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("hidden and protected properties, on PostgreSQL")
class PgHiddenPropertiesTest extends HiddenPropertiesTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
