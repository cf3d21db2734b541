package io.livemodel.relation;

import static io.livemodel.relation.RelationFixture.o;
import static io.livemodel.store.StoreFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("include on the memory store over 1,000 parents")
class MemoryIncludeScaleTest {

  @Test
  @DisplayName("authors with books with chapters: every author gets its two books, every book its chapter")
  void twoLevels() {
    Vertx vertx = Vertx.vertx();
    try (RelationFixture fx = new RelationFixture(vertx, new MemoryStore(MemoryStoreOptions.inMemory()))) {
      int authors = 1000;
      fx.create("Author", IntStream.range(0, authors).mapToObj(i -> o("name", "a" + i)).toArray(JsonObject[]::new));
      fx.create("Book", IntStream.range(0, 2 * authors)
          .mapToObj(i -> o("title", "b" + i).put("authorId", i / 2 + 1)).toArray(JsonObject[]::new));
      fx.create("Chapter", IntStream.range(0, 2 * authors)
          .mapToObj(i -> o("title", "c" + i).put("bookId", i + 1)).toArray(JsonObject[]::new));

      List<JsonObject> found = fx.find("Author", "{\"include\":{\"books\":\"chapters\"}}");

      assertThat(found).hasSize(authors);
      for (int a = 0; a < authors; a++) {
        var books = found.get(a).getJsonArray("books");
        assertThat(IncludeContractTest.titles(books)).containsExactly("b" + 2 * a, "b" + (2 * a + 1));
        assertThat(IncludeContractTest.titles(books.getJsonObject(1).getJsonArray("chapters")))
            .containsExactly("c" + (2 * a + 1));
      }
    } finally {
      await(vertx.close());
    }
  }
}
