package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ModelLoader reads LoopBack model-definition files unchanged")
class ModelLoaderTest {

  @TempDir
  Path folder;

  static ModelDefinition parse(String json) {
    return ModelLoader.parse(new JsonObject(json), "test.json");
  }

  static PropertyDefinition prop(String name, PropertyType type, PropertyType item, boolean required,
                                 Object def, boolean id, boolean generated) {
    return new PropertyDefinition(name, type, item, required, def, id, generated);
  }

  @Test
  @DisplayName("the shipped conf/models load: MyModel open and untyped, Note typed, both with an injected id")
  void loadsTheShippedModels() {
    List<ModelDefinition> models = ModelLoader.loadFolder(Path.of("conf/models"));
    assertThat(models).extracting(ModelDefinition::name).containsExactly("MyModel", "Note");
    ModelDefinition myModel = models.get(0);
    assertThat(myModel.plural()).isEqualTo("MyModels");
    assertThat(myModel.strict()).isFalse();
    assertThat(myModel.forceId()).isTrue();
    assertThat(myModel.properties().values())
        .containsExactly(prop("id", PropertyType.NUMBER, null, false, null, true, true));
    ModelDefinition note = models.get(1);
    assertThat(note.plural()).isEqualTo("Notes");
    assertThat(note.properties().values()).containsExactly(
        prop("title", PropertyType.STRING, null, true, null, false, false),
        prop("count", PropertyType.NUMBER, null, false, null, false, false),
        prop("done", PropertyType.BOOLEAN, null, false, null, false, false),
        prop("when", PropertyType.DATE, null, false, null, false, false),
        prop("tags", PropertyType.ARRAY, PropertyType.STRING, false, null, false, false),
        prop("meta", PropertyType.OBJECT, null, false, null, false, false),
        prop("id", PropertyType.NUMBER, null, false, null, true, true));
  }

