package nl.herstel.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the services' documents become one: every component kept, clashing names made unique. */
class MergedOpenApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MergedOpenApi merger = new MergedOpenApi();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static final String BIA =
      """
      {'openapi':'3.0.3','paths':{'/api/bia/processes':{'post':{'operationId':'registerProcess',
        'requestBody':{'$ref':'#/components/requestBodies/Body'},
        'responses':{'201':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Created'}}}},
                     '404':{'$ref':'#/components/responses/Missing'}}}}},
       'components':{
        'schemas':{'Created':{'type':'object','properties':{'id':{'type':'string'}}},
                   'Problem':{'type':'object','properties':{'status':{'type':'integer'}}}},
        'requestBodies':{'Body':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Created'}}}}},
        'responses':{'Missing':{'description':'not there'}},
        'securitySchemes':{'bearer':{'type':'http','scheme':'bearer'}}},
       'tags':[{'name':'Processes'}]}
      """;

  private static final String PLANS =
      """
      {'openapi':'3.0.3','paths':{'/api/plans/plans':{'post':{'operationId':'createPlan',
        'responses':{'201':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Holder'}}}}}}}},
       'components':{
        'schemas':{'Created':{'type':'object','properties':{'id':{'type':'string'},'version':{'type':'integer'}}},
                   'Holder':{'type':'object','properties':{'created':{'$ref':'#/components/schemas/Created'}}},
                   'Problem':{'type':'object','properties':{'status':{'type':'integer'}}}},
        'parameters':{'Limit':{'name':'limit','in':'query','schema':{'type':'integer'}}},
        'securitySchemes':{'bearer':{'type':'http','scheme':'bearer'}}},
       'tags':[{'name':'Processes'},{'name':'Plans'}]}
      """;

  private static final String INCIDENTS =
      """
      {'openapi':'3.0.3','paths':{'/api/incidents/intake':{'post':{'operationId':'reportAlert',
        'responses':{'202':{'description':'accepted'}}}}}}
      """;

  private JsonNode merged() throws Exception {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("bia", json(BIA));
    documents.put("plans", json(PLANS));
    documents.put("incidents", json(INCIDENTS));
    documents.put("lessons", null);
    return merger.merge(documents);
  }

  @Test
  void isTheServicesOpenApiVersion() throws Exception {
    assertThat(merged().path("openapi").asText()).isEqualTo("3.0.3");
  }

  @Test
  void keepsEveryKindOfComponent() throws Exception {
    JsonNode components = merged().path("components");
    assertThat(components.path("requestBodies").has("Body")).isTrue();
    assertThat(components.path("responses").has("Missing")).isTrue();
    assertThat(components.path("parameters").has("Limit")).isTrue();
    assertThat(components.path("schemas").has("Problem")).isTrue();
  }

  @Test
  void aNameUsedForOtherContentGetsTheServiceNameAndItsReferencesFollow() throws Exception {
    JsonNode document = merged();
    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.path("Created").path("properties").has("version")).isFalse();
    assertThat(schemas.path("PlansCreated").path("properties").has("version")).isTrue();
    assertThat(schemas.path("Holder").path("properties").path("created").path("$ref").asText())
        .isEqualTo("#/components/schemas/PlansCreated");
    assertThat(
            document
                .at("/paths/~1api~1bia~1processes/post/responses/201/content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/Created");
    assertThat(schemas.has("PlansProblem")).isFalse();
  }

  @Test
  void securesEverythingWithABearerTokenAndTheIntakeAlsoWithItsKey() throws Exception {
    JsonNode document = merged();
    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(schemes.path("intakeKey").path("in").asText()).isEqualTo("header");
    assertThat(schemes.path("intakeKey").path("name").asText()).isEqualTo("X-Api-Key");
    assertThat(document.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    assertThat(document.at("/paths/~1api~1incidents~1intake/post/security").toString())
        .isEqualTo("[{\"bearer\":[]},{\"intakeKey\":[]}]");
    assertThat(document.at("/paths/~1api~1plans~1plans/post").has("security")).isFalse();
  }

  @Test
  void namesEachTagOnceAndTheServicesThatAreDown() throws Exception {
    JsonNode document = merged();
    assertThat(document.path("tags")).hasSize(2);
    assertThat(document.path("x-herstel-unavailable").toString()).isEqualTo("[\"lessons\"]");
  }

  @Test
  void itsServerIsTheGateway() throws Exception {
    JsonNode document =
        MergedOpenApi.withServer(merged(), URI.create("https://herstel.example:8443"));
    assertThat(document.path("servers")).hasSize(1);
    assertThat(document.path("servers").get(0).path("url").asText())
        .isEqualTo("https://herstel.example:8443");
  }
}
