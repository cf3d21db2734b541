package io.livemodel.relation;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Relation REST routes on PostgreSQL")
class PgRelationRoutesTest extends RelationRoutesTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
