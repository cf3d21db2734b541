package io.livemodel.bridge;

import io.livemodel.crud.access.AccessControl;
import io.livemodel.config.BridgeConfig;
import io.livemodel.crud.relations.RelationRoutes;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.stream.Addresses;
import io.vertx.ext.bridge.PermittedOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What bridge clients may do, the same for the SockJS and the TCP bridge:
 * <ul>
 *   <li>register (receive) only {@code changes.<Model>} for a public model with a data source;</li>
 *   <li>send nothing, unless {@link BridgeConfig#inboundCrud()}: then request-reply {@code send} to
 *       {@code crud.<Model>} (see {@link BridgeCrud}); never {@code publish};</li>
 *   <li>within the per-socket limits of {@link BridgeConfig}.</li>
 * </ul>
 * Immutable and thread-safe; the per-socket state lives in {@link BridgeSession}.
 */
final class BridgePolicy {

  private final BridgeConfig config;
  private final Set<String> changeAddresses;
  private final Set<String> crudAddresses;
  private final String modelNames;

  private final BridgeAccess access;

  /** A policy without access control (every model open). */
  BridgePolicy(ModelRegistry models, BridgeConfig config) {
    this(models, config, null);
  }

  /** @param access the node's access control (model acls, tokens), or null for none */
  BridgePolicy(ModelRegistry models, BridgeConfig config, AccessControl access) {
    this(models, config, access, null);
  }

  /**
   * @param access the node's access control (model acls, tokens), or null for none
   * @param relations the relation routes relation registrations are resolved with, or null to refuse
   *     them (the TCP bridge: it forwards every message unfiltered)
   */
  BridgePolicy(ModelRegistry models, BridgeConfig config, AccessControl access, RelationRoutes relations) {
    this.config = config;
    this.access = new BridgeAccess(access, models, relations);
    Set<String> changes = new LinkedHashSet<>();
    Set<String> crud = new LinkedHashSet<>();
    for (ModelDefinition model : models.publicModels()) {
      if (!model.attached()) {
        continue; // no data source: LoopBack's routes fail, so there is nothing to offer
      }
      changes.add(Addresses.changes(model.name()));
      crud.add(Addresses.bridgeCrud(model.name()));
    }
    this.changeAddresses = Collections.unmodifiableSet(changes);
    this.crudAddresses = config.inboundCrud() ? Collections.unmodifiableSet(crud) : Set.of();
    this.modelNames = models.publicModels().stream().map(ModelDefinition::name).collect(Collectors.joining(", "));
  }

  BridgeConfig config() {
    return config;
  }

  BridgeAccess access() {
    return access;
  }

  /** The addresses clients may register, as the bridges' own (second) line of defence. */
  List<PermittedOptions> outboundPermitted() {
    return permitted(changeAddresses);
  }

  /** The addresses clients may send to: none unless inbound CRUD is on. */
  List<PermittedOptions> inboundPermitted() {
    return permitted(crudAddresses);
  }

  boolean mayRegister(String address) {
    return changeAddresses.contains(address);
  }

  boolean maySend(String address) {
    return crudAddresses.contains(address);
  }

  /** The refusal for registering an address that is not a change address of a served model. */
  Refusal registerDenied(String address) {
    String reason = address.startsWith(Addresses.CHANGES_PREFIX)
        ? "there is no model " + address.substring(Addresses.CHANGES_PREFIX.length())
        : "only change addresses changes.<Model> may be registered";
    return new Refusal(Refusal.ACCESS_DENIED,
        "cannot register " + address + ": " + reason + " (models: " + modelNames + ")", address);
  }

  /** The refusal for a {@code send} or {@code publish} the policy does not permit. */
  Refusal inboundDenied(String address, boolean publish) {
    String reason;
    if (crudAddresses.isEmpty()) {
      reason = "this bridge accepts no inbound messages";
    } else if (publish && crudAddresses.contains(address)) {
      reason = "CRUD requests are request-reply: use send with a reply handler";
    } else {
      reason = "inbound messages may go only to crud.<Model>";
    }
    return new Refusal(Refusal.ACCESS_DENIED,
        "cannot " + (publish ? "publish" : "send") + " to " + address + ": " + reason, address);
  }

  private static List<PermittedOptions> permitted(Set<String> addresses) {
    List<PermittedOptions> list = new ArrayList<>();
    for (String address : addresses) {
      list.add(new PermittedOptions().setAddress(address));
    }
    return list;
  }
}
