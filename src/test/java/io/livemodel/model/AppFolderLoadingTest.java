package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A LoopBack 3 app folder loads as loopback-boot loads it")
class AppFolderLoadingTest {

  static final Path APP = Path.of("src/test/resources/lb-app");

  @TempDir
  Path temp;

  static ModelRegistry app() {
    return ModelLoader.loadAll(List.of(APP));
  }

  @Test
  @DisplayName("model-config decides which models exist; only public, persisted ones get a REST path")
  void modelConfigDecides() {
    ModelRegistry registry = app();
    assertThat(registry.all()).extracting(ModelDefinition::name).containsExactly("User", "AccessToken", "ACL",
        "RoleMapping", "Role", "Customer", "VipCustomer", "Order", "Widget", "Post", "Person", "Employee",
        "Secret", "Scratch", "Shape", "Local", "Address");
    assertThat(registry.byName("Ignored")).as("files starting with _ are skipped").isNull();
    assertThat(registry.publicModels()).extracting(ModelDefinition::name).containsExactly("Customer", "VipCustomer",
        "Order", "Widget", "Post", "Person", "Employee", "Scratch", "Shape");
    assertThat(registry.byPlural("secrets")).isNull();
    assertThat(registry.byPlural("users")).isNull();
    assertThat(registry.byPlural("locals")).as("based on Model: no CRUD routes").isNull();
    assertThat(registry.byName("Local").persisted()).isFalse();
    assertThat(registry.byName("Secret").isPublic()).isFalse();
    assertThat(registry.byName("Scratch").attached()).isFalse();
    assertThat(registry.byName("Order").attached()).isTrue();
  }

  @Test
  @DisplayName("a property typed with a model's name gets that model's properties as typed members; an unknown name stays untyped")
  void modelTypes() {
    ModelDefinition order = app().byName("Order");
    assertThat(order.property("shipTo").type()).isEqualTo(PropertyType.OBJECT);
    assertThat(order.property("shipTo").members().keySet()).containsExactly("street", "zip", "verified", "id");
    assertThat(order.property("parcels").itemType()).isEqualTo(PropertyType.OBJECT);
    assertThat(order.property("parcels").members().keySet()).containsExactly("street", "zip", "verified", "id");
    assertThat(order.property("unknownTyped").type()).isEqualTo(PropertyType.ANY);
    assertThat(order.property("unknownTyped").members()).isNull();
  }

  @Test
  @DisplayName("http.path is the REST path; the plural no longer routes")
  void httpPath() {
    ModelRegistry registry = app();
    ModelDefinition vip = registry.byName("VipCustomer");
    assertThat(vip.restPath()).isEqualTo("vips");
    assertThat(registry.byPlural("VIPS")).isSameAs(vip);
    assertThat(registry.byPlural("VipCustomers")).isNull();
    assertThat(registry.byName("Person").restPath()).isEqualTo("People");
  }

  @Test
  @DisplayName("a model based on User gets User's properties after its own, the injected id last, User's hidden and acls first")
  void basedOnUser() {
    ModelDefinition customer = app().byName("Customer");
    assertThat(customer.properties().keySet()).containsExactly("tier", "realm", "username", "password", "email",
        "emailVerified", "verificationToken", "id");
    assertThat(customer.property("password").required()).isTrue();
    assertThat(customer.hidden()).containsExactly("password", "verificationToken", "tier");
    assertThat(customer.isUserModel()).isTrue();
    assertThat(customer.baseModel()).isEqualTo("User");
    assertThat(customer.baseChain()).containsExactly("User", "PersistedModel");
    JsonArray acls = customer.acls();
    assertThat(acls.getJsonObject(0).getString("permission")).isEqualTo("DENY");
    assertThat(acls.getJsonObject(0).getString("principalId")).isEqualTo("$everyone");
    // User's 13 entries, then Customer's own, then model-config's (a different principal: appended).
    assertThat(acls).hasSize(15);
    assertThat(acls.getJsonObject(13).getString("principalId")).isEqualTo("$authenticated");
    assertThat(acls.getJsonObject(14).getString("principalId")).isEqualTo("$everyone");
    JsonObject relations = customer.relationsJson();
    assertThat(relations.fieldNames()).containsExactly("accessTokens", "orders");
    assertThat(relations.getJsonObject("orders").getString("foreignKey"))
        .as("model-config's relations extend the file's").isEqualTo("buyerId");
    assertThat(customer.settings().getBoolean("caseSensitiveEmail")).isTrue();
  }

