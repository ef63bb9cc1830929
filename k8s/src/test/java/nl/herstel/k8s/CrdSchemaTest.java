package nl.herstel.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates the custom resources against the operators' own CustomResourceDefinitions (the OpenAPI
 * schema each CRD carries), closed the way the API server's pruning closes them: a field a schema
 * does not name is an error here, not silently dropped. The CRDs are not in this repository; the
 * directory {@code -Dherstel.k8s.crds} (default {@code ../shared/k8s/crds} beside the checkout)
 * holds them, and this test is skipped without it (see k8s/README.md, "Checked in the build").
 */
class CrdSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

  static Path crdDirectory() {
    String configured = System.getProperty("herstel.k8s.crds");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Repository.root().resolveSibling("shared").resolve("k8s/crds");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyCustomResourceMatchesItsOperatorsSchema(String overlay) throws IOException {
    Path dir = crdDirectory();
    assumeTrue(Files.isDirectory(dir), "no CustomResourceDefinitions in " + dir);
    Map<String, JsonSchema> schemas = schemas(dir);
    assertThat(schemas).isNotEmpty();

    List<ObjectNode> custom =
        Manifests.of(overlay).objects().stream()
            .filter(o -> o.path("apiVersion").asText().contains(".") && !isBuiltIn(o))
            .toList();
    assertThat(custom).hasSizeGreaterThanOrEqualTo(15);
    List<String> errors = new ArrayList<>();
    for (ObjectNode object : custom) {
      String id = ApiModels.id(object);
      JsonSchema schema = schemas.get(id);
      assertThat(schema).as("a CRD for %s in %s", id, dir).isNotNull();
      Set<ValidationMessage> messages = schema.validate(object);
      messages.forEach(
          m -> errors.add(id + " " + object.path("metadata").path("name").asText() + ": " + m));
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void aMisspelledOrMistypedFieldIsRefused() throws IOException {
    Path dir = crdDirectory();
    assumeTrue(Files.isDirectory(dir), "no CustomResourceDefinitions in " + dir);
    Map<String, JsonSchema> schemas = schemas(dir);
    ObjectNode cluster = Manifests.of("base").one("Cluster", "herstel-bia-db").deepCopy();
    ((ObjectNode) cluster.path("spec")).put("instance", 2);
    assertThat(schemas.get(ApiModels.id(cluster)).validate(cluster)).hasSize(1);

    ObjectNode backup =
        Manifests.of("base").one("ScheduledBackup", "herstel-bia-db-nightly").deepCopy();
    ((ObjectNode) backup.path("spec")).put("method", "tape");
    assertThat(schemas.get(ApiModels.id(backup)).validate(backup)).isNotEmpty();

    ObjectNode topic = Manifests.of("base").one("KafkaTopic", "herstel-bia-v1").deepCopy();
    ((ObjectNode) topic.path("spec")).put("partitions", "six");
    assertThat(schemas.get(ApiModels.id(topic)).validate(topic)).isNotEmpty();
  }

  private static boolean isBuiltIn(JsonNode object) {
    String group = object.path("apiVersion").asText();
    return group.endsWith(".k8s.io/v1") || group.startsWith("autoscaling/");
  }

  /** apiVersion/kind → the closed schema of that version, from every CRD in {@code dir}. */
  static Map<String, JsonSchema> schemas(Path dir) throws IOException {
    Map<String, JsonSchema> schemas = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (ObjectNode crd : Kustomize.readAll(file)) {
          if (!crd.path("kind").asText().equals("CustomResourceDefinition")) {
            continue;
          }
          JsonNode spec = crd.path("spec");
          for (JsonNode version : spec.path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            close(schema);
            schemas.put(
                spec.path("group").asText()
                    + "/"
                    + version.path("name").asText()
                    + "/"
                    + spec.path("names").path("kind").asText(),
                FACTORY.getSchema(schema));
          }
        }
      }
    }
    return schemas;
  }

  /**
   * Object schemas that name their properties and do not keep unknown fields become closed ({@code
   * additionalProperties: false}); the top level's {@code metadata} stays open.
   */
  private static void close(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    if (object.has("properties")
        && !object.has("additionalProperties")
        && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      object.put("additionalProperties", false);
    }
    object.elements().forEachRemaining(CrdSchemaTest::close);
  }
}
