package io.livemodel.auth;

import static io.livemodel.auth.Acls.role;
import static io.livemodel.auth.Acls.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LoopBack 3.28's own ACL cases (loopback/test/acl.test.js), restated as tables: the same ACLs, the
 * same requests, the same expected permissions.
 */
@DisplayName("AclResolver resolves as LoopBack's acl.test.js expects")
class AclResolverTest {

  // acl.test.js "should honor static ACLs from the model": property-level ACLs on `name`,
  // model-level ACLs for u001, u002 (EXECUTE ALLOW) and u003 (EXECUTE DENY).
  private static final ModelAcls CUSTOMER_STATIC = new ModelAcls("Customer",
      List.of(user("Customer", null, "*", "u001", "ALLOW"),
          user("Customer", null, "EXECUTE", "u002", "ALLOW"),
          user("Customer", null, "EXECUTE", "u003", "DENY")),
      Map.of("name", List.of(user("Customer", "name", "WRITE", "u001", "DENY"),
          user("Customer", "name", "*", "u001", "ALLOW"))),
      Permission.DEFAULT);

  // "should honor defaultPermission from the model": the same property-level ACLs, default DENY.
  private static final ModelAcls CUSTOMER_DEFAULT_DENY = new ModelAcls("Customer",
      List.of(user("Customer", null, "*", "u001", "ALLOW")),
      CUSTOMER_STATIC.propertyEntries(), Permission.DENY);

  // "should allow access to models by exception": three ACL rows.
  private static final List<AclEntry> EXCEPTION_ROWS = List.of(
      user("testModel", "*", "*", "u001", "DENY"),
      user("testModel", "*", "READ", "u001", "ALLOW"),
      user("testModel", "*", "EXECUTE", "u002", "ALLOW"));

  // "should allow access to models for the given principal by wildcard": rows on the built-in User.
  private static final List<AclEntry> USER_WILDCARD_ROWS = List.of(
      user("User", "*", "*", "u001", "ALLOW"),
      user("User", "*", "READ", "u001", "DENY"));

  // "should allow access to models for the given scope": SCOPE rows.
  private static final List<AclEntry> SCOPE_ROWS = List.of(
      Acls.acl("testModel", "name", "READ", "SCOPE", "s1", "ALLOW"),
      Acls.acl("testModel", "name", "WRITE", "SCOPE", "s1", "DENY"));

