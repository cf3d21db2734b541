package io.livemodel.relation;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.TestServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Relation change streams on PostgreSQL")
class PgRelationStreamTest extends RelationStreamTest {

  @Override
  protected TestServer.Builder builder() {
    return PgServers.builder();
  }
}
