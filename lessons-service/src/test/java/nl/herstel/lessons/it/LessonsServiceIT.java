package nl.herstel.lessons.it;

import static nl.herstel.devstack.testing.ItKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.OpenApiRules;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * lessons-service deployed on Open Liberty against real PostgreSQL and Kafka: it learns targets
 * from the BIA and incidents from incident-service, turns a closed incident into recovery
 * information, publishes a target revision proposal for an RTO breach, exactly once, and guards its
 * API.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class LessonsServiceIT {
  private static final String READERS_ROLE = "management";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void anRtoBreachBecomesRecoveryInformationAndOneRevisionProposalEvenWhenRedelivered()
      throws Exception {
    String processId = registerProcess("Payments", Duration.ofHours(8), Duration.ofHours(24));
    String incidentId = UUID.randomUUID().toString();
    Instant disruptedAt = Instant.now().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
    openIncident(incidentId, "Ransomware on the payments database", disruptedAt, processId);
    IncidentClosed closed =
        new IncidentClosed(
            incidentId,
            disruptedAt,
            List.of(new Restoration(processId, disruptedAt.plus(Duration.ofHours(11)))),
            "Restored from offline backups",
            Instant.now());
    String closedId = UUID.randomUUID().toString();
    send("herstel.incidents.v1", closed, closedId, "urn:herstel:incident-service");

    JsonNode review = awaitReview(incidentId);
    assertThat(review.get("title").asText()).isEqualTo("Ransomware on the payments database");
    assertThat(review.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(Instant.parse(review.get("disruptedAt").asText())).isEqualTo(disruptedAt);
    assertThat(review.get("closedAt").isNull()).isFalse();
    assertThat(review.get("processes")).hasSize(1);
    JsonNode payments = review.get("processes").get(0);
    assertThat(payments.get("processId").asText()).isEqualTo(processId);
    assertThat(payments.get("name").asText()).isEqualTo("Payments");
    assertThat(payments.get("rto").asText()).isEqualTo("PT8H");
    assertThat(payments.get("mtpd").asText()).isEqualTo("PT24H");
    assertThat(payments.get("actualRecoveryTime").asText()).isEqualTo("PT11H");
    assertThat(payments.get("verdict").asText()).isEqualTo("RTO_BREACHED");
    assertThat(review.get("proposals")).hasSize(1);
    JsonNode proposal = review.get("proposals").get(0);
    assertThat(proposal.get("proposedRto").asText()).isEqualTo("PT11H");
    assertThat(proposal.get("currentRto").asText()).isEqualTo("PT8H");
    assertThat(proposal.get("rationale").asText())
        .contains("Payments took 11h against an RTO of 8h");

    List<JsonNode> listed = proposalsFor(incidentId);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(proposal.get("id").asText());

    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("herstel.lessons.v1"));
      List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> poll(consumer, incidentId, published) && !published.isEmpty());
      assertThat(published).hasSize(1);
      ConsumerRecord<String, byte[]> record = published.get(0);
      assertThat(header(record, "ce_type"))
          .isEqualTo("nl.herstel.lessons.target-revision-proposed.v1");
      assertThat(header(record, "ce_source")).isEqualTo("urn:herstel:lessons-service");
      assertThat(header(record, "ce_subject")).isEqualTo(incidentId);
      assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
      assertThat(header(record, "ce_id")).isNotBlank();
      JsonNode payload = ContractJson.mapper().readTree(record.value());
      assertThat(payload.get("proposalId").asText()).isEqualTo(proposal.get("id").asText());
      assertThat(payload.get("processId").asText()).isEqualTo(processId);
      assertThat(payload.get("incidentId").asText()).isEqualTo(incidentId);
      assertThat(payload.get("currentRto").asText()).isEqualTo("PT8H");
      assertThat(payload.get("actualRecoveryTime").asText()).isEqualTo("PT11H");
      assertThat(payload.get("proposedRto").asText()).isEqualTo("PT11H");

      send("herstel.incidents.v1", closed, closedId, "urn:herstel:incident-service");
      IncidentClosed closedAgain =
          new IncidentClosed(
              incidentId,
              disruptedAt,
              List.of(new Restoration(processId, disruptedAt.plus(Duration.ofHours(20)))),
              "Closed a second time",
              Instant.now());
      send(
          "herstel.incidents.v1",
          closedAgain,
          UUID.randomUUID().toString(),
          "urn:herstel:incident-service");
      awaitApplied(
          openIncident(incidentId, "Ransomware on the payments database", disruptedAt, processId));

      assertThat(storedEventsOf(incidentId)).isEqualTo(3);
      JsonNode after = api.getJson("/api/lessons/recovery-information/" + incidentId, "auditor");
      assertThat(after.get("processes")).hasSize(1);
      assertThat(after.get("processes").get(0).get("actualRecoveryTime").asText())
          .isEqualTo("PT11H");
      assertThat(after.get("proposals")).hasSize(1);
      assertThat(proposalsFor(incidentId)).hasSize(1);
      long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < quietUntil) {
        poll(consumer, incidentId, published);
      }
      assertThat(published).hasSize(1);
    }
  }

  @Test
  void dataLostBeyondTheRpoBecomesAnRpoProposalPublishedOnceAndItsFateComesBackFromTheBia()
      throws Exception {
    String processId = registerProcess("Ledger", Duration.ofHours(8), Duration.ofHours(24));
    String incidentId = UUID.randomUUID().toString();
    Instant disruptedAt = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
    openIncident(incidentId, "Ransomware on the ledger", disruptedAt, processId);
    IncidentClosed closed =
        new IncidentClosed(
            incidentId,
            disruptedAt,
            List.of(
                new Restoration(
                    processId,
                    disruptedAt.plus(Duration.ofHours(6)),
                    disruptedAt.minus(Duration.ofHours(2).plusMinutes(30)),
                    Duration.ofHours(1))),
            "Restored from the nightly backup",
            Instant.now(),
            "RANSOMWARE",
            List.of());
    String closedId = UUID.randomUUID().toString();
    send("herstel.incidents.v1", closed, closedId, "urn:herstel:incident-service");

    JsonNode page =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    api.getJson(
                        "/api/lessons/revision-proposals?kind=RPO&incidentId=" + incidentId,
                        "bcm-manager"),
                p -> p.get("items").size() > 0);
    assertThat(page.get("items")).hasSize(1);
    JsonNode proposal = page.get("items").get(0);
    assertThat(proposal.get("kind").asText()).isEqualTo("RPO");
    assertThat(proposal.get("processId").asText()).isEqualTo(processId);
    assertThat(proposal.get("currentTarget").asText()).isEqualTo("PT1H");
    assertThat(proposal.get("proposedTarget").asText()).isEqualTo("PT3H");
    assertThat(proposal.get("status").asText()).isEqualTo("PROPOSED");
    assertThat(proposal.get("evidence")).hasSize(1);
    assertThat(proposal.get("evidence").get(0).get("measure").asText()).isEqualTo("DATA_LOSS");
    assertThat(proposal.get("evidence").get(0).get("measured").asText()).isEqualTo("PT2H30M");
    assertThat(proposal.get("rationale").asText()).contains("accept an RPO of 3h");
    String proposalId = proposal.get("id").asText();

    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("herstel.lessons.v1"));
      List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> poll(consumer, incidentId, published) && !published.isEmpty());
      send("herstel.incidents.v1", closed, closedId, "urn:herstel:incident-service");
      long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < quietUntil) {
        poll(consumer, incidentId, published);
      }
      assertThat(published).hasSize(1);
      ConsumerRecord<String, byte[]> record = published.get(0);
      assertThat(header(record, "ce_type"))
          .isEqualTo("nl.herstel.lessons.bia-revision-proposed.v1");
      JsonNode payload = ContractJson.mapper().readTree(record.value());
      assertThat(payload.get("proposalId").asText()).isEqualTo(proposalId);
      assertThat(payload.get("kind").asText()).isEqualTo("RPO");
      assertThat(payload.get("proposedTarget").asText()).isEqualTo("PT3H");
    }

    Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String decidedId = UUID.randomUUID().toString();
    RevisionDecided decided =
        new RevisionDecided(
            UUID.randomUUID().toString(),
            processId,
            false,
            "Backups every hour instead",
            "owner-ann",
            decidedAt,
            proposalId);
    send("herstel.bia.v1", decided, decidedId, "urn:herstel:bia-service");
    send("herstel.bia.v1", decided, decidedId, "urn:herstel:bia-service");
    String laterId = UUID.randomUUID().toString();
    send(
        "herstel.bia.v1",
        new RevisionDecided(
            decided.revisionId(),
            processId,
            true,
            "Changed my mind",
            "someone-else",
            decidedAt.plusSeconds(60),
            proposalId),
        laterId,
        "urn:herstel:bia-service");
    awaitApplied(laterId);
    assertThat(count("SELECT count(*) FROM inbox_message WHERE message_id = ?", decidedId))
        .isEqualTo(1);

    JsonNode rejected =
        api.getJson(
            "/api/lessons/revision-proposals?status=REJECTED&processId=" + processId, "auditor");
    assertThat(rejected.get("items")).hasSize(1);
    JsonNode fate = rejected.get("items").get(0);
    assertThat(fate.get("id").asText()).isEqualTo(proposalId);
    assertThat(fate.get("decidedBy").asText()).isEqualTo("owner-ann");
    assertThat(fate.get("decisionReason").asText()).isEqualTo("Backups every hour instead");
    assertThat(Instant.parse(fate.get("decidedAt").asText())).isEqualTo(decidedAt);
    assertThat(
            api.getJson(
                    "/api/lessons/revision-proposals?status=PROPOSED&processId=" + processId,
                    "auditor")
                .get("items"))
        .isEmpty();
    JsonNode review = api.getJson("/api/lessons/recovery-information/" + incidentId, "auditor");
    assertThat(review.get("proposals")).hasSize(1);
    assertThat(review.get("proposals").get(0).get("status").asText()).isEqualTo("REJECTED");

    JsonNode changes =
        api.items(
            "/api/lessons/revision-proposals/decided?from="
                + decidedAt.minusSeconds(1)
                + "&to="
                + decidedAt.plusSeconds(1),
            "management");
    List<JsonNode> mine = new ArrayList<>();
    changes.forEach(
        c -> {
          if (proposalId.equals(c.get("proposalId").asText())) {
            mine.add(c);
          }
        });
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("kind").asText()).isEqualTo("RPO");
    assertThat(mine.get(0).get("before").asText()).isEqualTo("PT1H");
    assertThat(mine.get(0).get("after").asText()).isEqualTo("PT3H");
    assertThat(mine.get(0).get("accepted").asBoolean()).isFalse();
    assertThat(mine.get(0).get("decidedBy").asText()).isEqualTo("owner-ann");
  }

  @Test
  void badFiltersAndPeriodsAreProblemsNamingTheField() {
    assertThat(api.get("/api/lessons/revision-proposals?status=MAYBE", "auditor").statusCode())
        .isEqualTo(400);
    assertThat(api.get("/api/lessons/revision-proposals?kind=PRIORITY", "auditor").statusCode())
        .isEqualTo(400);
    assertThat(
            api.get("/api/lessons/revision-proposals?cursor=bm90LWEta2V5", "auditor").statusCode())
        .isEqualTo(400);
    assertThat(
            api.get("/api/lessons/revision-proposals/decided?from=yesterday", "auditor")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void recoveryWithinTheRtoIsMetAndAnUnknownProcessGetsNoVerdict() throws Exception {
    String processId = registerProcess("Payroll", Duration.ofHours(8), Duration.ofHours(24));
    String unknownProcess = UUID.randomUUID().toString();
    String incidentId = UUID.randomUUID().toString();
    Instant disruptedAt = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
    openIncident(incidentId, "Power failure in the server room", disruptedAt, processId);
    send(
        "herstel.incidents.v1",
        new IncidentClosed(
            incidentId,
            disruptedAt,
            List.of(
                new Restoration(processId, disruptedAt.plus(Duration.ofHours(6))),
                new Restoration(unknownProcess, disruptedAt.plus(Duration.ofHours(9)))),
            null,
            Instant.now()),
        UUID.randomUUID().toString(),
        "urn:herstel:incident-service");

    // the closure and the processes' recovery may reach the read model in two steps
    JsonNode review =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> awaitReview(incidentId), r -> r.get("processes").size() == 2);
    assertThat(review.get("processes")).hasSize(2);
    JsonNode payroll = review.get("processes").get(0);
    assertThat(payroll.get("processId").asText()).isEqualTo(processId);
    assertThat(payroll.get("actualRecoveryTime").asText()).isEqualTo("PT6H");
    assertThat(payroll.get("verdict").asText()).isEqualTo("MET");
    JsonNode unknown = review.get("processes").get(1);
    assertThat(unknown.get("processId").asText()).isEqualTo(unknownProcess);
    assertThat(unknown.get("actualRecoveryTime").asText()).isEqualTo("PT9H");
    assertThat(unknown.get("rto").isNull()).isTrue();
    assertThat(unknown.get("verdict").isNull()).isTrue();
    assertThat(review.get("proposals")).isEmpty();
    assertThat(proposalsFor(incidentId)).isEmpty();
    assertThat(storedProposalsOf(incidentId)).isZero();

    JsonNode all = api.items("/api/lessons/recovery-information", "bcm-manager");
    List<Instant> closedAt = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    all.forEach(
        r -> {
          ids.add(r.get("incidentId").asText());
          closedAt.add(Instant.parse(r.get("closedAt").asText()));
        });
    assertThat(ids).contains(incidentId);
    assertThat(closedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void readsNeedAReadingRoleAndAToken() {
    assertThat(api.get("/api/lessons/recovery-information", "plan-owner").statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/lessons/revision-proposals", "soc-intake").statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/lessons/recovery-information", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/lessons/revision-proposals", null).statusCode()).isEqualTo(401);
    for (String role :
        List.of("management", "bcm-manager", "incident-commander", "auditor", "process-owner")) {
      assertThat(api.get("/api/lessons/revision-proposals", role).statusCode())
          .as(role)
          .isEqualTo(200);
    }
  }

  @Test
  void anUnknownIncidentIsNotFound() {
    var response =
        api.get("/api/lessons/recovery-information/" + UUID.randomUUID(), "process-owner");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.json(response).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/not-found");
  }

  private String registerProcess(String name, Duration rto, Duration mtpd) throws Exception {
    String processId = UUID.randomUUID().toString();
    String ceId = UUID.randomUUID().toString();
    send(
        "herstel.bia.v1",
        new ProcessRegistered(
            processId,
            name,
            null,
            true,
            true,
            "CFO",
            mtpd,
            rto,
            Duration.ofHours(1),
            Instant.now()),
        ceId,
        "urn:herstel:bia-service");
    awaitApplied(ceId);
    return processId;
  }

  /** Opens the incident and returns the CloudEvent id it was sent with. */
  private String openIncident(
      String incidentId, String title, Instant disruptedAt, String processId) throws Exception {
    String ceId = UUID.randomUUID().toString();
    send(
        "herstel.incidents.v1",
        new IncidentOpened(
            incidentId,
            title,
            Severity.CRITICAL,
            disruptedAt,
            List.of(),
            List.of(
                new AffectedProcess(
                    processId,
                    "Payments",
                    Duration.ofHours(8),
                    Duration.ofHours(24),
                    disruptedAt.plus(Duration.ofHours(8)),
                    disruptedAt.plus(Duration.ofHours(24)))),
            Instant.now()),
        ceId,
        "urn:herstel:incident-service");
    return ceId;
  }

  private JsonNode awaitReview(String incidentId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.getJson("/api/lessons/recovery-information/" + incidentId, READERS_ROLE),
            r -> r != null && !r.path("closedAt").isNull());
  }

  private List<JsonNode> proposalsFor(String incidentId) {
    List<JsonNode> matching = new ArrayList<>();
    api.getJson("/api/lessons/revision-proposals?incidentId=" + incidentId, "process-owner")
        .get("items")
        .forEach(
            p -> {
              if (incidentId.equals(p.get("incidentId").asText())) {
                matching.add(p);
              }
            });
    return matching;
  }

  /**
   * Waits until the service has applied the record with this CloudEvent id; records with the same
   * key before it on the partition have then been handled too.
   */
  private static void awaitApplied(String ceId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId) == 1);
  }

  private static long storedEventsOf(String aggregateId) throws Exception {
    return count(
        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", aggregateId);
  }

  private static long storedProposalsOf(String aggregateId) throws Exception {
    return count(
        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
            + " AND payloadtype LIKE '%TargetRevisionProposed'",
        aggregateId);
  }

  private static long count(String sql, String arg) throws Exception {
    return ItDatabase.count(sql, arg);
  }

  private static boolean poll(
      KafkaConsumer<String, byte[]> consumer,
      String key,
      List<ConsumerRecord<String, byte[]>> found) {
    consumer
        .poll(Duration.ofMillis(500))
        .forEach(
            r -> {
              if (key.equals(r.key())) {
                found.add(r);
              }
            });
    return true;
  }

  private static void send(String topic, IntegrationEvent event, String ceId, String source) {
    ItKafka.publish(
        topic,
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        source);
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "lessons-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  @Test
  void documentsEveryOperationForClientGenerators() throws Exception {
    HttpResponse<String> answer = api.get("/openapi?format=JSON", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode document = api.json(answer);
    Files.writeString(Path.of("target", "openapi.json"), document.toPrettyString());
    assertThat(OpenApiRules.operations(document)).isGreaterThan(10);
    assertThat(OpenApiRules.violations(document)).isEmpty();
  }
}