  @Test
  @DisplayName("a chain of custom models: User-based two levels down, a same-named relation replaced whole")
  void customChain() {
    ModelDefinition vip = app().byName("VipCustomer");
    assertThat(vip.isUserModel()).isTrue();
    assertThat(vip.baseChain()).containsExactly("Customer", "User", "PersistedModel");
    assertThat(vip.properties().keySet()).startsWith("discount", "tier", "realm");
    assertThat(vip.property("tier").defaultValue()).isEqualTo("basic");
    assertThat(vip.relationsJson().getJsonObject("orders").encode())
        .isEqualTo("{\"type\":\"hasMany\",\"model\":\"Order\",\"foreignKey\":\"vipId\"}");
    assertThat(vip.acls()).as("model-config entries of Customer apply to Customer only").hasSize(14);
    assertThat(vip.hidden()).containsExactly("password", "verificationToken", "tier");
  }

  @Test
  @DisplayName("hidden and protected accumulate without repeats, acls base first, scalars of the model win")
  void customBaseMerge() {
    ModelDefinition employee = app().byName("Employee");
    assertThat(employee.hidden()).containsExactly("geo", "salary");
    assertThat(employee.protectedProperties()).containsExactly("address", "salary");
    assertThat(employee.acls()).extracting(a -> ((JsonObject) a).getString("permission")).containsExactly("DENY", "ALLOW");
    assertThat(employee.plural()).isEqualTo("Employees");
    assertThat(employee.properties().keySet()).containsExactly("salary", "name", "address", "phones", "geo", "id");
    assertThat(employee.property("address").members().keySet()).containsExactly("street", "zip", "since");
    assertThat(employee.isUserModel()).isFalse();
    assertThat(employee.settings().getJsonObject("mixins").getBoolean("TimeStamp")).isTrue();
  }

  @Test
  @DisplayName("strict, scope and built-in models read as LoopBack defines them")
  void settingsAndBuiltins() {
    ModelRegistry registry = app();
    assertThat(registry.byName("Widget").strictMode()).isEqualTo(StrictMode.FILTER);
    assertThat(registry.byName("Widget").strict()).isTrue();
    assertThat(registry.byName("Post").strictMode()).isEqualTo(StrictMode.OFF);
    assertThat(registry.byName("Post").scope().getString("order")).isEqualTo("title DESC");
    assertThat(registry.byName("Order").scope()).isNull();
    ModelDefinition token = registry.byName("AccessToken");
    assertThat(token.idName()).isEqualTo("id");
    assertThat(token.idProperty().type()).isEqualTo(PropertyType.STRING);
    assertThat(token.property("ttl").defaultValue()).isEqualTo(1209600);
    assertThat(token.property("created").defaultFn()).isEqualTo("now");
    assertThat(token.relationsJson().getJsonObject("user").getString("model")).isEqualTo("User");
    assertThat(registry.byName("User").hidden()).containsExactly("password", "verificationToken");
    assertThat(registry.byName("User").source()).isEqualTo("builtin:User");
    assertThat(registry.byName("Role").property("name").required()).isTrue();
    assertThat(registry.byName("RoleMapping").relationsJson().getJsonObject("role").getString("foreignKey"))
        .isEqualTo("roleId");
    assertThat(registry.byName("ACL").properties().keySet()).containsExactly("model", "property", "accessType",
        "permission", "principalType", "principalId", "id");
  }

  @Test
  @DisplayName("an unknown base is noted and treated as PersistedModel; the .js next to a model file is found")
  void notes() {
    ModelRegistry registry = app();
    assertThat(registry.byName("Shape").notes()).singleElement().asString().contains("base Polygon is not a known model");
    assertThat(registry.byName("Shape").baseChain()).containsExactly("PersistedModel");
    assertThat(registry.byName("Customer").script()).isNotNull();
    assertThat(registry.byName("Order").script()).isNull();
    assertThat(registry.notes()).isEmpty();
  }

