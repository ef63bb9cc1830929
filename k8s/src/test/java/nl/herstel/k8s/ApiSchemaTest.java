package nl.herstel.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered object is valid for its API: the Kubernetes kinds and Strimzi's through their
 * published models ({@link ApiModels}), CloudNativePG's through its CRD schemas ({@link
 * CrdSchemaTest}).
 */
class ApiSchemaTest {
  static final String CNPG = "postgresql.cnpg.io/v1/";

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyObjectIsValidForItsApi(String overlay) {
    List<ObjectNode> objects = Manifests.of(overlay).objects();
    List<String> errors = new ArrayList<>();
    int checked = 0;
    for (ObjectNode object : objects) {
      String id = ApiModels.id(object);
      if (id.startsWith(CNPG)) {
        continue;
      }
      try {
        ApiModels.read(object);
        checked++;
      } catch (Exception e) {
        errors.add(
            id + " " + object.path("metadata").path("name").asText() + ": " + e.getMessage());
      }
    }
    assertThat(errors).isEmpty();
    assertThat(checked + objects.stream().filter(o -> ApiModels.id(o).startsWith(CNPG)).count())
        .isEqualTo(objects.size());
  }

  @Test
  void aMisspelledFieldIsRefused() {
    ObjectNode deployment = copy("Deployment", "bia-service");
    ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
        .put("readinesProbe", "x");
    assertThatThrownBy(() -> ApiModels.read(deployment)).hasMessageContaining("readinesProbe");
  }

  @Test
  void aWrongTypeIsRefused() {
    ObjectNode deployment = copy("Deployment", "bia-service");
    ((ObjectNode) deployment.path("spec")).put("replicas", "two");
    assertThatThrownBy(() -> ApiModels.read(deployment)).isInstanceOf(Exception.class);

    ObjectNode config = copy("ConfigMap", "bia-service-config");
    ((ObjectNode) config.path("data")).put("HERSTEL_DB_POOL_SIZE", 10);
    assertThatThrownBy(() -> ApiModels.read(config)).isInstanceOf(Exception.class);
  }

  @Test
  void aStrimziFieldTheApiDoesNotHaveOrOfTheWrongTypeIsRefused() {
    ObjectNode pool = copy("KafkaNodePool", "broker");
    ((ObjectNode) pool.path("spec")).put("replicas", "three");
    assertThatThrownBy(() -> ApiModels.read(pool)).isInstanceOf(Exception.class);

    ObjectNode topic = copy("KafkaTopic", "herstel-bia-v1");
    ((ObjectNode) topic.path("spec")).put("partition", 6);
    assertThatThrownBy(() -> ApiModels.read(topic)).hasMessageContaining("partition");
  }

  private static ObjectNode copy(String kind, String name) {
    return Manifests.of("base").one(kind, name).deepCopy();
  }
}
