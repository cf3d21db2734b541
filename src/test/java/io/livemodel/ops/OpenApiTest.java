package io.livemodel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OpenAPI document at /explorer/openapi.json")
class OpenApiTest {

  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    api.close();
    server.close();
  }

  private static OpenAPI parse(String json) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, null);
    assertThat(result.getMessages()).as("validator messages").isEmpty();
    return result.getOpenAPI();
  }

  @Test
  @DisplayName("validates with swagger-parser and covers every REST route of MyModels, /count and /change-stream included")
  void validAndComplete() {
    Api.Response response = api.get("/explorer/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    OpenAPI doc = parse(response.body());
    assertThat(doc.getServers().get(0).getUrl()).isEqualTo("/api");
    Map<String, PathItem> paths = doc.getPaths();
    assertThat(paths.get("/MyModels").readOperationsMap()).containsOnlyKeys(
        PathItem.HttpMethod.GET, PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH);
    assertThat(paths.get("/MyModels/{id}").readOperationsMap()).containsOnlyKeys(PathItem.HttpMethod.GET,
        PathItem.HttpMethod.HEAD, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    assertThat(paths.get("/MyModels/{id}/exists").getGet()).isNotNull();
    assertThat(paths.get("/MyModels/{id}/replace").getPost()).isNotNull();
    assertThat(paths.get("/MyModels/count").getGet().getParameters()).isNotEmpty();
    assertThat(paths.get("/MyModels/findOne").getGet()).isNotNull();
    assertThat(paths.get("/MyModels/replaceOrCreate").getPost()).isNotNull();
    assertThat(paths.get("/MyModels/update").getPost()).isNotNull();
    assertThat(paths.get("/MyModels/upsertWithWhere").getPost()).isNotNull();
    PathItem stream = paths.get("/MyModels/change-stream");
    assertThat(stream.getGet().getResponses().get("200").getContent()).containsKey("text/event-stream");
    assertThat(stream.getPost()).isNotNull();
    assertThat(doc.getComponents().getSecuritySchemes()).containsKeys("access_token", "access_token_header");
    assertThat(doc.getComponents().getSchemas().get("Note").getRequired()).containsExactly("title");
    assertThat(doc.getComponents().getSchemas()).containsKeys("MyModelChange", "Error");
  }

  @Test
  @DisplayName("LoopBack's /explorer/swagger.json answers with the same document")
  void loopBackPath() {
    assertThat(new JsonObject(api.get("/explorer/swagger.json").body()))
        .isEqualTo(new JsonObject(api.get("/explorer/openapi.json").body()));
  }

  @Test
  @DisplayName("/explorer/ serves the explorer page and Swagger UI from the webjar, no CDN")
  void explorerPage() {
    assertThat(api.get("/explorer").status()).isEqualTo(302);
    Api.Response page = api.get("/explorer/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui/swagger-ui-bundle.js").contains("accessToken").doesNotContain("https://");
    Api.Response bundle = api.get("/explorer/swagger-ui/swagger-ui-bundle.js");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
  }
}
