package io.livemodel.cluster;

import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a cluster on one store: every node writes its store's identity into a cluster-wide map when
 * it starts, and refuses to join when a current member uses another store. Without it, a node on
 * another database (or schema) would publish change sequences the others cannot place, and its
 * clients would see another data set than the rest of the cluster's.
 */
public final class StoreGuard {

  static final String MAP = "livemodel.stores";

  private StoreGuard() {
  }

  /** Registers this node's store; fails, naming both, when a member of the cluster uses another store. */
  public static Future<Void> requireSameStore(Node node, String storeIdentity) {
    String self = node.clusterManager().getNodeId();
    return node.vertx().sharedData().<String, String>getAsyncMap(MAP).compose(map -> map.put(self, storeIdentity)
        .compose(v -> map.entries())
        .compose(entries -> node.vertx().executeBlocking(() -> new HashSet<>(node.clusterManager().getNodes()), false)
            .compose(members -> check(map, self, storeIdentity, entries, members))));
  }

  private static Future<Void> check(AsyncMap<String, String> map, String self, String storeIdentity,
                                    Map<String, String> entries, Set<String> members) {
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (!entry.getKey().equals(self) && members.contains(entry.getKey()) && !entry.getValue().equals(storeIdentity)) {
        String message = "refusing to join the cluster: its node " + entry.getKey() + " uses store "
            + entry.getValue() + ", this node store " + storeIdentity + "; every node of a cluster must use the "
            + "same PostgreSQL database and schema (DATABASE_URL, LIVEMODEL_PG_SCHEMA)";
        return map.remove(self).transform(ignored -> Future.failedFuture(new IllegalStateException(message)));
      }
    }
    return Future.succeededFuture();
  }

  /** Removes this node's entry (it leaves the cluster). */
  public static Future<Void> leave(Node node) {
    String self = node.clusterManager().getNodeId();
    return node.vertx().sharedData().<String, String>getAsyncMap(MAP).compose(map -> map.remove(self)).mapEmpty();
  }
}
