package nl.herstel.bia.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bia-service deployed on Open Liberty against real PostgreSQL and Kafka: the thin slice's BIA
 * part, its bad input, its security, its Kafka contract and its event metadata.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class BiaServiceIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void registersAProcessWithItsTargetsAndSupportingAsset() {
    String assetId =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("db-payments-01")));
    String processId =
        api.createdId(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                """
                {"name":"Payments","critical":true,"crownJewel":true,"owner":"CFO",
                 "mtpd":"PT24H","rto":"PT8H","rpo":"PT1H","supportedBy":["%s"]}
                """
                    .formatted(assetId)));

    JsonNode process =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> api.getJson("/api/bia/processes/" + processId, "auditor"), p -> p != null);
    assertThat(process.get("name").asText()).isEqualTo("Payments");
    assertThat(process.get("rto").asText()).isEqualTo("PT8H");
    assertThat(process.get("mtpd").asText()).isEqualTo("PT24H");
    assertThat(process.get("crownJewel").asBoolean()).isTrue();
    assertThat(process.get("supportedBy")).hasSize(1);
    assertThat(process.get("supportedBy").get(0).asText()).isEqualTo(assetId);
  }

  @Test
  void rejectsAnRtoLongerThanTheMtpdAndStoresNothing() throws Exception {
    long before = storedEvents();
    var response =
        api.post(
            "/api/bia/processes",
            "bcm-manager",
            """
            {"name":"Payroll","mtpd":"PT8H","rto":"PT24H"}""");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = api.json(response);
    assertThat(problem.get("type").asText())
        .isEqualTo("https://herstel.nl/problems/rule-violation");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("rto");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void namesEachBadFieldOfAnInvalidRequest() {
    var missingName =
        api.post("/api/bia/processes", "bcm-manager", "{\"mtpd\":\"PT8H\",\"rto\":\"PT1H\"}");
    assertThat(missingName.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(missingName))).contains("name");

    var badDuration =
        api.post(
            "/api/bia/processes",
            "bcm-manager",
            "{\"name\":\"X\",\"mtpd\":\"8 hours\",\"rto\":\"PT1H\"}");
    assertThat(badDuration.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badDuration))).containsExactly("mtpd");

    var unknownKind =
        api.post("/api/bia/assets", "bcm-manager", "{\"name\":\"X\",\"kind\":\"SPACESHIP\"}");
    assertThat(unknownKind.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownKind))).containsExactly("kind");

    var wrongType =
        api.post(
            "/api/bia/processes",
            "bcm-manager",
            "{\"name\":\"X\",\"critical\":\"yes\",\"mtpd\":\"PT8H\",\"rto\":\"PT1H\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(wrongType))).containsExactly("critical");

    var malformed = api.post("/api/bia/processes", "bcm-manager", "{\"name\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(api.json(malformed).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/malformed-request");

    var unknownAsset =
        api.post(
            "/api/bia/processes",
            "bcm-manager",
            "{\"name\":\"X\",\"mtpd\":\"PT8H\",\"rto\":\"PT1H\",\"supportedBy\":[\"no-such-asset\"]}");
    assertThat(unknownAsset.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(unknownAsset))).containsExactly("supportedBy");
  }

  @Test
  void unknownProcessIsNotFound() {
    var response = api.get("/api/bia/processes/" + UUID.randomUUID(), "auditor");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(api.json(response).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/not-found");
  }

  @Test
  void writesNeedTheBcmManagerRoleAndReadsAToken() {
    assertThat(api.post("/api/bia/assets", "auditor", asset("x")).statusCode()).isEqualTo(403);
    assertThat(api.post("/api/bia/assets", null, asset("x")).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/bia/processes", null).statusCode()).isEqualTo(401);
  }

  @Test
  void publishesRegisteredAssetsToKafkaAsCloudEvents() {
    String assetId = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("fw-01")));
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("herstel.bia.v1"));
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          if (assetId.equals(r.key())) {
                            found.add(r);
                          }
                        });
                return !found.isEmpty();
              });
      assertThat(found).hasSize(1);
      ConsumerRecord<String, byte[]> record = found.get(0);
      assertThat(header(record, "ce_type")).isEqualTo("nl.herstel.bia.asset-registered.v1");
      assertThat(header(record, "ce_source")).isEqualTo("urn:herstel:bia-service");
      assertThat(header(record, "ce_subject")).isEqualTo(assetId);
      assertThat(header(record, "ce_id")).isNotBlank();
      assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"kind\":\"DATA\"");
    }
  }

  @Test
  void recordsWhoDidWhatUnderWhichRoleOnEveryEvent() throws Exception {
    String assetId = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("dc-01")));
    try (Connection c = database();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = '"
                    + assetId
                    + "'")) {
      assertThat(r.next()).isTrue();
      JsonNode metadata = ContractJson.mapper().readTree(r.getString(1));
      assertThat(metadata.get("principal").asText()).isEqualTo("test-bcm-manager");
      assertThat(metadata.get("role").asText()).isEqualTo("bcm-manager");
      assertThat(metadata.get("source").asText()).isEqualTo("rest");
      assertThat(metadata.get("correlationId").asText()).isNotBlank();
      assertThat(metadata.get("causationId").asText()).isNotBlank();
    }
  }

  @Test
  void appliesARevisionProposalFromLessonsOnceEvenWhenRedelivered() throws Exception {
    String processId = UUID.randomUUID().toString();
    TargetRevisionProposed proposal =
        new TargetRevisionProposed(
            UUID.randomUUID().toString(),
            processId,
            "incident-1",
            Duration.ofHours(8),
            Duration.ofHours(11),
            Duration.ofHours(12),
            "Actual recovery took 11h against an RTO of 8h",
            Instant.now());
    String ceId = UUID.randomUUID().toString();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < 2; i++) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(
                "herstel.lessons.v1", proposal.subject(), ContractJson.write(proposal));
        Map.of(
                "ce_id", ceId,
                "ce_type", "nl.herstel.lessons.target-revision-proposed.v1",
                "ce_source", "urn:herstel:lessons-service",
                "ce_specversion", "1.0",
                "ce_time", Instant.now().toString())
            .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> revisionsFor(processId).size() == 1);
    Thread.sleep(1500);
    List<JsonNode> revisions = revisionsFor(processId);
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(revisions.get(0).get("proposedRto").asText()).isEqualTo("PT12H");
  }

  private List<JsonNode> revisionsFor(String processId) {
    List<JsonNode> matching = new ArrayList<>();
    JsonNode all = api.getJson("/api/bia/revisions?status=PENDING", "process-owner");
    if (all != null) {
      all.forEach(
          r -> {
            if (processId.equals(r.get("processId").asText())) {
              matching.add(r);
            }
          });
    }
    return matching;
  }

  private static String asset(String name) {
    return "{\"name\":\"" + name + "\",\"kind\":\"DATA\"}";
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private long storedEvents() throws Exception {
    try (Connection c = database();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM domainevententry")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Connection database() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    return DriverManager.getConnection(
        infra.jdbcUrl(System.getProperty("herstel.it.database")),
        infra.dbUser(),
        infra.dbPassword());
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bia-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}
