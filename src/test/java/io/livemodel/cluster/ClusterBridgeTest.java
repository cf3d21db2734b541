package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.bridge.WsBridgeClient;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The event-bus bridge in a cluster: a bridge client on node B receives changes written on node A")
class ClusterBridgeTest {

  private TestCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @DisplayName("once its registration has spread, every change written on A reaches the bridge client on B, in order")
  void bridgeAcrossNodes() {
    cluster = new TestCluster();
    TestServer a = cluster.startNode();
    TestServer b = cluster.startNode();
    cluster.awaitMembers(2);
    try (WsBridgeClient onB = WsBridgeClient.connect(b); Api toA = new Api(cluster.clients, a.base())) {
      onB.registerAndSync("changes.MyModel");
      // A bridge registration spreads through the cluster asynchronously: write until one arrives.
      JsonObject first = null;
      for (int i = 0; i < 50 && first == null; i++) {
        toA.post("/api/MyModels", new JsonObject().put("probe", i));
        first = onB.pollWithin(200);
      }
      assertThat(first).as("a change written on A reached the bridge client on B").isNotNull();
      onB.drainWithin(300);
      for (int i = 1; i <= 5; i++) {
        toA.post("/api/MyModels", new JsonObject().put("n", i));
      }
      for (int i = 1; i <= 5; i++) {
        JsonObject frame = onB.next();
        assertThat(frame.getString("address")).isEqualTo("changes.MyModel");
        assertThat(frame.getJsonObject("body").getString("type")).isEqualTo("create");
        assertThat(frame.getJsonObject("body").getJsonObject("data").getInteger("n")).isEqualTo(i);
      }
    }
  }
}
