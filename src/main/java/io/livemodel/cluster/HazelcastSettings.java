package io.livemodel.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.livemodel.config.ClusterConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Hazelcast configuration of a LiveModel node, made programmatically from
 * {@link ConfigUtil#loadConfig()} (which keeps the maps the Vert.x cluster manager needs:
 * {@code __vertx.subs}, {@code __vertx.haInfo}, {@code __vertx.nodeInfo}) plus our settings:
 * TCP-IP join on the configured members, multicast and auto-detection off, phone-home off, no
 * start-up wait before joining.
 *
 * <p>A member written {@code host} probes the three ports from {@link ClusterConfig#port()}; a member
 * written {@code host:port} names one port (port ranges such as {@code host:5701-5703} are rejected by
 * Hazelcast at start-up: list the ports one by one).
 */
public final class HazelcastSettings {


  /** Interface values meaning "every interface": Hazelcast then binds to all of them. */
  private static final String ANY_INTERFACE = "0.0.0.0";

  private HazelcastSettings() {
  }

  /** The configuration for {@code cluster}. */
  public static Config of(ClusterConfig cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(hazelcastClusterName(cluster));
    // Joining is driven by the member list; the default 5 s wait only delays every start.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.phone.home.enabled", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    String iface = cluster.interfaceAddress();
    boolean bindOne = iface != null && !iface.isBlank() && !iface.equals(ANY_INTERFACE);
    config.setProperty("hazelcast.socket.bind.any", Boolean.toString(!bindOne));
    network.getInterfaces().setEnabled(bindOne);
    if (bindOne) {
      network.getInterfaces().addInterface(iface);
    }

    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return config;
  }

  /**
   * The name Hazelcast checks when a member joins: the cluster's name, and with a secret, the name
   * followed by a digest of name and secret, so that a node without the secret is refused at join
   * (Hazelcast rejects a member whose cluster name differs). The secret itself never travels.
   */
  static String hazelcastClusterName(ClusterConfig cluster) {
    if (cluster.secret() == null) {
      return cluster.name();
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((cluster.name() + "\n" + cluster.secret()).getBytes(StandardCharsets.UTF_8));
      return cluster.name() + "-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
