package io.livemodel.crud.access;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Access control of a LoopBack app folder (acl-app), on PostgreSQL")
class PgAclAppTest extends AclAppTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
