package io.livemodel.auth;

import static io.livemodel.auth.Acls.role;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Authorizer decides once per call or subscription")
class AuthorizerTest {

  private final AtomicInteger roleLookups = new AtomicInteger();
  private final RoleMappings countingRoles = principals -> {
    roleLookups.incrementAndGet();
    return new InMemoryRoleMappings().role("r", "editor").map("r", "USER", "2").rolesOf(principals);
  };
  private final Authorizer authorizer = new Authorizer(countingRoles, AclRows.NONE);

  @Test
  @DisplayName("a model without ACLs is allowed at once, with the same completed future every time and no role lookup")
  void openModelFastPath() {
    ModelAcls open = ModelAcls.open("Note");
    Future<Decision> first = authorizer.decide(Principal.ANONYMOUS, open, "find");
    assertThat(first.succeeded()).isTrue();
    assertThat(first.result()).isSameAs(Decision.ALLOW);
    assertThat(authorizer.decide(user(1), open, RemoteMethod.named("create"))).isSameAs(first);
    assertThat(roleLookups).hasValue(0);
  }

  @Test
  @DisplayName("a stream whose READ comes only from $owner is owner-only; anonymous callers are denied")
  void ownerOnlyStream() {
    ModelAcls books = ModelAcls.of("Book", List.of(
        role("Book", null, "*", Roles.EVERYONE, "DENY"),
        role("Book", null, "READ", Roles.OWNER, "ALLOW")));
    Decision forUser = decide(user(1), books, "createChangeStream");
    assertThat(forUser.ownerOnly()).isTrue();
    assertThat(forUser.allowed()).isFalse();
    assertThat(forUser.allows(true)).isTrue();
    assertThat(forUser.allows(false)).as("LoopBack: no instance id, so not the owner").isFalse();
    assertThat(decide(Principal.ANONYMOUS, books, "createChangeStream")).isEqualTo(Decision.DENY);
    assertThat(decide(user(1), books, "create")).as("WRITE is not granted to the owner").isEqualTo(Decision.DENY);
  }

