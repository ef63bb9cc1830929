package nl.herstel.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base and both overlays render to the objects issue 17 asks for. */
class KustomizationTest {

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyObjectIsNamedOnceInTheHerstelNamespace(String overlay) {
    List<ObjectNode> objects = Manifests.of(overlay).objects();
    assertThat(objects).hasSizeGreaterThan(40);
    Set<String> seen = new HashSet<>();
    for (ObjectNode object : objects) {
      String id =
          object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
      assertThat(object.path("apiVersion").asText()).as(id).isNotBlank();
      assertThat(object.path("metadata").path("namespace").asText()).as(id).isEqualTo("herstel");
      assertThat(seen.add(id)).as("%s appears twice", id).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void eachServiceHasDeploymentServiceDisruptionBudgetAndConfigMap(String overlay) {
    Manifests m = Manifests.of(overlay);
    assertThat(m.all("Deployment")).hasSize(Repository.SERVICES.size());
    for (String service : Repository.SERVICES) {
      assertThat(m.has("Deployment", service)).as(service).isTrue();
      assertThat(m.has("Service", service)).as(service).isTrue();
      assertThat(m.has("PodDisruptionBudget", service)).as(service).isTrue();
      assertThat(m.has("ConfigMap", service + "-config")).as(service).isTrue();
    }
  }

  @Test
  void baseRunsTwoReplicasOfEachServiceAndHighlyAvailableData() {
    Manifests base = Manifests.of("base");
    for (String service : Repository.SERVICES) {
      assertThat(base.one("Deployment", service).path("spec").path("replicas").asInt())
          .as(service)
          .isEqualTo(2);
      assertThat(base.one("PodDisruptionBudget", service).path("spec").path("minAvailable").asInt())
          .isEqualTo(1);
    }
    assertThat(base.all("KafkaNodePool")).hasSize(2);
    for (ObjectNode pool : base.all("KafkaNodePool")) {
      assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(3);
    }
    assertThat(base.all("Cluster")).hasSize(4);
    for (ObjectNode cluster : base.all("Cluster")) {
      assertThat(cluster.path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void devIsSmallAndItsBudgetsDoNotBlockDrains() {
    Manifests dev = Manifests.of("overlays/dev");
    for (String service : Repository.SERVICES) {
      assertThat(dev.one("Deployment", service).path("spec").path("replicas").asInt()).isEqualTo(1);
      JsonNode budget = dev.one("PodDisruptionBudget", service).path("spec");
      assertThat(budget.has("minAvailable")).isFalse();
      assertThat(budget.path("maxUnavailable").asInt()).isEqualTo(1);
    }
    assertThat(dev.all("KafkaTopic")).hasSize(5);
    for (ObjectNode topic : dev.all("KafkaTopic")) {
      assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(1);
      assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
          .isEqualTo(1);
      assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(6);
    }
    for (ObjectNode cluster : dev.all("Cluster")) {
      assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(1);
      assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText())
          .startsWith("herstel_");
    }
  }

  @Test
  void prodHasTheGatewayBehindTlsAndScalesEveryService() {
    Manifests prod = Manifests.of("overlays/prod");
    assertThat(prod.all("Ingress")).hasSize(1);
    JsonNode ingress = prod.all("Ingress").get(0).path("spec");
    assertThat(ingress.path("tls")).hasSize(1);
    assertThat(ingress.path("tls").get(0).path("secretName").asText()).isNotBlank();
    assertThat(ingress.path("rules")).hasSize(1);
    JsonNode paths = ingress.path("rules").get(0).path("http").path("paths");
    assertThat(paths).hasSize(1);
    assertThat(ingress.path("tls").get(0).path("hosts").get(0).asText())
        .isEqualTo(ingress.path("rules").get(0).path("host").asText());
    assertThat(paths.get(0).path("backend").path("service").path("name").asText())
        .isEqualTo("gateway");

    assertThat(prod.all("HorizontalPodAutoscaler")).hasSize(Repository.SERVICES.size());
    for (ObjectNode hpa : prod.all("HorizontalPodAutoscaler")) {
      JsonNode spec = hpa.path("spec");
      assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
      assertThat(prod.has("Deployment", spec.path("scaleTargetRef").path("name").asText()))
          .isTrue();
      assertThat(spec.path("minReplicas").asInt()).isEqualTo(2);
      assertThat(spec.path("maxReplicas").asInt())
          .as("more replicas than partitions would sit idle in their consumer groups")
          .isLessThanOrEqualTo(
              prod.all("KafkaTopic").get(0).path("spec").path("partitions").asInt());
    }
    for (ObjectNode cluster : prod.all("Cluster")) {
      assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
    }
  }

  /**
   * Where kubectl is installed (it is on the project's build machines), its kustomize renders the
   * same objects as {@link Kustomize}: the Java rendering leaves out nothing the files ask for.
   */
  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void kubectlKustomizeRendersTheSameObjects(String overlay) throws Exception {
    Path kubectl = onPath("kubectl");
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    Process process =
        new ProcessBuilder(
                kubectl.toString(), "kustomize", Repository.k8s().resolve(overlay).toString())
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    Path rendered = Files.createTempFile("kustomize", ".yaml");
    try {
      Files.write(rendered, out);
      Map<String, JsonNode> byKubectl = byId(Kustomize.readAll(rendered));
      Map<String, JsonNode> byJava = byId(Manifests.of(overlay).objects());
      assertThat(byJava.keySet()).isEqualTo(byKubectl.keySet());
      for (String id : byKubectl.keySet()) {
        assertThat(byJava.get(id)).as(id).isEqualTo(byKubectl.get(id));
      }
    } finally {
      Files.delete(rendered);
    }
  }

  private static Map<String, JsonNode> byId(List<ObjectNode> objects) {
    Map<String, JsonNode> byId = new TreeMap<>();
    objects.forEach(
        o -> byId.put(o.path("kind").asText() + "/" + o.path("metadata").path("name").asText(), o));
    return byId;
  }

  private static Path onPath(String program) throws IOException {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
