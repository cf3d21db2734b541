package io.livemodel.stream;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Nothing lost, on PostgreSQL")
class PgResumeTest extends ResumeTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