  @Test
  @DisplayName("a plain folder may name a base from another source; built-ins are bases without being served")
  void plainFoldersShareBases() throws IOException {
    Path a = Files.createDirectory(temp.resolve("a"));
    Path b = Files.createDirectory(temp.resolve("b"));
    Files.writeString(a.resolve("Animal.json"), "{\"name\":\"Animal\",\"properties\":{\"legs\":\"number\"},\"hidden\":[\"legs\"]}");
    Files.writeString(b.resolve("Dog.json"), "{\"name\":\"Dog\",\"base\":\"Animal\",\"properties\":{\"bark\":\"string\"}}");
    Files.writeString(b.resolve("Member.json"), "{\"name\":\"Member\",\"base\":\"User\"}");
    ModelRegistry registry = ModelLoader.loadAll(List.of(a, b));
    assertThat(registry.all()).extracting(ModelDefinition::name).containsExactly("Animal", "Dog", "Member");
    assertThat(registry.byName("Dog").properties().keySet()).containsExactly("bark", "legs", "id");
    assertThat(registry.byName("Dog").hidden()).containsExactly("legs");
    assertThat(registry.byName("Member").isUserModel()).isTrue();
    assertThat(registry.byName("Member").property("email").required()).isTrue();
  }

  @Test
  @DisplayName("a base cycle fails naming the models; so does a model-config entry without a definition")
  void errors() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("cycle"));
    Files.writeString(dir.resolve("A.json"), "{\"name\":\"A\",\"base\":\"B\"}");
    Files.writeString(dir.resolve("B.json"), "{\"name\":\"B\",\"base\":\"A\"}");
    assertThatThrownBy(() -> ModelLoader.loadAll(List.of(dir))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the base chain is a cycle: A -> B -> A");

    Path app = temp.resolve("app");
    Files.createDirectories(app.resolve("server"));
    Files.writeString(app.resolve("server/model-config.json"), "{\"Ghost\":{\"dataSource\":\"db\"}}");
    assertThatThrownBy(() -> ModelLoader.loadAll(List.of(app))).hasMessageContaining("cannot configure unknown model Ghost");

    Files.writeString(app.resolve("server/model-config.json"), "{\"Note\":{\"dataSource\":\"db\",\"base\":\"X\"}}");
    assertThatThrownBy(() -> ModelLoader.loadAll(List.of(app))).hasMessageContaining("unsupported LoopBack 1.x format");
  }

  @Test
  @DisplayName("default sources are server/models; a missing source and a missing dataSource are noted")
  void defaultsAndMissingSources() throws IOException {
    Path app = temp.resolve("app");
    Files.createDirectories(app.resolve("server/models"));
    Files.writeString(app.resolve("server/models/my-thing.json"), "{\"properties\":{\"a\":\"string\"}}");
    Files.writeString(app.resolve("server/model-config.json"), "{\"MyThing\":{}}");
    ModelRegistry registry = ModelLoader.loadAll(List.of(app));
    assertThat(registry.byName("MyThing").attached()).isFalse();
    assertThat(registry.byName("MyThing").notes()).singleElement().asString().contains("no dataSource");
    Files.writeString(app.resolve("server/model-config.json"),
        "{\"_meta\":{\"sources\":[\"./models\",\"../nowhere\"]},\"MyThing\":{\"dataSource\":\"db\"}}");
    assertThat(ModelLoader.loadAll(List.of(app)).notes()).singleElement().asString().contains("../nowhere was not found");
  }

  @Test
  @DisplayName("options win over top-level keys; a derived model inherits its base's plural, as juggler's settings merge does")
  void optionsWinAndPluralIsInherited() throws IOException {
    ModelDefinition child = ModelLoader.parse(new JsonObject(
        "{\"name\":\"Kid\",\"base\":\"User\",\"options\":{\"strict\":true},\"strict\":false}"), "Kid.json");
    assertThat(child.strictMode()).isEqualTo(StrictMode.VALIDATE);
    assertThat(child.plural()).isEqualTo("Kids");
    Path dir = Files.createDirectory(temp.resolve("plural"));
    Files.writeString(dir.resolve("A.json"), "{\"name\":\"Thing\",\"plural\":\"stuff\"}");
    Files.writeString(dir.resolve("B.json"), "{\"name\":\"Gadget\",\"base\":\"Thing\"}");
    assertThatThrownBy(() -> ModelLoader.loadAll(List.of(dir)))
        .hasMessageContaining(dir.resolve("B.json") + ": the model plural \"stuff\" is already used by " + dir.resolve("A.json"));
  }
}
