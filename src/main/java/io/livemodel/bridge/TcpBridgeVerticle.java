package io.livemodel.bridge;

import io.livemodel.crud.access.AccessControl;
import io.livemodel.config.BridgeConfig;
import io.livemodel.crud.ModelOperations;
import io.livemodel.model.ModelRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;

/**
 * The TCP event-bus bridge ({@code vertx-tcp-eventbus-bridge}) on
 * {@link BridgeConfig#tcpHost()}:{@link BridgeConfig#tcpPort()}, with the SockJS bridge's
 * permissions and limits ({@link BridgePolicy}). Deploy one instance, only when the port is set;
 * {@link #start()} completes when it listens, undeploying closes it and its connections.
 */
public final class TcpBridgeVerticle extends VerticleBase {

  private final ModelRegistry models;
  private final ModelOperations operations;
  private final BridgeConfig config;
  private TcpEventBusBridge bridge;

  private final AccessControl access;
  private final HardClose hardClose;

  /**
   * @param access the node's access control (bridge registrations and CRUD requests are decided with it)
   * @param hardClose closes a connection cut off for reading too slowly ({@link SlowConsumers})
   */
  public TcpBridgeVerticle(ModelRegistry models, ModelOperations operations, BridgeConfig config, AccessControl access,
                           HardClose hardClose) {
    this.access = access;
    this.hardClose = hardClose;
    this.models = models;
    this.operations = operations;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    BridgePolicy policy = new BridgePolicy(models, config, access);
    BridgeLogFilter.install();
    BridgeOptions options = new BridgeOptions()
        .setOutboundPermitteds(policy.outboundPermitted())
        .setInboundPermitteds(policy.inboundPermitted());
    NetServerOptions server = new NetServerOptions().setTcpNoDelay(true).setTcpKeepAlive(true);
    bridge = TcpEventBusBridge.create(vertx, options, server, new TcpBridgeEvents(vertx, policy, hardClose));
    if (config.inboundCrud()) {
      BridgeCrud.register(vertx, models, operations, access);
    }
    return bridge.listen(config.tcpPort(), config.tcpHost());
  }

  @Override
  public Future<?> stop() {
    return bridge == null ? Future.succeededFuture() : bridge.close();
  }
}
