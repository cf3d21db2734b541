package io.livemodel.crud.access;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Hostile credentials and tokens, on PostgreSQL")
class PgCredentialAbuseTest extends CredentialAbuseTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