  @ParameterizedTest(name = "{0} -> {1} of {2}")
  @DisplayName("shorthand and full property forms, type names case-insensitive, unknown types ANY")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "\"string\"|STRING|-", "\"String\"|STRING|-", "\"NUMBER\"|NUMBER|-", "\"Boolean\"|BOOLEAN|-",
      "\"date\"|DATE|-", "\"Object\"|OBJECT|-", "\"array\"|ARRAY|ANY", "\"any\"|ANY|-", "\"GeoPoint\"|ANY|-",
      "\"Buffer\"|ANY|-", "\"text\"|ANY|-", "[\"string\"]|ARRAY|STRING", "[\"Number\"]|ARRAY|NUMBER",
      "[]|ARRAY|ANY", "[{\"a\":\"string\"}]|ARRAY|OBJECT", "{\"street\":\"string\"}|OBJECT|-",
      "{\"type\":\"string\"}|STRING|-", "{\"type\":\"Date\",\"required\":false}|DATE|-",
      "{\"type\":[\"date\"]}|ARRAY|DATE", "{\"type\":{\"a\":\"number\"}}|OBJECT|-", "{\"required\":true}|OBJECT|-"})
  void readsPropertyTypes(String definition, PropertyType type, PropertyType itemType) {
    PropertyDefinition p = parse("{\"name\":\"M\",\"properties\":{\"p\":" + definition + "}}").property("p");
    assertThat(p.type()).isEqualTo(type);
    assertThat(p.itemType()).isEqualTo(itemType);
  }

  @Test
  @DisplayName("full form reads required, default, id and generated; other keys are ignored")
  void readsFullForm() {
    ModelDefinition model = parse("""
        {"name":"Book","base":"Model","relations":{"x":{}},"acls":[],"methods":{},"mixins":{},"hidden":["a"],
         "properties":{"isbn":{"type":"string","id":true,"generated":false,"index":true,"description":"d"},
           "title":{"type":"string","required":true,"default":"untitled","length":20},
           "removed":null,"alsoRemoved":false}}""");
    assertThat(model.properties().values()).containsExactly(
        prop("isbn", PropertyType.STRING, null, false, null, true, false),
        prop("title", PropertyType.STRING, null, true, "untitled", false, false));
    assertThat(model.idName()).isEqualTo("isbn");
    assertThat(model.forceId()).as("not generated: forceId off by default").isFalse();
  }

  @Test
  @DisplayName("id: 1 marks the id; with several, the lowest id number wins")
  void numericIdMarkers() {
    ModelDefinition model = parse("{\"name\":\"M\",\"properties\":{\"a\":{\"type\":\"number\",\"id\":2},"
        + "\"b\":{\"type\":\"string\",\"id\":1,\"generated\":true}}}");
    assertThat(model.idName()).isEqualTo("b");
    assertThat(model.property("a").id()).isFalse();
    assertThat(model.forceId()).isTrue();
  }

  @Test
  @DisplayName("idInjection: an id is added last, replaces a declared plain 'id' in place; with false, Model's id is still inherited")
  void idInjection() {
    assertThat(parse("{\"name\":\"M\",\"properties\":{\"a\":\"string\"}}").properties().keySet())
        .containsExactly("a", "id");
    ModelDefinition replaced = parse("{\"name\":\"M\",\"properties\":{\"id\":\"string\",\"a\":\"string\"}}");
    assertThat(replaced.properties().keySet()).containsExactly("id", "a");
    assertThat(replaced.idProperty()).isEqualTo(prop("id", PropertyType.NUMBER, null, false, null, true, true));
    ModelDefinition own = parse("{\"name\":\"M\",\"idInjection\":false,\"properties\":{\"k\":{\"type\":\"string\",\"id\":true}}}");
    assertThat(own.properties().keySet()).containsExactly("k");
    // LoopBack's Model has an injected id that every model inherits (juggler's exclude-base-props test).
    ModelDefinition inherited = parse("{\"name\":\"M\",\"idInjection\":false,\"properties\":{\"a\":\"string\"}}");
    assertThat(inherited.properties().keySet()).containsExactly("a", "id");
    assertThat(inherited.idProperty().generated()).isTrue();
    ModelDefinition excluded = parse("{\"name\":\"M\",\"idInjection\":false,\"excludeBaseProperties\":[\"id\"],"
        + "\"properties\":{\"a\":\"string\",\"k\":{\"type\":\"number\",\"id\":true}}}");
    assertThat(excluded.properties().keySet()).containsExactly("a", "k");
  }

  @ParameterizedTest(name = "{0} -> forceId {1}")
  @DisplayName("forceId defaults to true for generated ids, as LoopBack 3")
  @CsvSource(delimiter = '|', value = {
      "{\"name\":\"M\"}|true", "{\"name\":\"M\",\"forceId\":false}|false", "{\"name\":\"M\",\"forceId\":true}|true",
      "{\"name\":\"M\",\"options\":{\"forceId\":false}}|false",
      "{\"name\":\"M\",\"properties\":{\"k\":{\"type\":\"string\",\"id\":true}}}|false",
      "{\"name\":\"M\",\"forceId\":true,\"properties\":{\"k\":{\"type\":\"string\",\"id\":true}}}|true",
      "{\"name\":\"M\",\"forceId\":\"auto\",\"properties\":{\"k\":{\"type\":\"string\",\"id\":true}}}|false",
      "{\"name\":\"M\",\"properties\":{\"k\":{\"type\":\"number\",\"id\":true,\"generated\":true}}}|true"})
  void forceIdDefaults(String json, boolean forceId) {
    assertThat(parse(json).forceId()).isEqualTo(forceId);
  }

  @ParameterizedTest(name = "strict {0} -> {1}")
  @DisplayName("strict: true, \"filter\" and \"throw\" make a strict model; false or absent an open one")
  @CsvSource(delimiter = '|', value = {"true|true", "\"filter\"|true", "\"throw\"|true", "false|false", "null|false"})
  void strictSettings(String value, boolean strict) {
    assertThat(parse("{\"name\":\"M\",\"strict\":" + value + "}").strict()).isEqualTo(strict);
  }

  @Test
  @DisplayName("plural: the declared one, else LoopBack's inflection of the name")
  void plurals() {
    assertThat(parse("{\"name\":\"Person\"}").plural()).isEqualTo("People");
    assertThat(parse("{\"name\":\"Category\"}").plural()).isEqualTo("Categories");
    assertThat(parse("{\"name\":\"Person\",\"plural\":\"persons\"}").plural()).isEqualTo("persons");
  }

  @Test
  @DisplayName("relations are kept as written (absent or [] as {}); a relations value that is not an object fails")
  void relations() {
    JsonObject books = new JsonObject().put("books", new JsonObject().put("type", "hasMany").put("model", "Book"));
    assertThat(parse("{\"name\":\"A\",\"relations\":" + books.encode() + "}").relationsJson()).isEqualTo(books);
    assertThat(parse("{\"name\":\"A\",\"options\":{\"relations\":" + books.encode() + "}}").relationsJson()).isEqualTo(books);
    assertThat(parse("{\"name\":\"A\"}").relationsJson()).isEqualTo(new JsonObject());
    assertThat(parse("{\"name\":\"A\",\"relations\":[]}").relationsJson()).isEqualTo(new JsonObject());
    assertThatThrownBy(() -> parse("{\"name\":\"A\",\"relations\":\"books\"}"))
        .hasMessage("test.json: \"relations\" must be an object of relation definitions");
    ModelDefinition model = parse("{\"name\":\"A\",\"relations\":" + books.encode() + "}");
    model.relationsJson().clear();
    assertThat(model.relationsJson()).as("a copy").isEqualTo(books);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @DisplayName("a bad definition fails with a message naming the file and the problem")
  @CsvSource(delimiter = '|', value = {
      "{\"base\":\"PersistedModel\"}|has no \"name\"", "{\"name\":5}|has no \"name\"",
      "{\"name\":\"M\",\"properties\":{\"p\":5}}|property \"p\" has an invalid type: 5",
      "{\"name\":\"M\",\"properties\":{\"p\":{\"type\":true}}}|property \"p\" has an invalid type: true",
      "{\"name\":\"M\",\"properties\":[]}|\"properties\" must be an object",
      "{\"name\":\"M\",\"idInjection\":false,\"properties\":{\"id\":\"string\"}}|the model has no id",
      "{\"name\":|not valid JSON", "[1]|must be a JSON object", "''|not valid JSON"})
  void reportsBadFiles(String content, String problem) throws IOException {
    Path file = folder.resolve("Bad.json");
    Files.writeString(file, content);
    assertThatThrownBy(() -> ModelLoader.loadFolder(folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  @DisplayName("two models with the same name, or the same plural, fail naming both files")
  void rejectsDuplicates() throws IOException {
    Files.writeString(folder.resolve("a.json"), "{\"name\":\"Note\"}");
    Files.writeString(folder.resolve("b.json"), "{\"name\":\"Note\"}");
    assertThatThrownBy(() -> ModelLoader.loadFolder(folder))
        .hasMessageContaining(folder.resolve("a.json").toString())
        .hasMessageContaining(folder.resolve("b.json").toString())
        .hasMessageContaining("name \"Note\"");
    Files.writeString(folder.resolve("b.json"), "{\"name\":\"Memo\",\"plural\":\"notes\"}");
    assertThatThrownBy(() -> ModelLoader.loadFolder(folder))
        .hasMessageContaining(folder.resolve("a.json").toString())
        .hasMessageContaining(folder.resolve("b.json").toString())
        .hasMessageContaining("plural \"notes\"");
  }

  @Test
  @DisplayName("only *.json files are read, in file-name order; a missing folder is an error")
  void readsJsonFilesInOrder() throws IOException {
    Files.writeString(folder.resolve("b.json"), "{\"name\":\"Beta\"}");
    Files.writeString(folder.resolve("a.json"), "{\"name\":\"Alpha\"}");
    Files.writeString(folder.resolve("notes.txt"), "not a model");
    assertThat(ModelLoader.loadFolder(folder)).extracting(ModelDefinition::name).containsExactly("Alpha", "Beta");
    assertThatThrownBy(() -> ModelLoader.loadFolder(folder.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
  }
}
