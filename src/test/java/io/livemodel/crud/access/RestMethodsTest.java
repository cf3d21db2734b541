package io.livemodel.crud.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ModelRegistry;
import io.livemodel.model.ModelLoader;
import io.livemodel.relation.RelationGraph;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("RestMethods: each REST route's remote method (the ACL property) and the path id that decides $owner")
class RestMethodsTest {

  static final RestMethodsFixture FIXTURE = new RestMethodsFixture();

  /** The acl-app's models and relations, loaded once. */
  static final class RestMethodsFixture {
    final ModelRegistry models;
    final RestMethods methods;

    RestMethodsFixture() {
      models = ModelLoader.loadAll(List.of(Path.of("src/test/resources/lb-apps/acl-app")));
      methods = new RestMethods(RelationGraph.of(models));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
  @CsvSource(nullValues = "-", value = {
      "Notes, GET, '', find, -",
      "Notes, HEAD, '', find, -",
      "Notes, POST, '', create, -",
      "Notes, PUT, '', replaceOrCreate, -",
      "Notes, PATCH, '', patchOrCreate, -",
      "Notes, GET, count, count, -",
      "Notes, GET, findOne, findOne, -",
      "Notes, GET, change-stream, createChangeStream, -",
      "Notes, POST, change-stream, createChangeStream, -",
      "Notes, GET, 7, findById, 7",
      "Notes, HEAD, 7, exists, 7",
      "Notes, GET, 7/exists, exists, 7",
      "Notes, PUT, 7, replaceById, 7",
      "Notes, POST, 7/replace, replaceById, 7",
      "Notes, PATCH, 7, patchAttributes, 7",
      "Notes, DELETE, 7, deleteById, 7",
      "Notes, POST, update, updateAll, -",
      "Notes, POST, upsertWithWhere, upsertWithWhere, -",
      "Notes, POST, replaceOrCreate, replaceOrCreate, -",
      "Notes, GET, 7/owner, __get__owner, 7",
      "Customers, GET, 1/notes, __get__notes, 1",
      "Customers, POST, 1/notes, __create__notes, 1",
      "Customers, DELETE, 1/notes, __delete__notes, 1",
      "Customers, GET, 1/notes/count, __count__notes, 1",
      "Customers, GET, 1/notes/3, __findById__notes, 1",
      "Customers, PUT, 1/notes/3, __updateById__notes, 1",
      "Customers, DELETE, 1/notes/3, __destroyById__notes, 1",
      "Customers, POST, login, login, -",
      "Customers, POST, logout, logout, -",
      "Customers, POST, change-password, changePassword, -",
      "Customers, POST, reset, resetPassword, -",
      "Customers, POST, reset-password, setPassword, -",
      "Customers, GET, confirm, confirm, -",
  })
  void methods(String plural, String verb, String path, String method, String pathId) {
    List<String> segments = path.isEmpty() ? List.of() : List.of(path.split("/"));
    RestMethods.Call call = FIXTURE.methods.of(FIXTURE.models.byPlural(plural), HttpMethod.valueOf(verb), segments);
    assertThat(call).isEqualTo(new RestMethods.Call(method, pathId));
  }

  @ParameterizedTest(name = "{0} {1} {2}: no method")
  @CsvSource({"Notes, POST, login", "Notes, GET, 7/nope", "Notes, POST, 7", "Customers, GET, 1/notes/3/x"})
  void noMethod(String plural, String verb, String path) {
    assertThat(FIXTURE.methods.of(FIXTURE.models.byPlural(plural), HttpMethod.valueOf(verb), List.of(path.split("/"))))
        .isNull();
  }
}
