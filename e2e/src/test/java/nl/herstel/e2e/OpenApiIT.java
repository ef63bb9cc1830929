package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.herstel.devstack.Devstack;
import nl.herstel.devstack.testing.OpenApiRules;
import nl.herstel.devstack.testing.ServiceClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document as an integrator gets it from the gateway, held to the rules a client
 * generator needs ({@link OpenApiRules}) and to a standard validator's (swagger-parser, the parser
 * of openapi-generator), and its Swagger UI at {@code /api/docs}.
 */
class OpenApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration EVENTUALLY = Duration.ofSeconds(120);
  private final Devstack stack = Stack.get();
  private final ServiceClient api = new ServiceClient(stack.gatewayUrl(), stack::token);

  private JsonNode merged() {
    return await("every service's document is merged")
        .atMost(EVENTUALLY)
        .until(() -> api.ok(api.get("/api/openapi", null)), d -> !d.has("x-herstel-unavailable"));
  }

  @Test
  void theMergedDocumentKeepsTheRulesAndNamesEachOperationOnce() throws Exception {
    JsonNode document = merged();
    ObjectNode accepted = document.deepCopy();
    accepted
        .putArray("servers")
        .addObject()
        .put("url", "http://localhost:8080")
        .put("description", "The Herstel gateway");
    Path saved = Path.of("target", "openapi", "herstel.json");
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, accepted.toPrettyString() + "\n");

    assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
    assertThat(document.path("servers")).hasSize(1);
    assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo(stack.gatewayUrl());
    int operations = OpenApiRules.operations(document);
    assertThat(operations).isGreaterThan(150);
    assertThat(OpenApiRules.violations(document)).isEmpty();
    List<String> ids = new ArrayList<>();
    document
        .path("paths")
        .forEach(
            item ->
                item.forEach(
                    operation -> {
                      if (operation.has("operationId")) {
                        ids.add(operation.get("operationId").asText());
                      }
                    }));
    assertThat(ids).hasSize(operations).doesNotHaveDuplicates();

    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.path("intakeKey").path("name").asText()).isEqualTo("X-Api-Key");
    assertThat(document.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    assertThat(
            document
                .path("paths")
                .path("/api/incidents/intake")
                .path("post")
                .path("security")
                .toString())
        .isEqualTo("[{\"bearer\":[]},{\"intakeKey\":[]}]");
    assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
  }

  @Test
  void aStandardValidatorFindsNoErrorInTheMergedDocument() {
    JsonNode document = merged();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIParser().readContents(document.toString(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getPaths()).hasSize(document.path("paths").size());
    Set<String> missing = new HashSet<>();
    document
        .path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!result.getOpenAPI().getComponents().getSchemas().containsKey(name)) {
                missing.add(name);
              }
            });
    assertThat(missing).isEmpty();
  }

  /**
   * The generated client ({@code GeneratedClientIT}) is built from the document as last accepted,
   * {@code src/test/openapi/herstel.json}: each of its operations and schemas must still be served.
   * To accept the current document, copy {@code target/openapi/herstel.json} over it.
   */
  @Test
  void theAcceptedDocumentOfTheGeneratedClientIsStillServed() throws Exception {
    JsonNode document = merged();
    JsonNode accepted =
        JSON.readTree(Files.readString(Path.of("src", "test", "openapi", "herstel.json")));
    List<String> gone = new ArrayList<>();
    accepted
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          String id = operation.getValue().path("operationId").asText();
                          String served =
                              document
                                  .path("paths")
                                  .path(path.getKey())
                                  .path(operation.getKey())
                                  .path("operationId")
                                  .asText();
                          if (!id.equals(served)) {
                            gone.add(operation.getKey() + " " + path.getKey() + " " + id);
                          }
                        }));
    accepted
        .path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!document.path("components").path("schemas").has(name)) {
                gone.add("schema " + name);
              }
            });
    assertThat(OpenApiRules.operations(accepted)).isGreaterThan(150);
    assertThat(gone)
        .as("operations and schemas of src/test/openapi/herstel.json no longer served")
        .isEmpty();
  }

  @Test
  void swaggerUiShowsTheMergedDocumentWithoutATokenOrInlineScript() {
    HttpResponse<String> page = api.get("/api/docs", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");

    Document html = Jsoup.parse(page.body());
    assertThat(html.getElementById("swagger-ui").attr("data-url")).isEqualTo("/api/openapi");
    List<Element> scripts = html.select("script");
    assertThat(scripts).hasSize(2);
    for (Element script : scripts) {
      assertThat(script.attr("src")).startsWith("/api/docs/");
      assertThat(script.data()).isBlank();
      HttpResponse<String> loaded = api.get(script.attr("src"), null);
      assertThat(loaded.statusCode()).as(script.attr("src")).isEqualTo(200);
      assertThat(loaded.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/javascript");
    }
    assertThat(api.get("/api/docs/initializer.js", null).body())
        .contains("SwaggerUIBundle", "data-url");
    assertThat(api.get("/api/docs/swagger-ui.css", null).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/docs/pom.properties", null).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/openapi", null).statusCode()).isEqualTo(200);
  }
}
