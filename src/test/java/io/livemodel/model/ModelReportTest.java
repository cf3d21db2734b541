package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The start-up report names every model and, in one warning, every model-file key LiveModel does not implement")
class ModelReportTest {

  @Test
  @DisplayName("one INFO line per model: source, path, base, counts, exposure")
  void infoLines() {
    List<String> lines = ModelReport.lines(AppFolderLoadingTest.app());
    assertThat(lines).hasSize(17);
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("model Customer (")
        .endsWith("customer.json): path /Customers, base User, 8 properties, relations [accessTokens, orders], 15 acls, public"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("model VipCustomer").contains("path /vips"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("model Secret").endsWith("not public: no REST routes, stream or bridge address"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("model Scratch").endsWith("its routes answer 500"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("model Local").endsWith("based on Model: no REST routes"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("model User (builtin:User)"));
  }

  @Test
  @DisplayName("the warning lists mixins, validateUpsert, unknown bases and .js files per model; empty keys and honoured ones (relations, acls, hidden) are not listed")
  void warning() {
    String warning = ModelReport.warning(AppFolderLoadingTest.app());
    assertThat(warning).startsWith("Model-file features LiveModel does not implement");
    String customer = line(warning, "Customer: ");
    assertThat(customer).contains("customer.js (JavaScript");
    assertThat(customer).doesNotContain("relations", "acls (", "hidden (", "validations (", "methods (",
        "caseSensitiveEmail", "idInjection");
    assertThat(line(warning, "Person: ")).contains("mixins (mixins)").doesNotContain("acls (", "protected (", "hidden (");
    assertThat(line(warning, "Employee: ")).contains("validateUpsert");
    assertThat(line(warning, "Shape: ")).contains("base Polygon is not a known model");
    assertThat(warning).doesNotContain("Widget: ", "Post: ", "Order: ");
  }

  @Test
  @DisplayName("unknown settings, http keys other than path, scope.include and unknown defaultFns are named")
  void otherKeys() {
    ModelDefinition model = ModelLoader.parse(new JsonObject("""
        {"name":"M","http":{"path":"ms","verb":"x"},"scope":{"where":{"a":1},"include":"r"},"frobnicate":1,
         "properties":{"p":{"type":"string","defaultFn":"sequence"},
           "q":{"type":"string","index":{"unique":true},"postgresql":{"columnName":"Q"},"length":20,"description":"d"}},
         "replaceOnPUT":false,"trackChanges":true}"""), "M.json");
    assertThat(ModelReport.unimplemented(model)).containsExactly("property q: index, postgresql",
        "frobnicate (unknown setting)", "replaceOnPUT (PUT as patch)",
        "trackChanges (change tracking and replication)", "http.verb", "scope.include (not applied to reads)",
        "property p: unknown defaultFn \"sequence\" (nothing is set)");
  }

  @Test
  @DisplayName("the shipped models (validateUpsert: true, what LiveModel does) need no warning")
  void shippedModelsAreClean() {
    assertThat(ModelReport.warning(ModelLoader.loadAll(java.util.List.of(java.nio.file.Path.of("conf/models"))))).isNull();
  }

  @Test
  @DisplayName("an http.path of several segments is reported: it cannot be routed")
  void multiSegmentPath() {
    ModelDefinition model = ModelLoader.parse(new JsonObject("{\"name\":\"M\",\"http\":{\"path\":\"/a/b\"}}"), "M.json");
    assertThat(ModelReport.unimplemented(model)).singleElement().asString().startsWith("http.path /a/b has several segments");
  }

  @Test
  @DisplayName("log writes the lines at INFO and exactly one WARNING")
  void logs() {
    Logger logger = Logger.getLogger(ModelReport.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(handler);
    try {
      ModelReport.log(AppFolderLoadingTest.app());
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(records).filteredOn(r -> r.getLevel() == Level.INFO).hasSize(17);
    assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(1);
  }

  private static String line(String warning, String prefix) {
    return warning.lines().filter(l -> l.trim().startsWith(prefix)).findFirst().orElseThrow(
        () -> new AssertionError("no line for " + prefix + " in " + warning));
  }
}