  @Test
  @DisplayName("a stream open to $authenticated is allowed outright, not owner-only")
  void authenticatedStream() {
    ModelAcls books = ModelAcls.of("Book", List.of(
        role("Book", null, "*", Roles.EVERYONE, "DENY"),
        role("Book", null, "READ", Roles.OWNER, "ALLOW"),
        role("Book", null, "READ", Roles.AUTHENTICATED, "ALLOW")));
    Decision decision = decide(user(1), books, "createChangeStream");
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.ownerOnly()).isFalse();
  }

  @Test
  @DisplayName("a property-level EXECUTE deny on createChangeStream refuses the stream although READ is allowed")
  void executeDenyOnStream() {
    ModelAcls notes = ModelAcls.of("Note", List.of(
        role("Note", null, "READ", Roles.EVERYONE, "ALLOW"),
        role("Note", "createChangeStream", "EXECUTE", Roles.EVERYONE, "DENY")));
    assertThat(decide(user(1), notes, "createChangeStream")).isEqualTo(Decision.DENY);
    assertThat(decide(user(1), notes, "find")).isEqualTo(Decision.ALLOW);
  }

  @Test
  @DisplayName("DENY for $owner gives a decision that allows only non-owners")
  void denyOwner() {
    ModelAcls m = ModelAcls.of("M", List.of(role("M", null, "*", Roles.OWNER, "DENY")));
    Decision decision = decide(user(1), m, "deleteById");
    assertThat(decision).isEqualTo(new Decision(Permission.DENY, Permission.ALLOW));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.denied()).isFalse();
    assertThat(decision.ownerOnly()).isFalse();
  }

  @Test
  @DisplayName("custom roles are looked up once, and only when an applicable entry names one")
  void customRoleLookups() {
    ModelAcls m = ModelAcls.of("M", List.of(
        role("M", null, "*", Roles.EVERYONE, "DENY"),
        role("M", null, "WRITE", "editor", "ALLOW")));
    assertThat(decide(user(2), m, "create")).isEqualTo(Decision.ALLOW);
    assertThat(decide(user(1), m, "create")).isEqualTo(Decision.DENY);
    assertThat(roleLookups).hasValue(2);
    assertThat(decide(Principal.ANONYMOUS, m, "create")).as("no principal: no lookup").isEqualTo(Decision.DENY);
    ModelAcls staticOnly = ModelAcls.of("S", List.of(role("S", null, "*", Roles.AUTHENTICATED, "ALLOW"),
        role("S", null, "*", Roles.EVERYONE, "DENY")));
    assertThat(decide(user(2), staticOnly, "find")).isEqualTo(Decision.ALLOW);
    assertThat(roleLookups).hasValue(2);
  }

  @Test
  @DisplayName("a role lookup that fails fails the decision (the caller answers an error, not an allow)")
  void failedLookup() {
    Authorizer failing = new Authorizer(p -> Future.failedFuture("store down"), AclRows.NONE);
    ModelAcls m = ModelAcls.of("M", List.of(role("M", null, "*", "editor", "ALLOW")));
    assertThat(failing.decide(user(2), m, "find").failed()).isTrue();
  }

  @Test
  @DisplayName("a token whose scopes lack DEFAULT is denied every built-in method, as in LoopBack")
  void scopes() {
    Principal scoped = Principal.of(new AccessToken("t", 60, Instant.now(), 1, List.of("read:photos"), null));
    assertThat(decide(scoped, ModelAcls.open("Note"), "find")).isEqualTo(Decision.DENY);
    Principal withDefault = Principal.of(new AccessToken("t", 60, Instant.now(), 1, List.of("DEFAULT", "x"), null));
    assertThat(decide(withDefault, ModelAcls.open("Note"), "find")).isEqualTo(Decision.ALLOW);
  }

  @Test
  @DisplayName("ACL rows apply, and an open model with rows is no longer open")
  void rows() {
    AclRows rows = AclRows.of(List.of(Acls.user("*", "*", "READ", "3", "DENY"),
        Acls.user("Diary", "*", "*", "1", "DENY")));
    assertThat(rows.rowsFor("Diary")).hasSize(2);
    assertThat(rows.rowsFor("Note")).hasSize(1);
    assertThat(AclRows.of(List.of())).isSameAs(AclRows.NONE);
    Authorizer withRows = new Authorizer(RoleMappings.NONE, rows);
    assertThat(withRows.decide(user(3), ModelAcls.open("Note"), "find").result()).isEqualTo(Decision.DENY);
    assertThat(withRows.decide(user(1), ModelAcls.open("Note"), "find").result()).isEqualTo(Decision.ALLOW);
    assertThat(withRows.decide(user(3), ModelAcls.open("Note"), "create").result()).isEqualTo(Decision.ALLOW);
  }

  @Test
  @DisplayName("a User-based model lets the user read itself and anyone log in, and denies listing")
  void userModel() {
    ModelAcls customers = BuiltinAcls.userBased(ModelAcls.open("Customer"));
    assertThat(decide(Principal.ANONYMOUS, customers, "login")).isEqualTo(Decision.ALLOW);
    assertThat(decide(Principal.ANONYMOUS, customers, "create")).isEqualTo(Decision.ALLOW);
    assertThat(decide(user(1), customers, "find")).isEqualTo(Decision.DENY);
    assertThat(decide(user(1), customers, "findById").ownerOnly()).isTrue();
    assertThat(decide(user(1), customers, "changePassword")).isEqualTo(Decision.ALLOW);
    assertThat(decide(Principal.ANONYMOUS, customers, "changePassword")).isEqualTo(Decision.DENY);
    assertThat(decide(user(1), customers, "prototype.patchAttributes").ownerOnly()).isTrue();
  }

  private Decision decide(Principal principal, ModelAcls acls, String method) {
    return authorizer.decide(principal, acls, method).await();
  }

  private static Principal user(int id) {
    return Principal.of(new AccessToken(TokenIds.generate(), 60, Instant.now(), id, null, null));
  }
}