  static Stream<Arguments> checkPermissionCases() {
    ModelAcls testModel = ModelAcls.open("testModel");
    ModelAcls builtinUser = ModelAcls.of("User", BuiltinAcls.user("User"));
    List<AclEntry> u001AllowsAll = List.of(user("testModel", "*", "*", "u001", "ALLOW"));
    return Stream.of(
        c("checkPermission: a USER row allowing everything allows u001 on name", "USER", "u001", testModel,
            "name", "*", u001AllowsAll, "ALLOW"),
        c("by exception: u001 READ on name is allowed", "USER", "u001", testModel, "name", "READ", EXCEPTION_ROWS, "ALLOW"),
        c("by exception: u001 READ on * is allowed", "USER", "u001", testModel, "*", "READ", EXCEPTION_ROWS, "ALLOW"),
        c("by exception: u001 WRITE on name is denied", "USER", "u001", testModel, "name", "WRITE", EXCEPTION_ROWS, "DENY"),
        c("by exception: u001 * on name is denied", "USER", "u001", testModel, "name", "*", EXCEPTION_ROWS, "DENY"),
        c("by exception: u002's EXECUTE row allows WRITE", "USER", "u002", testModel, "name", "WRITE", EXCEPTION_ROWS, "ALLOW"),
        c("by exception: u002's EXECUTE row allows READ", "USER", "u002", testModel, "name", "READ", EXCEPTION_ROWS, "ALLOW"),
        c("principal wildcard: u001 READ on User.name is denied", "USER", "u001", builtinUser, "name", "READ",
            USER_WILDCARD_ROWS, "DENY"),
        c("principal wildcard: u001 * on User.name is denied", "USER", "u001", builtinUser, "name", "*",
            USER_WILDCARD_ROWS, "DENY"),
        c("defaultPermission DENY: u001 WRITE on name is denied", "USER", "u001", CUSTOMER_DEFAULT_DENY, "name",
            "WRITE", List.of(), "DENY"),
        c("defaultPermission DENY: u001 READ on name is allowed", "USER", "u001", CUSTOMER_DEFAULT_DENY, "name",
            "READ", List.of(), "ALLOW"),
        c("defaultPermission DENY: u002 WRITE on name is denied", "USER", "u002", CUSTOMER_DEFAULT_DENY, "name",
            "WRITE", List.of(), "DENY"),
        c("static ACLs: u001 WRITE on name is denied", "USER", "u001", CUSTOMER_STATIC, "name", "WRITE", List.of(), "DENY"),
        c("static ACLs: u001 READ on name is allowed", "USER", "u001", CUSTOMER_STATIC, "name", "READ", List.of(), "ALLOW"),
        c("static ACLs: u001 * on name is allowed", "USER", "u001", CUSTOMER_STATIC, "name", "*", List.of(), "ALLOW"),
        c("static ACLs: u002 READ on name is allowed", "USER", "u002", CUSTOMER_STATIC, "name", "READ", List.of(), "ALLOW"),
        c("static ACLs: u003 WRITE on name is denied", "USER", "u003", CUSTOMER_STATIC, "name", "WRITE", List.of(), "DENY"),
        c("scopes: * on * is denied", "SCOPE", "s1", testModel, "*", "*", SCOPE_ROWS, "DENY"),
        c("scopes: * on name is denied", "SCOPE", "s1", testModel, "name", "*", SCOPE_ROWS, "DENY"),
        c("scopes: READ on name is allowed", "SCOPE", "s1", testModel, "name", "READ", SCOPE_ROWS, "ALLOW"),
        c("scopes: WRITE on name is denied", "SCOPE", "s1", testModel, "name", "WRITE", SCOPE_ROWS, "DENY"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkPermissionCases")
  @DisplayName("checkPermission answers LoopBack's expected permission")
  void checkPermission(String name, String principalType, String principalId, ModelAcls model, String property,
                       String accessType, List<AclEntry> rows, String expected) {
    assertThat(AclResolver.checkPermission(principalType, principalId, model, property,
        AccessType.parse(accessType), rows)).isEqualTo(Permission.valueOf(expected));
  }

  @Test
  @DisplayName("entries are ordered by matching score: $owner's ALLOW on * beats $everyone's DENY on * for a WRITE")
  void ordersByScore() {
    List<AclEntry> acls = List.of(
        role("account", null, "*", Roles.EVERYONE, "DENY"),
        role("account", null, "*", Roles.OWNER, "ALLOW"),
        role("account", null, "READ", Roles.EVERYONE, "ALLOW"));
    assertThat(AclResolver.resolve(acls, AccessRequest.of("account", "find", AccessType.WRITE)))
        .isEqualTo(Permission.ALLOW);
    assertThat(AclResolver.resolve(acls.subList(0, 2), AccessRequest.of("account", "*", AccessType.WRITE)))
        .as("the same with a wildcard request").isEqualTo(Permission.ALLOW);
  }

  @Test
  @DisplayName("a row for all models is overridden by a row for the model, as the caller's principal changes nothing")
  void wildcardModelRows() {
    ModelAcls model = ModelAcls.open("testModel");
    AccessRequest request = new AccessRequest("testModel", "*", AccessType.ALL, List.of());
    List<PrincipalRef> caller = Acls.userPrincipal("a-test-user");
    List<AclEntry> rows = new ArrayList<>();
    assertThat(AclResolver.checkAccess(model, rows, request, caller, r -> r.equals(Roles.EVERYONE)))
        .as("initial state").isEqualTo(Permission.ALLOW);
    rows.add(role("*", "*", "*", Roles.EVERYONE, "DENY"));
    assertThat(AclResolver.checkAccess(model, rows, request, caller, r -> r.equals(Roles.EVERYONE)))
        .as("all denied").isEqualTo(Permission.DENY);
    rows.add(user("testModel", "*", "*", "a-test-user", "ALLOW"));
    assertThat(AclResolver.checkAccess(model, rows, request, caller, r -> r.equals(Roles.EVERYONE)))
        .as("only a single model allowed").isEqualTo(Permission.ALLOW);
  }

  @Test
  @DisplayName("checkAccessForContext allows a user named by a static ACL")
  void staticUserAcl() {
    ModelAcls model = ModelAcls.of("testModel", List.of(user("testModel", null, "*", "u001", "ALLOW")));
    assertThat(AclResolver.checkAccess(model, List.of(), new AccessRequest("testModel", "*", AccessType.ALL, List.of()),
        Acls.userPrincipal("u001"), r -> false)).isEqualTo(Permission.ALLOW);
  }

  @Test
  @DisplayName("model ACLs, ACL rows and a custom role: the user is allowed, a $everyone principal falls to DENY by default")
  void ldlAclAndRole() {
    ModelAcls customer = new ModelAcls("Customer", List.of(user("Customer", null, "*", "7", "ALLOW")),
        Map.of("name", List.of(user("Customer", "name", "WRITE", "7", "DENY"), user("Customer", "name", "*", "7", "ALLOW"))),
        Permission.DENY);
    List<AclEntry> rows = List.of(user("Customer", "*", "*", "7", "ALLOW"), role("Customer", "*", "READ", "MyRole", "DENY"));
    AccessRequest readName = new AccessRequest("Customer", "name", AccessType.READ, List.of());
    Set<String> userRoles = Set.of(Roles.EVERYONE, Roles.AUTHENTICATED, "MyRole");
    assertThat(AclResolver.checkAccess(customer, rows, readName, Acls.userPrincipal("7"), userRoles::contains))
        .isEqualTo(Permission.ALLOW);
    List<PrincipalRef> everyone = List.of(new PrincipalRef(AclEntry.ROLE, Roles.EVERYONE));
    assertThat(AclResolver.checkAccess(customer, rows, readName, everyone, r -> false))
        .isEqualTo(Permission.DENY);
  }

  @Test
  @DisplayName("getStaticACLs keeps entries for *, for the property and for lists holding it, plus the property's own")
  void staticAclFilter() {
    ModelAcls model1 = new ModelAcls("Model1",
        List.of(user("Model1", "name", "*", "u001", "ALLOW"), user("Model1", "findOne", "*", "u002", "ALLOW"),
            new AclEntry("Model1", List.of("findOne", "findById"), AccessType.ALL, "USER", "u003", Permission.ALLOW)),
        Map.of("name", List.of(user("Model1", "name", "WRITE", "u001", "DENY"), user("Model1", "name", "*", "u001", "ALLOW"))),
        Permission.DEFAULT);
    assertThat(model1.staticFor("name")).hasSize(3);
    assertThat(model1.staticFor("findOne")).hasSize(2);
    assertThat(model1.staticFor("findById")).singleElement().extracting(AclEntry::property).isEqualTo("findById");
  }

  private static Arguments c(String name, String principalType, String principalId, ModelAcls model, String property,
                             String accessType, List<AclEntry> rows, String expected) {
    return Arguments.of(name, principalType, principalId, model, property, accessType, rows, expected);
  }
}
