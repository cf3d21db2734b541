package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OwnerRule decides $owner as LoopBack's Role.isOwner, and turns it into a where")
class OwnerRuleTest {

  private static final Set<String> USER_MODELS = Set.of("User", "Customer");
  private static final Principal ME = principal(7);
  private static final Principal OTHER = principal(8);

  @Test
  @DisplayName("through a belongsTo relation to a User-based model, by its foreign key")
  void belongsTo() {
    OwnerRule rule = rule("""
        {"properties": {"title": "string"},
         "relations": {"author": {"type": "belongsTo", "model": "Customer", "foreignKey": "authorId"}}}""", false);
    JsonObject book = new JsonObject().put("id", 1).put("authorId", 7);
    assertThat(rule.isOwner(book, ME)).isTrue();
    assertThat(rule.isOwner(book, OTHER)).isFalse();
    assertThat(rule.isOwner(book, Principal.ANONYMOUS)).isFalse();
    assertThat(rule.isOwner(new JsonObject().put("authorId", "7"), ME)).as("ids compare as strings").isTrue();
    assertThat(rule.whereFor(ME)).isEqualTo(new JsonObject().put("authorId", 7L));
    assertThat(rule.whereFor(Principal.ANONYMOUS)).isNull();
  }

  @Test
  @DisplayName("the default foreign key is <relation>Id, and a belongsTo to a model that is not a user does not count")
  void defaultForeignKey() {
    OwnerRule rule = rule("""
        {"relations": {"shelf": {"type": "belongsTo", "model": "Shelf"},
                       "owner": {"type": "belongsTo", "model": "User"}}}""", false);
    assertThat(rule.isOwner(new JsonObject().put("ownerId", 7).put("shelfId", 7), ME)).isTrue();
    assertThat(rule.isOwner(new JsonObject().put("shelfId", 7), ME)).isFalse();
    assertThat(rule.whereFor(ME)).isEqualTo(new JsonObject().put("ownerId", 7L));
  }

  @Test
  @DisplayName("legacy: a userId property decides before any relation; then `owner` (not ownerId)")
  void legacyProperties() {
    OwnerRule rule = rule("""
        {"properties": {"userId": "number", "owner": "number"},
         "relations": {"author": {"type": "belongsTo", "model": "Customer", "foreignKey": "authorId"}}}""", false);
    assertThat(rule.isOwner(new JsonObject().put("userId", 8).put("authorId", 7), ME))
        .as("userId set: the relation is not consulted").isFalse();
    assertThat(rule.isOwner(new JsonObject().put("owner", 7).put("authorId", 8), ME)).isTrue();
    assertThat(rule.isOwner(new JsonObject().put("userId", 0).put("owner", 7), ME)).as("0 is empty in JavaScript").isTrue();
    assertThat(rule.isOwner(new JsonObject().put("authorId", 7), ME)).isTrue();
    assertThat(rule.isOwner(new JsonObject().put("ownerId", 7), ME)).isFalse();
    assertThat(rule.whereFor(ME)).isEqualTo(new JsonObject("""
        {"or": [{"userId": 7},
                {"and": [{"userId": null}, {"owner": 7}]},
                {"and": [{"userId": null}, {"owner": null}, {"authorId": 7}]}]}"""));
  }

  @Test
  @DisplayName("ownerRelations: true or a list makes every (listed) belongsTo to a user count, and properties stop counting")
  void ownerRelations() {
    String relations = """
        "relations": {"author": {"type": "belongsTo", "model": "Customer", "foreignKey": "authorId"},
                      "editor": {"type": "belongsTo", "model": "Customer", "foreignKey": "editorId"}}""";
    OwnerRule all = rule("{\"ownerRelations\": true, \"properties\": {\"userId\": \"number\"}, " + relations + "}", false);
    assertThat(all.isOwner(new JsonObject().put("authorId", 8).put("editorId", 7), ME)).isTrue();
    assertThat(all.isOwner(new JsonObject().put("userId", 7), ME)).isFalse();
    assertThat(all.whereFor(ME)).isEqualTo(new JsonObject("{\"or\": [{\"authorId\": 7}, {\"editorId\": 7}]}"));
    OwnerRule listed = rule("{\"options\": {\"ownerRelations\": [\"author\"]}, " + relations + "}", false);
    assertThat(listed.isOwner(new JsonObject().put("editorId", 7), ME)).isFalse();
    assertThat(listed.whereFor(ME)).isEqualTo(new JsonObject().put("authorId", 7L));
  }

  @Test
  @DisplayName("a User-based model's instance is owned by the user it is")
  void userItself() {
    OwnerRule rule = rule("{\"properties\": {\"email\": \"string\"}}", true);
    assertThat(rule.isOwner(new JsonObject().put("id", 7), ME)).isTrue();
    assertThat(rule.isOwner(new JsonObject().put("id", 8), ME)).isFalse();
    assertThat(rule.whereFor(ME)).isEqualTo(new JsonObject().put("id", 7L));
    OwnerRule stringIds = rule("{\"properties\": {\"uid\": {\"type\": \"string\", \"id\": true}}}", true);
    assertThat(stringIds.whereFor(ME)).isEqualTo(new JsonObject().put("uid", "7"));
  }

  @Test
  @DisplayName("a model with no way to have an owner yields no where: nothing is the caller's")
  void noOwner() {
    OwnerRule rule = rule("{\"properties\": {\"title\": \"string\"}}", false);
    assertThat(rule.canHaveOwner()).isFalse();
    assertThat(rule.whereFor(ME)).isNull();
    assertThat(rule.isOwner(new JsonObject().put("userId", 7), ME)).as("an undeclared userId still counts, as in LoopBack")
        .isTrue();
  }

  @Test
  @DisplayName("role.test.js: with ownerRelations, userId and owner properties do not make an owner")
  void ownerRelationsWithoutBelongsTo() {
    OwnerRule album = rule("{\"ownerRelations\": true, \"properties\": {\"userId\": \"number\", \"owner\": \"number\"}}", false);
    assertThat(album.isOwner(new JsonObject().put("id", 1).put("userId", 7).put("owner", 7), ME)).isFalse();
    assertThat(album.whereFor(ME)).isNull();
  }

  @Test
  @DisplayName("role.test.js: sender and receiver relations; with a list, only the listed relation grants ownership")
  void senderReceiver() {
    String relations = """
        "relations": {"sender": {"type": "belongsTo", "model": "User", "foreignKey": "senderId"},
                      "receiver": {"type": "belongsTo", "model": "User", "foreignKey": "receiverId"}}""";
    JsonObject first = new JsonObject().put("senderId", 7);
    JsonObject second = new JsonObject().put("receiverId", 8);
    JsonObject third = new JsonObject();
    OwnerRule all = rule("{\"ownerRelations\": true, " + relations + "}", false);
    assertThat(List.of(all.isOwner(first, ME), all.isOwner(second, OTHER), all.isOwner(third, OTHER)))
        .containsExactly(true, true, false);
    OwnerRule receiverOnly = rule("{\"ownerRelations\": [\"receiver\"], " + relations + "}", false);
    assertThat(List.of(receiverOnly.isOwner(first, ME), receiverOnly.isOwner(second, OTHER),
        receiverOnly.isOwner(third, OTHER))).containsExactly(false, true, false);
  }

  private static OwnerRule rule(String json, boolean userBased) {
    return OwnerRule.forModel(new JsonObject(json), userBased, USER_MODELS::contains);
  }

  private static Principal principal(int userId) {
    return Principal.of(AccessToken.issue(userId, 60, java.time.Instant.now()));
  }
}
