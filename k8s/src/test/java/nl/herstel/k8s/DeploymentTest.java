package nl.herstel.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's Deployment, in every overlay, against the service's code: the environment it sets
 * is what the service reads, its probes are the service's health endpoints, its image is pinned,
 * its pods are locked down, and what it points at (database, Kafka, topics, other services) exists.
 */
class DeploymentTest {
  private static final List<String> OVERLAYS = List.of("base", "overlays/dev", "overlays/prod");
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|PASSPHRASE|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_?KEY).*");
  private static final Pattern SECRET_VALUE =
      Pattern.compile("(?s).*(-----BEGIN|password=|hik_).*", Pattern.CASE_INSENSITIVE);

  static Stream<Arguments> deployments() {
    return OVERLAYS.stream()
        .flatMap(o -> Repository.SERVICES.stream().map(s -> Arguments.of(o, s)));
  }

  /** The services with a database and Kafka: all but the gateway. */
  static Stream<Arguments> statefulServices() {
    return deployments().filter(a -> !a.get()[1].equals("gateway"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deployments")
  void setsOnlySettingsTheServiceReads(String overlay, String service) {
    assertThat(environment(Manifests.of(overlay), service)).hasSizeGreaterThan(5);
    assertThat(unread(Manifests.of(overlay), service))
        .as("variables %s does not read", service)
        .isEmpty();
  }

  @Test
  void aVariableTheServiceDoesNotReadIsFound() {
    List<ObjectNode> objects =
        Manifests.of("base").objects().stream().map(ObjectNode::deepCopy).toList();
    Manifests changed = new Manifests("changed", objects);
    ObjectNode container = (ObjectNode) container(changed, "bia-service");
    container.withArray("env").addObject().put("name", "HERSTEL_DB_URI").put("value", "x");
    container.withArray("env").addObject().put("name", "HERSTEL_ROUTES_BIA").put("value", "x");
    assertThat(unread(changed, "bia-service"))
        .containsExactlyInAnyOrder("HERSTEL_DB_URI", "HERSTEL_ROUTES_BIA");
  }

  /** The variables the Deployment sets that {@code service} never reads. */
  static Set<String> unread(Manifests m, String service) {
    Set<String> known = new TreeSet<>(JVM_VARIABLES);
    Repository.configKeys(service).forEach(k -> known.add(Repository.envName(k)));
    Repository.serverVariables().forEach(v -> known.add(Repository.envName(v)));
    Set<String> unread = new TreeSet<>(environment(m, service).keySet());
    unread.removeAll(known);
    return unread;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deployments")
  void setsWhatTheServiceNeedsAndTakesSecretsFromSecrets(String overlay, String service) {
    Manifests m = Manifests.of(overlay);
    Map<String, JsonNode> env = environment(m, service);
    assertThat(env)
        .containsKeys("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")
        .containsKeys("MP_JWT_VERIFY_AUDIENCES");
    if (service.equals("gateway")) {
      assertThat(env)
          .containsKeys(
              "HERSTEL_ROUTES_BIA",
              "HERSTEL_ROUTES_PLANS",
              "HERSTEL_ROUTES_INCIDENTS",
              "HERSTEL_ROUTES_LESSONS");
    } else {
      assertThat(env)
          .containsKeys(
              "HERSTEL_DB_URL",
              "HERSTEL_DB_USER",
              "HERSTEL_DB_PASSWORD",
              "HERSTEL_KAFKA_BOOTSTRAP_SERVERS");
    }
    if (service.equals("plan-service")) {
      assertThat(env).containsKey("HERSTEL_PLANS_BUNDLE_SIGNING_KEY_PASSPHRASE");
    }
    env.forEach(
        (name, value) -> {
          if (SECRET_NAME.matcher(name).matches() || name.equals("HERSTEL_DB_USER")) {
            assertThat(value.path("valueFrom").path("secretKeyRef").path("name").asText())
                .as("%s of %s comes from a Secret", name, service)
                .isNotBlank();
          }
        });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statefulServices")
  void readsItsOwnDatabaseThroughTheOperatorsSecret(String overlay, String service) {
    Manifests m = Manifests.of(overlay);
    Map<String, JsonNode> env = environment(m, service);
    URI url = URI.create(env.get("HERSTEL_DB_URL").asText().substring("jdbc:".length()));
    assertThat(url.getScheme()).isEqualTo("postgresql");
    assertThat(url.getHost()).endsWith("-rw");
    String clusterName = url.getHost().substring(0, url.getHost().length() - "-rw".length());
    ObjectNode cluster = m.one("Cluster", clusterName);
    assertThat(url.getPath())
        .isEqualTo(
            "/" + cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
    assertThat(url.getPort()).isEqualTo(5432);
    for (String variable : List.of("HERSTEL_DB_USER", "HERSTEL_DB_PASSWORD")) {
      JsonNode ref = env.get(variable).path("valueFrom").path("secretKeyRef");
      assertThat(ref.path("name").asText()).isEqualTo(clusterName + "-app");
    }
    assertThat(
            env.get("HERSTEL_DB_USER").path("valueFrom").path("secretKeyRef").path("key").asText())
        .isEqualTo("username");
    assertThat(
            env.get("HERSTEL_DB_PASSWORD")
                .path("valueFrom")
                .path("secretKeyRef")
                .path("key")
                .asText())
        .isEqualTo("password");
    assertThat(
            m.all("ScheduledBackup").stream()
                .filter(
                    b -> b.path("spec").path("cluster").path("name").asText().equals(clusterName)))
        .as("scheduled backups of %s", clusterName)
        .hasSize(1);
    assertThat(
            Repository.SERVICES.stream()
                .filter(s -> !s.equals("gateway"))
                .filter(
                    s -> environment(m, s).get("HERSTEL_DB_URL").asText().contains(url.getHost())))
        .as("services sharing %s", clusterName)
        .containsExactly(service);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statefulServices")
  void reachesKafkaAndEveryTopicItUsesExists(String overlay, String service) {
    Manifests m = Manifests.of(overlay);
    Map<String, JsonNode> env = environment(m, service);
    assertThat(m.all("Kafka")).hasSize(1);
    ObjectNode kafka = m.all("Kafka").get(0);
    String name = kafka.path("metadata").path("name").asText();
    JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
    assertThat(env.get("HERSTEL_KAFKA_BOOTSTRAP_SERVERS").asText())
        .isEqualTo(name + "-kafka-bootstrap:" + listener.path("port").asInt());

    List<String> topicKeys =
        Repository.configKeys(service).stream()
            .filter(k -> k.startsWith("herstel.topics."))
            .toList();
    assertThat(topicKeys).hasSize(5);
    for (String key : topicKeys) {
      JsonNode topicName = env.get(Repository.envName(key));
      assertThat(topicName).as(key).isNotNull();
      assertThat(
              m.all("KafkaTopic").stream()
                  .filter(t -> t.path("spec").path("topicName").asText().equals(topicName.asText()))
                  .filter(
                      t ->
                          t.path("metadata")
                              .path("labels")
                              .path("strimzi.io/cluster")
                              .asText()
                              .equals(name)))
          .as("KafkaTopic %s", topicName.asText())
          .hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void topicsKeepEnoughCopiesForTheProducersAcks(String overlay) {
    Manifests m = Manifests.of(overlay);
    assertThat(m.all("KafkaTopic")).hasSize(5);
    int brokers =
        m.all("KafkaNodePool").stream()
            .filter(p -> p.path("spec").path("roles").toString().contains("broker"))
            .mapToInt(p -> p.path("spec").path("replicas").asInt())
            .sum();
    for (ObjectNode topic : m.all("KafkaTopic")) {
      JsonNode spec = topic.path("spec");
      int replicas = spec.path("replicas").asInt();
      int minIsr = spec.path("config").path("min.insync.replicas").asInt();
      assertThat(replicas).isLessThanOrEqualTo(brokers);
      assertThat(minIsr).isBetween(1, replicas);
      if (replicas > 1) {
        assertThat(minIsr).as("acks=all survives one broker down").isLessThan(replicas);
      }
      assertThat(spec.path("partitions").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(spec.path("config").has("retention.ms")).isTrue();
    }
  }

  static Stream<String> overlays() {
    return OVERLAYS.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deployments")
  void probesTheServicesHealthEndpoints(String overlay, String service) throws IOException {
    String serverXml = Files.readString(Repository.serverXml());
    assertThat(serverXml).containsPattern("<feature>mpHealth-[4-9]\\.[0-9]</feature>");
    String health =
        Files.readString(
            Repository.root()
                .resolve("platform/src/main/java/nl/herstel/platform/health/HealthChecks.java"));
    assertThat(health).contains("@Readiness").contains("@Liveness");

    Manifests m = Manifests.of(overlay);
    JsonNode container = container(m, service);
    int httpPort = serverHttpPort(m, service);
    Map<String, String> probes =
        Map.of(
            "startupProbe", "/health/started",
            "readinessProbe", "/health/ready",
            "livenessProbe", "/health/live");
    probes.forEach(
        (probe, path) -> {
          JsonNode get = container.path(probe).path("httpGet");
          assertThat(get.path("path").asText()).as("%s of %s", probe, service).isEqualTo(path);
          assertThat(containerPort(container, get.path("port"))).isEqualTo(httpPort);
        });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deployments")
  void runsAPinnedImageAsNonRootOnAReadOnlyFilesystem(String overlay, String service) {
    Manifests m = Manifests.of(overlay);
    JsonNode pod = m.one("Deployment", service).path("spec").path("template").path("spec");
    assertThat(pod.path("containers")).hasSize(1);
    JsonNode container = pod.path("containers").get(0);

    String image = container.path("image").asText();
    assertThat(image)
        .endsWith(
            System.getProperty("herstel.image.repository", "herstel")
                + "/"
                + service
                + ":"
                + System.getProperty("herstel.image.tag"))
        .doesNotEndWith(":latest")
        .doesNotContain("@");

    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).isPositive();
    JsonNode security = container.path("securityContext");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.path("capabilities").path("drop").toString()).contains("\"ALL\"");

    Map<String, String> mounts = new LinkedHashMap<>();
    container
        .path("volumeMounts")
        .forEach(v -> mounts.put(v.path("mountPath").asText(), v.path("name").asText()));
    for (String writable : List.of("/opt/ol/wlp/output", "/logs", "/tmp")) {
      assertThat(mounts).as("Liberty writes to %s", writable).containsKey(writable);
      String volume = mounts.get(writable);
      assertThat(
              Stream.of(pod.path("volumes").spliterator())
                  .flatMap(s -> java.util.stream.StreamSupport.stream(s, false))
                  .filter(v -> v.path("name").asText().equals(volume))
                  .filter(v -> v.has("emptyDir")))
          .as("emptyDir %s", volume)
          .hasSize(1);
    }

    JsonNode resources = container.path("resources");
    for (String kind : List.of("requests", "limits")) {
      assertThat(resources.path(kind).path("memory").asText()).as(kind).isNotBlank();
    }
    assertThat(resources.path("requests").path("cpu").asText()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("deployments")
  void itsServiceAndBudgetSelectItsPods(String overlay, String service) {
    Manifests m = Manifests.of(overlay);
    JsonNode template = m.one("Deployment", service).path("spec").path("template");
    Map<String, String> labels = strings(template.path("metadata").path("labels"));
    Map<String, String> selector =
        strings(m.one("Deployment", service).path("spec").path("selector").path("matchLabels"));
    assertThat(labels).containsAllEntriesOf(selector);
    assertThat(strings(m.one("Service", service).path("spec").path("selector")))
        .isNotEmpty()
        .satisfies(s -> assertThat(labels).containsAllEntriesOf(s));
    assertThat(
            strings(
                m.one("PodDisruptionBudget", service)
                    .path("spec")
                    .path("selector")
                    .path("matchLabels")))
        .isNotEmpty()
        .satisfies(s -> assertThat(labels).containsAllEntriesOf(s));
    JsonNode container = container(m, service);
    for (JsonNode port : m.one("Service", service).path("spec").path("ports")) {
      assertThat(containerPort(container, port.path("targetPort")))
          .isEqualTo(serverHttpPort(m, service));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void theGatewayRoutesToTheServices(String overlay) {
    Manifests m = Manifests.of(overlay);
    Map<String, JsonNode> env = environment(m, "gateway");
    Set<String> routed = new TreeSet<>();
    for (String route : List.of("BIA", "PLANS", "INCIDENTS", "LESSONS")) {
      URI uri = URI.create(env.get("HERSTEL_ROUTES_" + route).asText());
      assertThat(uri.getScheme()).isEqualTo("http");
      ObjectNode target = m.one("Service", uri.getHost());
      int port = uri.getPort() == -1 ? 80 : uri.getPort();
      assertThat(target.path("spec").path("ports").findValuesAsText("port"))
          .contains(String.valueOf(port));
      routed.add(target.path("spec").path("selector").path("app.kubernetes.io/name").asText());
    }
    assertThat(routed)
        .containsExactlyInAnyOrder(
            "bia-service", "plan-service", "incident-service", "lessons-service");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void onlyTheGatewayIsReachableFromOutside(String overlay) {
    Manifests m = Manifests.of(overlay);
    List<ObjectNode> policies = m.all("NetworkPolicy");
    assertThat(policies).isNotEmpty();
    for (String service : Repository.SERVICES) {
      Map<String, String> labels =
          strings(
              m.one("Deployment", service)
                  .path("spec")
                  .path("template")
                  .path("metadata")
                  .path("labels"));
      List<ObjectNode> selecting =
          policies.stream()
              .filter(p -> selects(p.path("spec").path("podSelector"), labels))
              .toList();
      assertThat(selecting).as("policies isolating %s", service).isNotEmpty();
      boolean open =
          selecting.stream()
              .flatMap(p -> stream(p.path("spec").path("ingress")))
              .anyMatch(rule -> !rule.has("from"));
      assertThat(open).as("%s open to every source", service).isEqualTo(service.equals("gateway"));
      if (!service.equals("gateway")) {
        List<JsonNode> peers =
            selecting.stream()
                .flatMap(p -> stream(p.path("spec").path("ingress")))
                .flatMap(rule -> stream(rule.path("from")))
                .toList();
        assertThat(peers).isNotEmpty();
        Map<String, String> gateway =
            strings(
                m.one("Deployment", "gateway")
                    .path("spec")
                    .path("template")
                    .path("metadata")
                    .path("labels"));
        for (JsonNode peer : peers) {
          assertThat(peer.has("namespaceSelector") || peer.has("ipBlock")).isFalse();
          assertThat(selects(peer.path("podSelector"), gateway))
              .as("%s allows %s", service, peer)
              .isTrue();
        }
      }
    }
    JsonNode listener = m.all("Kafka").get(0).path("spec").path("kafka").path("listeners").get(0);
    assertThat(listener.path("networkPolicyPeers")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void noSecretIsInTheRepository(String overlay) throws IOException {
    Manifests m = Manifests.of(overlay);
    assertThat(m.all("Secret")).isEmpty();
    List<ObjectNode> configMaps = m.all("ConfigMap");
    assertThat(configMaps).hasSizeGreaterThanOrEqualTo(Repository.SERVICES.size());
    for (ObjectNode map : configMaps) {
      map.path("data")
          .fields()
          .forEachRemaining(
              e -> {
                assertThat(e.getKey()).as("ConfigMap key").doesNotMatch(SECRET_NAME);
                assertThat(e.getValue().asText()).as(e.getKey()).doesNotMatch(SECRET_VALUE);
              });
    }
    String readme = Files.readString(Repository.k8s().resolve("README.md"));
    Set<String> secrets = new TreeSet<>();
    for (ObjectNode object : m.objects()) {
      secrets.addAll(object.findValuesAsText("secretName"));
      object.findValues("secretKeyRef").forEach(ref -> secrets.add(ref.path("name").asText()));
      object.findValues("s3Credentials").forEach(c -> secrets.addAll(c.findValuesAsText("name")));
    }
    assertThat(secrets).isNotEmpty();
    for (String secret : secrets) {
      boolean generated =
          secret.endsWith("-app") && m.has("Cluster", secret.substring(0, secret.length() - 4));
      assertThat(generated || readme.contains("`" + secret + "`"))
          .as("Secret %s: generated by CloudNativePG or described in k8s/README.md", secret)
          .isTrue();
    }
  }

  /** The variables the container gets: its ConfigMaps' keys and its own {@code env}. */
  static Map<String, JsonNode> environment(Manifests m, String service) {
    JsonNode container = container(m, service);
    Map<String, JsonNode> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String name = from.path("configMapRef").path("name").asText();
      assertThat(name).as("envFrom of %s is a ConfigMap", service).isNotBlank();
      m.one("ConfigMap", name)
          .path("data")
          .fields()
          .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
    }
    for (JsonNode variable : container.path("env")) {
      env.put(
          variable.path("name").asText(), variable.has("value") ? variable.get("value") : variable);
    }
    return env;
  }

  private static JsonNode container(Manifests m, String service) {
    JsonNode containers =
        m.one("Deployment", service).path("spec").path("template").path("spec").path("containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  /**
   * The port the server listens on: HTTP_PORT if the Deployment sets it, else server.xml's default.
   */
  private static int serverHttpPort(Manifests m, String service) {
    JsonNode set = environment(m, service).get("HTTP_PORT");
    if (set != null) {
      return Integer.parseInt(set.asText());
    }
    try {
      var matcher =
          Pattern.compile("<variable name=\"http.port\" defaultValue=\"(\\d+)\"/>")
              .matcher(Files.readString(Repository.serverXml()));
      assertThat(matcher.find()).isTrue();
      return Integer.parseInt(matcher.group(1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int containerPort(JsonNode container, JsonNode port) {
    if (port.isInt()) {
      return port.asInt();
    }
    return stream(container.path("ports"))
        .filter(p -> p.path("name").asText().equals(port.asText()))
        .mapToInt(p -> p.path("containerPort").asInt())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port));
  }

  private static boolean selects(JsonNode selector, Map<String, String> labels) {
    if (!labels.entrySet().containsAll(strings(selector.path("matchLabels")).entrySet())) {
      return false;
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String value = labels.get(expression.path("key").asText());
      List<String> values = stream(expression.path("values")).map(JsonNode::asText).toList();
      boolean ok =
          switch (expression.path("operator").asText()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError(expression.toString());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
