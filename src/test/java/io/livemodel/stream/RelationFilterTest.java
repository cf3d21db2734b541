package io.livemodel.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ChangeFilter.ofRelation: membership by the change's previous keys")
class RelationFilterTest {

  private static final ModelDefinition BOOK = ModelLoader.parse(new JsonObject(
      "{\"name\":\"Book\",\"properties\":{\"title\":\"string\",\"year\":\"number\"}}"), "test");
  private static final JsonObject ANNS = new JsonObject("{\"authorId\":1}");

  private static JsonObject update(int id, int authorId) {
    return new JsonObject().put("target", id)
        .put("data", new JsonObject().put("id", id).put("title", "t").put("authorId", authorId)).put("type", "update");
  }

  private static JsonObject remove(int id) {
    return new JsonObject().put("target", id).put("where", new JsonObject().put("id", id)).put("type", "remove");
  }

  private static JsonObject was(int authorId) {
    return new JsonObject().put("authorId", authorId);
  }

  @Test
  @DisplayName("members pass as they are; a record moved in becomes a create, a member moved away a remove; removes only of members; strangers nothing")
  void membership() {
    ChangeFilter anns = ChangeFilter.ofRelation(BOOK, ANNS, null, null);
    assertThat(anns.apply(update(1, 1), was(1))).isEqualTo(update(1, 1));
    JsonObject joined = update(1, 1).put("type", "create");
    assertThat(anns.apply(update(1, 1), was(2))).as("moved in: new to this stream, a create").isEqualTo(joined);
    assertThat(anns.apply(update(1, 1), was(2)).fieldNames()).containsExactly("target", "data", "type");
    assertThat(anns.apply(update(1, 1), null)).as("no previous keys: delivered as it is").isEqualTo(update(1, 1));
    assertThat(anns.apply(update(1, 2), was(1))).as("moved away").isEqualTo(remove(1));
    assertThat(anns.apply(update(1, 2), was(2))).isNull();
    assertThat(anns.apply(update(1, 2), null)).as("no previous keys: not known as a member").isNull();
    assertThat(anns.apply(remove(1), was(1))).isEqualTo(remove(1));
    assertThat(anns.apply(remove(1), was(2))).isNull();
    assertThat(anns.apply(remove(1), null)).isNull();
    assertThat(anns.key()).isNotEqualTo(ChangeFilter.of(BOOK, new JsonObject().put("where", ANNS)).key());
    assertThat(ChangeFilter.of(BOOK, new JsonObject().put("where", ANNS)).apply(update(1, 2), was(1)))
        .as("a model stream's where ignores previous keys").isNull();
  }

  @Test
  @DisplayName("options narrow what is delivered, not what leaves; fields empties data; an owner where drops removes and moves")
  void narrowed() {
    ChangeFilter titled = ChangeFilter.ofRelation(BOOK, ANNS, new JsonObject("{\"where\":{\"title\":\"x\"}}"), null);
    assertThat(titled.apply(update(1, 1), was(1))).as("stays a member, fails the client's where").isNull();
    assertThat(titled.apply(update(1, 2), was(1))).isEqualTo(remove(1));
    ChangeFilter fields = ChangeFilter.ofRelation(BOOK, ANNS, new JsonObject("{\"fields\":{\"title\":true}}"), null);
    assertThat(fields.apply(update(1, 1), was(1)).getJsonObject("data")).isEqualTo(new JsonObject());
    ChangeFilter owned = ChangeFilter.ofRelation(BOOK, ANNS, null, new JsonObject("{\"ownerId\":7}"));
    JsonObject mine = update(1, 1);
    mine.getJsonObject("data").put("ownerId", 7);
    assertThat(owned.apply(mine, was(1))).isEqualTo(mine);
    assertThat(owned.apply(update(1, 1), was(1))).as("not the owner's").isNull();
    assertThat(owned.apply(update(1, 2), was(1))).isNull();
    assertThat(owned.apply(remove(1), was(1))).isNull();
  }
}
