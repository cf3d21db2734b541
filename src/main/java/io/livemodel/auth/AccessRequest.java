package io.livemodel.auth;

import java.util.List;

/**
 * What is being accessed, as LoopBack's {@code AccessRequest}: a model, a property (the method name,
 * or {@code "*"}), an access type, and the method's names (aliases plus name) that an ACL
 * {@code property} may equal.
 */
public record AccessRequest(String model, String property, AccessType accessType, List<String> methodNames) {

  public AccessRequest {
    model = model == null || model.isEmpty() ? AclEntry.ALL : model;
    property = property == null || property.isEmpty() ? AclEntry.ALL : property;
    accessType = accessType == null ? AccessType.ALL : accessType;
    methodNames = methodNames == null ? List.of() : List.copyOf(methodNames);
  }

  /** The request for calling {@code method} on {@code model}. */
  public static AccessRequest forMethod(String model, RemoteMethod method) {
    return new AccessRequest(model, method.name(), method.accessType(), method.names());
  }

  /** A request without method names (LoopBack's {@code checkPermission} and direct resolution). */
  public static AccessRequest of(String model, String property, AccessType accessType) {
    return new AccessRequest(model, property, accessType, List.of());
  }

  /** LoopBack's {@code isWildcard()}: any of model, property or accessType is {@code *}. */
  public boolean isWildcard() {
    return AclEntry.ALL.equals(model) || AclEntry.ALL.equals(property) || accessType == AccessType.ALL;
  }

  /**
   * LoopBack's {@code exactlyMatches(acl)}: same model and access type, and the entry's property is
   * the requested property or one of the method's names.
   */
  public boolean exactlyMatches(AclEntry acl) {
    if (!acl.model().equals(model) || acl.accessType() != accessType) {
      return false;
    }
    return acl.property().equals(property) || methodNames.contains(acl.property());
  }
}
