package io.livemodel.auth;

import static io.livemodel.auth.Acls.role;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StreamAccess turns a createChangeStream decision into open, filtered or refused")
class StreamAccessTest {

  private static final JsonObject BOOK_FILE = new JsonObject("""
      {"properties": {"title": "string"},
       "relations": {"author": {"type": "belongsTo", "model": "User", "foreignKey": "authorId"}}}""");
  private static final OwnerRule BOOK_OWNERS = OwnerRule.forModel(BOOK_FILE, false, "User"::equals);
  private static final ModelAcls OWNER_READ = ModelAcls.of("Book", List.of(
      role("Book", null, "*", Roles.EVERYONE, "DENY"),
      role("Book", null, "READ", Roles.OWNER, "ALLOW")));

  private final Authorizer authorizer = new Authorizer(RoleMappings.NONE, AclRows.NONE);

  @Test
  @DisplayName("READ only through $owner: the stream opens, filtered to the subscriber's own records")
  void ownerOnly() {
    Principal me = user(7);
    StreamAccess access = access(me, OWNER_READ, BOOK_OWNERS);
    assertThat(access.allowed()).isTrue();
    assertThat(access.filtered()).isTrue();
    assertThat(access.where()).isEqualTo(new JsonObject().put("authorId", 7L));
  }

  @Test
  @DisplayName("anonymous subscribers of an owner-only model are refused")
  void anonymousRefused() {
    assertThat(access(Principal.ANONYMOUS, OWNER_READ, BOOK_OWNERS)).isEqualTo(StreamAccess.DENIED);
  }

  @Test
  @DisplayName("owner-only READ on a model whose records have no owner is refused, not an empty stream")
  void noOwnerPossible() {
    OwnerRule none = OwnerRule.forModel(new JsonObject(), false, m -> false);
    assertThat(access(user(7), OWNER_READ, none)).isEqualTo(StreamAccess.DENIED);
  }

  @Test
  @DisplayName("an open model and $authenticated READ give an unfiltered stream")
  void open() {
    assertThat(access(Principal.ANONYMOUS, ModelAcls.open("Book"), BOOK_OWNERS)).isEqualTo(StreamAccess.OPEN);
    ModelAcls authenticated = ModelAcls.of("Book", List.of(role("Book", null, "*", Roles.EVERYONE, "DENY"),
        role("Book", null, "READ", Roles.AUTHENTICATED, "ALLOW")));
    assertThat(access(user(7), authenticated, BOOK_OWNERS)).isEqualTo(StreamAccess.OPEN);
    assertThat(access(Principal.ANONYMOUS, authenticated, BOOK_OWNERS)).isEqualTo(StreamAccess.DENIED);
  }

  @Test
  @DisplayName("a DENY for $owner refuses the stream (only non-owners would be allowed)")
  void denyOwner() {
    ModelAcls denyOwner = ModelAcls.of("Book", List.of(role("Book", null, "READ", Roles.OWNER, "DENY")));
    assertThat(access(user(7), denyOwner, BOOK_OWNERS)).isEqualTo(StreamAccess.DENIED);
  }

  private StreamAccess access(Principal principal, ModelAcls acls, OwnerRule owners) {
    Decision decision = authorizer.decide(principal, acls, "createChangeStream").await();
    return StreamAccess.of(decision, owners, principal);
  }

  private static Principal user(int id) {
    return Principal.of(new AccessToken(TokenIds.generate(), 60, Instant.now(), id, null, null));
  }
}
