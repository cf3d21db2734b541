package io.livemodel.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.Change;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Journal records keep each change's previous relation keys (relation streams replay moves after a restart)")
class TxRecordTest {

  @Test
  @DisplayName("before survives a journal round trip; a change without it, and a record written before it existed, read as null")
  void roundTrip() {
    Change moved = new Change("Book", Change.UPDATE, 1L, null, new JsonObject().put("id", 1).put("authorId", 2), 7,
        new JsonObject().put("authorId", 1));
    Change created = new Change("Book", Change.CREATE, 2L, null, new JsonObject().put("id", 2), 8);
    TxRecord record = new TxRecord("Book", "id", List.of(), List.of(), 3, 8, List.of(moved, created));
    JsonObject json = new JsonObject(record.toJson().encode());
    assertThat(json.getJsonArray("changes").getJsonObject(1).containsKey("before")).isFalse();

    List<Change> read = TxRecord.fromJson(json).changes();
    assertThat(read.get(0).before()).isEqualTo(new JsonObject().put("authorId", 1));
    assertThat(read.get(0).seq()).isEqualTo(7);
    assertThat(read.get(1).before()).isNull();
    assertThat(read.get(0).toJson()).as("LoopBack's change object never shows it")
        .isEqualTo(new JsonObject("{\"target\":1,\"data\":{\"id\":1,\"authorId\":2},\"type\":\"update\"}"));
    assertThat(Change.fromLogJson("Book", read.get(0).toLogJson(), 7).before()).isEqualTo(read.get(0).before());
  }
}
