package io.livemodel.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A default scope merges into queries as juggler's mergeQuery merges it")
class DefaultScopesTest {

  static final ModelDefinition POST = ModelLoader.parse(new JsonObject("""
      {"name":"Post","properties":{"title":"string","published":"boolean","n":"number"},
       "scope":{"where":{"published":true},"order":"title DESC","limit":2,"fields":["title"]}}"""), "Post.json");

  static final ModelDefinition WHERE_ONLY = ModelLoader.parse(new JsonObject(
      "{\"name\":\"W\",\"properties\":{\"a\":\"number\"},\"scope\":{\"where\":{\"a\":{\"gt\":1}}}}"), "W.json");

  static JsonObject doc(String json) {
    return new JsonObject(json);
  }

  @Test
  @DisplayName("where is ANDed; order applies only without one; limit and fields replace the query's")
  void merge() {
    Filter none = FilterParser.parse(null, POST);
    assertThat(none.limit()).isEqualTo(2);
    assertThat(none.order()).hasSize(1);
    assertThat(none.where().test(doc("{\"published\":true}"))).isTrue();
    assertThat(none.where().test(doc("{\"published\":false}"))).isFalse();
    Filter given = FilterParser.parse("{\"where\":{\"n\":1},\"order\":\"n ASC\",\"limit\":10,\"fields\":{\"n\":true}}", POST);
    assertThat(given.limit()).isEqualTo(2);
    assertThat(given.order()).isEqualTo(FilterParser.parse("{\"order\":\"n ASC\"}", WHERE_ONLY).order());
    assertThat(given.where().test(doc("{\"published\":true,\"n\":1}"))).isTrue();
    assertThat(given.where().test(doc("{\"published\":false,\"n\":1}"))).isFalse();
    assertThat(given.where().test(doc("{\"published\":true,\"n\":2}"))).isFalse();
    assertThat(given.fields().project(doc("{\"title\":\"t\",\"n\":1,\"id\":3}")).fieldNames()).containsExactly("title");
  }

  @Test
  @DisplayName("bare wheres (count, updateAll) are scoped; change-stream wheres are not; admits checks one instance")
  void bareWheres() {
    assertThat(FilterParser.parseScopedWhere(null, WHERE_ONLY).test(doc("{\"a\":1}"))).isFalse();
    assertThat(FilterParser.parseScopedWhere("{\"a\":{\"lt\":5}}", WHERE_ONLY).test(doc("{\"a\":6}"))).isFalse();
    assertThat(FilterParser.parseScopedWhere("{\"a\":{\"lt\":5}}", WHERE_ONLY).test(doc("{\"a\":3}"))).isTrue();
    assertThat(FilterParser.parseWhere(null, WHERE_ONLY)).isNull();
    assertThat(DefaultScopes.admits(WHERE_ONLY, doc("{\"a\":2}"))).isTrue();
    assertThat(DefaultScopes.admits(WHERE_ONLY, doc("{\"a\":0}"))).isFalse();
    assertThat(DefaultScopes.admits(TestModels.NOTE, doc("{}"))).isTrue();
    assertThat(FilterParser.parse(null, TestModels.NOTE)).isSameAs(Filter.ALL);
  }
}
