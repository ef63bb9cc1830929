package nl.herstel.bia.it;

import static nl.herstel.devstack.testing.ItKafka.consumer;
import static nl.herstel.devstack.testing.ItKafka.header;
import static nl.herstel.devstack.testing.ItKafka.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.OpenApiRules;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    try (Connection c = ItDatabase.connect();
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
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> revisionsFor(processId).size() == 1);
    List<JsonNode> revisions = revisionsFor(processId);
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(revisions.get(0).get("proposedRto").asText()).isEqualTo("PT12H");
  }

  @Test
  void rpoAndMtpdRevisionsFromLessonsCarryTheirEvidenceAndAcceptingThemSetsTheTargets()
      throws Exception {
    String processId = process("Settlements", "PT24H", "PT8H");
    awaitProcess(processId, p -> true);
    String incidentId = UUID.randomUUID().toString();
    String rpoProposal = UUID.randomUUID().toString();
    String mtpdProposal = UUID.randomUUID().toString();
    publishFromLessons(
        new BiaRevisionProposed(
            rpoProposal,
            RevisionKind.RPO,
            processId,
            incidentId,
            Duration.ofHours(1),
            Duration.ofHours(3),
            List.of(
                new Evidence(
                    incidentId, "DATA_LOSS", Duration.ofMinutes(150), Duration.ofHours(1))),
            "2h30m of data were lost against an RPO of 1h",
            Instant.now()));
    publishFromLessons(
        new BiaRevisionProposed(
            mtpdProposal,
            RevisionKind.MTPD,
            processId,
            incidentId,
            Duration.ofHours(24),
            Duration.ofHours(30),
            List.of(
                new Evidence(
                    incidentId, "RECOVERY_TIME", Duration.ofHours(29), Duration.ofHours(24))),
            "Recovery took 29h against an MTPD of 24h",
            Instant.now()));
    await().atMost(Duration.ofSeconds(30)).until(() -> revisionsFor(processId).size() == 2);
    List<JsonNode> pending = revisionsFor(processId);
    assertThat(pending).hasSize(2);
    JsonNode rpo =
        pending.stream()
            .filter(r -> "RPO".equals(r.get("kind").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(rpo.get("proposedRpo").asText()).isEqualTo("PT3H");
    assertThat(rpo.get("currentTarget").asText()).isEqualTo("PT1H");
    assertThat(rpo.get("proposalId").asText()).isEqualTo(rpoProposal);
    assertThat(rpo.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(rpo.get("rationale").asText()).contains("2h30m of data");
    assertThat(rpo.get("evidence")).hasSize(1);
    assertThat(rpo.get("evidence").get(0).get("measure").asText()).isEqualTo("DATA_LOSS");
    assertThat(rpo.get("evidence").get(0).get("measured").asText()).isEqualTo("PT2H30M");
    JsonNode mtpd =
        pending.stream()
            .filter(r -> "MTPD".equals(r.get("kind").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(mtpd.get("proposedMtpd").asText()).isEqualTo("PT30H");

    var acceptRpo =
        api.post(
            "/api/bia/revisions/" + rpo.get("id").asText() + "/decision",
            "process-owner",
            "{\"decision\":\"ACCEPT\",\"reason\":\"Hourly backups are too costly\"}");
    assertThat(acceptRpo.statusCode()).as(acceptRpo.body()).isEqualTo(200);
    awaitProcess(processId, p -> "PT3H".equals(p.path("rpo").asText()));
    var acceptMtpd =
        api.post(
            "/api/bia/revisions/" + mtpd.get("id").asText() + "/decision",
            "process-owner",
            "{\"decision\":\"ACCEPT\",\"reason\":\"We coped for 29h\"}");
    assertThat(acceptMtpd.statusCode()).as(acceptMtpd.body()).isEqualTo(200);
    JsonNode process = awaitProcess(processId, p -> "PT30H".equals(p.path("mtpd").asText()));
    assertThat(process.get("rto").asText()).isEqualTo("PT8H");
    assertThat(process.get("rpo").asText()).isEqualTo("PT3H");

    List<ConsumerRecord<String, byte[]>> targets =
        distinctRecords(
            r ->
                processId.equals(r.key())
                    && "nl.herstel.bia.recovery-targets-set.v1".equals(header(r, "ce_type"))
                    && "REVISION".equals(readTree(r).path("source").asText()),
            2);
    assertThat(targets).hasSize(2);
    JsonNode afterRpo = readTree(targets.get(0));
    assertThat(afterRpo.get("rpo").asText()).isEqualTo("PT3H");
    assertThat(afterRpo.get("rto").asText()).isEqualTo("PT8H");
    assertThat(afterRpo.get("mtpd").asText()).isEqualTo("PT24H");
    assertThat(afterRpo.get("revisionId").asText()).isEqualTo(rpo.get("id").asText());

    List<ConsumerRecord<String, byte[]>> decisions =
        distinctRecords(
            r ->
                processId.equals(r.key())
                    && "nl.herstel.bia.revision-decided.v1".equals(header(r, "ce_type")),
            2);
    assertThat(decisions).hasSize(2);
    assertThat(decisions)
        .extracting(r -> readTree(r).get("proposalId").asText())
        .containsExactlyInAnyOrder(rpoProposal, mtpdProposal);
    assertThat(decisions)
        .extracting(r -> readTree(r).get("decidedBy").asText())
        .containsOnly("test-process-owner");
  }

  // --- h-a --- threat likelihood revisions from lessons

  @Test
  void aLikelihoodProposalFromLessonsIsPendingUntilAcceptedThenRatesTheThreatAndTellsLessons()
      throws Exception {
    String threatId =
        api.createdId(
            api.post(
                "/api/bia/threats", "bcm-manager", "{\"name\":\"Ransomware L\",\"likelihood\":2}"));
    String proposalId = UUID.randomUUID().toString().replace("-", "");
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<ThreatLikelihoodProposed.Occurrence> incidents = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      incidents.add(
          new ThreatLikelihoodProposed.Occurrence(
              "incident-" + n, now.minus(Duration.ofDays(80L * n))));
    }
    ThreatLikelihoodProposed proposal =
        new ThreatLikelihoodProposed(
            proposalId,
            threatId,
            "Ransomware L",
            "RANSOMWARE_L",
            "incident-1",
            2,
            4,
            now.minus(Duration.ofDays(365)),
            now,
            incidents,
            "4 incidents of category RANSOMWARE_L in the year",
            now);
    publishFromLessons(proposal);
    publishFromLessons(proposal);

    await().atMost(Duration.ofSeconds(30)).until(() -> revisionsOfThreat(threatId).size() == 1);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> revisionsOfThreat(threatId).size() == 1);
    JsonNode revision = revisionsOfThreat(threatId).get(0);
    assertThat(revision.get("kind").asText()).isEqualTo("THREAT_LIKELIHOOD");
    assertThat(revision.get("processId").isNull()).isTrue();
    assertThat(revision.get("currentLikelihood").asInt()).isEqualTo(2);
    assertThat(revision.get("proposedLikelihood").asInt()).isEqualTo(4);
    assertThat(revision.get("proposalId").asText()).isEqualTo(proposalId);
    assertThat(revision.get("rationale").asText()).contains("4 incidents");
    assertThat(revision.get("evidence")).hasSize(4);
    assertThat(revision.get("evidence").get(0).get("measure").asText()).isEqualTo("OCCURRENCE");
    assertThat(revision.get("evidence").get(0).get("disruptedAt").asText())
        .isEqualTo(incidents.get(0).disruptedAt().toString());
    String decision = "/api/bia/revisions/" + revision.get("id").asText() + "/decision";

    assertThat(
            api.post(decision, "process-owner", "{\"decision\":\"ACCEPT\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    JsonNode decided =
        api.ok(
            api.post(
                decision, "bcm-manager", "{\"decision\":\"ACCEPT\",\"reason\":\"Four a year\"}"));
    assertThat(decided.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(decided.get("threatId").asText()).isEqualTo(threatId);
    assertThat(
            api.post(decision, "bcm-manager", "{\"decision\":\"REJECT\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(409);

    List<ConsumerRecord<String, byte[]>> published =
        distinctRecords(
            r ->
                threatId.equals(r.key())
                    && List.of(
                            "nl.herstel.bia.threat-likelihood-changed.v1",
                            "nl.herstel.bia.revision-decided.v1")
                        .contains(header(r, "ce_type")),
            2);
    assertThat(published)
        .extracting(r -> header(r, "ce_type"))
        .containsExactlyInAnyOrder(
            "nl.herstel.bia.threat-likelihood-changed.v1", "nl.herstel.bia.revision-decided.v1");
    for (ConsumerRecord<String, byte[]> r : published) {
      if (header(r, "ce_type").endsWith("threat-likelihood-changed.v1")) {
        assertThat(ContractJson.read(r.value(), ThreatLikelihoodChanged.class).likelihood())
            .isEqualTo(4);
      } else {
        RevisionDecided fate = ContractJson.read(r.value(), RevisionDecided.class);
        assertThat(fate.accepted()).isTrue();
        assertThat(fate.proposalId()).isEqualTo(proposalId);
        assertThat(fate.threatId()).isEqualTo(threatId);
        assertThat(fate.processId()).isNull();
        assertThat(fate.decidedBy()).isEqualTo("test-bcm-manager");
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (JsonNode t : api.items("/api/bia/threats", "auditor")) {
                if (threatId.equals(t.get("id").asText())) {
                  return t.get("likelihood").asInt() == 4;
                }
              }
              return false;
            });
  }

  private List<JsonNode> revisionsOfThreat(String threatId) {
    List<JsonNode> matching = new ArrayList<>();
    api.items("/api/bia/revisions?status=PENDING", "bcm-manager")
        .forEach(
            r -> {
              if (threatId.equals(r.path("threatId").asText())) {
                matching.add(r);
              }
            });
    return matching;
  }

  private static void publishFromLessons(IntegrationEvent proposal) throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              "herstel.lessons.v1", proposal.subject(), ContractJson.write(proposal));
      Map.of(
              "ce_id", UUID.randomUUID().toString(),
              "ce_type", EventTypes.of(proposal.getClass()).type(),
              "ce_source", "urn:herstel:lessons-service",
              "ce_specversion", "1.0",
              "ce_time", Instant.now().toString())
          .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    }
  }

  private static JsonNode readTree(ConsumerRecord<String, byte[]> record) {
    try {
      return ContractJson.mapper().readTree(record.value());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The matching records on the BIA topic, one per CloudEvent id, in order: waits until {@code
   * expected} arrived, then makes sure no more arrive for two seconds.
   */
  private static List<ConsumerRecord<String, byte[]>> distinctRecords(
      Predicate<ConsumerRecord<String, byte[]>> matching, int expected) {
    Map<String, ConsumerRecord<String, byte[]>> found = new java.util.LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("herstel.bia.v1"));
      Runnable poll =
          () ->
              consumer
                  .poll(Duration.ofMillis(300))
                  .forEach(
                      r -> {
                        if (matching.test(r)) {
                          found.putIfAbsent(header(r, "ce_id"), r);
                        }
                      });
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                poll.run();
                return found.size() >= expected;
              });
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                poll.run();
                return found.size() == expected;
              });
    }
    return List.copyOf(found.values());
  }

  // ---- recovery targets, history, optimistic concurrency

  @Test
  void setsTargetsByHandKeepingWhoWhenWhyAndRefusesStaleVersions() throws Exception {
    String processId = process("Invoicing", "PT24H", "PT8H");
    awaitProcess(processId, p -> true);
    HttpResponse<String> read = api.get("/api/bia/processes/" + processId, "auditor");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
    assertThat(api.json(read).get("version").asLong()).isZero();

    var set =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "process-owner",
            "{\"mtpd\":\"PT48H\",\"rto\":\"PT12H\",\"rpo\":\"PT2H\",\"reason\":\"Annual review\"}",
            "\"0\"");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(set.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(api.json(set).get("version").asLong()).isEqualTo(1);

    long before = storedEvents();
    var stale =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT48H\",\"rto\":\"PT6H\",\"reason\":\"Stale\"}",
            "\"0\"");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var rtoTooLong =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT4H\",\"rto\":\"PT6H\",\"reason\":\"Wrong\"}",
            null);
    assertThat(rtoTooLong.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(rtoTooLong))).containsExactly("rto");
    var badDuration =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT4H\",\"rto\":\"6 hours\",\"reason\":\"Wrong\"}",
            null);
    assertThat(badDuration.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badDuration))).containsExactly("rto");
    var noReason =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT4H\",\"rto\":\"PT1H\"}",
            null);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noReason))).containsExactly("reason");
    var badIfMatch =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT4H\",\"rto\":\"PT1H\",\"reason\":\"x\"}",
            "banana");
    assertThat(badIfMatch.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(badIfMatch))).containsExactly("If-Match");
    assertThat(storedEvents()).isEqualTo(before);

    assertThat(
            send(
                    "PUT",
                    "/api/bia/processes/" + processId + "/targets",
                    "auditor",
                    "{\"mtpd\":\"PT4H\",\"rto\":\"PT1H\",\"reason\":\"x\"}",
                    null)
                .statusCode())
        .isEqualTo(403);
    var unknown =
        send(
            "PUT",
            "/api/bia/processes/" + UUID.randomUUID() + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT4H\",\"rto\":\"PT1H\",\"reason\":\"x\"}",
            null);
    assertThat(unknown.statusCode()).isEqualTo(404);

    JsonNode process = awaitProcess(processId, p -> p.get("version").asLong() == 1);
    assertThat(process.get("rto").asText()).isEqualTo("PT12H");
    assertThat(process.get("mtpd").asText()).isEqualTo("PT48H");
    assertThat(process.get("rpo").asText()).isEqualTo("PT2H");
    JsonNode history = api.items("/api/bia/processes/" + processId + "/targets/history", "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("source").asText()).isEqualTo("REGISTRATION");
    assertThat(history.get(0).get("rto").asText()).isEqualTo("PT8H");
    assertThat(history.get(1).get("source").asText()).isEqualTo("MANUAL");
    assertThat(history.get(1).get("rto").asText()).isEqualTo("PT12H");
    assertThat(history.get(1).get("reason").asText()).isEqualTo("Annual review");
    assertThat(history.get(1).get("setBy").asText()).isEqualTo("test-process-owner");
    assertThat(history.get(1).get("setByRole").asText()).isEqualTo("process-owner");
    assertThat(Instant.parse(history.get(1).get("setAt").asText()))
        .isAfter(Instant.now().minus(Duration.ofMinutes(5)));

    ConsumerRecord<String, byte[]> published =
        awaitPublished(processId, "nl.herstel.bia.recovery-targets-set.v1");
    JsonNode payload = ContractJson.mapper().readTree(published.value());
    assertThat(payload.get("rto").asText()).isEqualTo("PT12H");
    assertThat(payload.get("source").asText()).isEqualTo("MANUAL");
    assertThat(payload.get("reason").asText()).isEqualTo("Annual review");
  }

  // ---- revisions decided

  @Test
  void acceptingARevisionBeyondTheMtpdNeedsANewMtpdAndThenSetsTheTargets() throws Exception {
    String processId = process("Claims", "PT24H", "PT8H");
    awaitProcess(processId, p -> true);
    String revisionId =
        api.createdId(
            api.post(
                "/api/bia/revisions",
                "process-owner",
                """
                {"processId":"%s","proposedRto":"PT30H","rationale":"Recovery took 28h"}"""
                    .formatted(processId)));
    JsonNode pending =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/revisions/" + revisionId, "auditor"), r -> r != null);
    assertThat(pending.get("status").asText()).isEqualTo("PENDING");
    assertThat(pending.get("proposedBy").asText()).isEqualTo("test-process-owner");
    assertThat(pending.get("currentRto").asText()).isEqualTo("PT8H");

    long before = storedEvents();
    var withoutMtpd =
        api.post(
            "/api/bia/revisions/" + revisionId + "/decision",
            "process-owner",
            "{\"decision\":\"ACCEPT\",\"reason\":\"Realistic\"}");
    assertThat(withoutMtpd.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(withoutMtpd))).containsExactly("mtpd");
    assertThat(storedEvents()).isEqualTo(before);

    var accepted =
        api.post(
            "/api/bia/revisions/" + revisionId + "/decision",
            "process-owner",
            "{\"decision\":\"ACCEPT\",\"reason\":\"Realistic\",\"mtpd\":\"PT48H\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(api.json(accepted).get("status").asText()).isEqualTo("ACCEPTED");
    var twice =
        api.post(
            "/api/bia/revisions/" + revisionId + "/decision",
            "bcm-manager",
            "{\"decision\":\"REJECT\",\"reason\":\"Changed my mind\"}");
    assertThat(twice.statusCode()).isEqualTo(409);

    JsonNode decided =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/revisions/" + revisionId, "auditor"),
                r -> r != null && !"PENDING".equals(r.get("status").asText()));
    assertThat(decided.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(decided.get("decidedBy").asText()).isEqualTo("test-process-owner");
    assertThat(decided.get("decisionReason").asText()).isEqualTo("Realistic");
    assertThat(decided.get("decidedAt").asText()).isNotBlank();

    JsonNode process = awaitProcess(processId, p -> p.get("rto").asText().equals("PT30H"));
    assertThat(process.get("mtpd").asText()).isEqualTo("PT48H");
    JsonNode history = api.items("/api/bia/processes/" + processId + "/targets/history", "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("source").asText()).isEqualTo("REVISION");
    assertThat(history.get(1).get("revisionId").asText()).isEqualTo(revisionId);

    ConsumerRecord<String, byte[]> published =
        awaitPublished(processId, "nl.herstel.bia.recovery-targets-set.v1");
    JsonNode payload = ContractJson.mapper().readTree(published.value());
    assertThat(payload.get("source").asText()).isEqualTo("REVISION");
    assertThat(payload.get("revisionId").asText()).isEqualTo(revisionId);
  }

  @Test
  void rejectingARevisionLeavesTheTargetsAndBadDecisionsNameTheirField() {
    String processId = process("Helpdesk", "PT24H", "PT8H");
    awaitProcess(processId, p -> true);
    var unknownProcess =
        api.post(
            "/api/bia/revisions",
            "process-owner",
            "{\"processId\":\"nope\",\"proposedRto\":\"PT4H\",\"rationale\":\"x\"}");
    assertThat(unknownProcess.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(unknownProcess))).containsExactly("processId");
    String revisionId =
        api.createdId(
            api.post(
                "/api/bia/revisions",
                "bcm-manager",
                "{\"processId\":\"%s\",\"proposedRto\":\"PT4H\",\"rationale\":\"x\"}"
                    .formatted(processId)));
    var badDecision =
        api.post(
            "/api/bia/revisions/" + revisionId + "/decision",
            "process-owner",
            "{\"decision\":\"MAYBE\",\"reason\":\"x\"}");
    assertThat(badDecision.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badDecision))).containsExactly("decision");
    assertThat(
            api.post(
                    "/api/bia/revisions/" + revisionId + "/decision",
                    "auditor",
                    "{\"decision\":\"REJECT\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/bia/revisions/" + UUID.randomUUID() + "/decision",
                    "process-owner",
                    "{\"decision\":\"REJECT\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    var rejected =
        api.post(
            "/api/bia/revisions/" + revisionId + "/decision",
            "process-owner",
            "{\"decision\":\"REJECT\",\"reason\":\"Too strict\"}");
    assertThat(rejected.statusCode()).isEqualTo(200);
    JsonNode decided =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/revisions/" + revisionId, "auditor"),
                r -> r != null && !"PENDING".equals(r.get("status").asText()));
    assertThat(decided.get("status").asText()).isEqualTo("REJECTED");
    assertThat(decided.get("decisionReason").asText()).isEqualTo("Too strict");
    assertThat(api.getJson("/api/bia/processes/" + processId, "auditor").get("rto").asText())
        .isEqualTo("PT8H");
  }

  // ---- dependencies, cycles, retirement, impact, priorities

  @Test
  void keepsTheDependencyGraphReportsCyclesAndAnswersImpactAndPriorities() throws Exception {
    String app =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("pay-app", "SOFTWARE")));
    String db = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("pay-db", "DATA")));
    String dc =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("dc-north", "FACILITY")));
    String payments =
        api.createdId(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                """
                {"name":"Payments G","critical":true,"crownJewel":true,
                 "mtpd":"PT24H","rto":"PT4H","rpo":"PT15M","supportedBy":["%s"]}"""
                    .formatted(app)));
    String reporting = process("Reporting G", "PT72H", "PT24H");
    String billing = process("Billing G", "PT48H", "PT8H");
    String appToDb = dependency(app, db);
    dependency(db, dc);
    dependency(reporting, db);
    dependency(billing, payments);

    var duplicate = addDependency(billing, payments);
    assertThat(duplicate.statusCode()).isEqualTo(409);
    var unknown = addDependency(billing, "no-such-node");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(unknown))).containsExactly("toId");
    var unknownFrom = addDependency("no-such-node", db);
    assertThat(unknownFrom.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(unknownFrom))).containsExactly("fromId");
    var assetOnProcess = addDependency(db, payments);
    assertThat(assetOnProcess.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(assetOnProcess))).containsExactly("toId");
    var self = addDependency(db, db);
    assertThat(self.statusCode()).isEqualTo(422);
    var missing = api.post("/api/bia/dependencies", "bcm-manager", "{\"fromId\":\"" + db + "\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(missing))).containsExactly("toId");
    assertThat(
            api.post(
                    "/api/bia/dependencies",
                    "process-owner",
                    "{\"fromId\":\"" + db + "\",\"toId\":\"" + dc + "\"}")
                .statusCode())
        .isEqualTo(403);

    JsonNode impact =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/assets/" + dc + "/impact", "incident-commander"),
                i -> i != null && i.get("processesHit").size() == 3);
    JsonNode hit = impact.get("processesHit");
    assertThat(hit).hasSize(3);
    assertThat(hit.get(0).get("processId").asText()).isEqualTo(payments);
    assertThat(hit.get(1).get("processId").asText()).isEqualTo(billing);
    assertThat(hit.get(2).get("processId").asText()).isEqualTo(reporting);
    assertThat(ids(hit.get(1).get("path"))).containsExactly(billing, payments, app, db, dc);
    assertThat(ids(hit.get(2).get("path"))).containsExactly(reporting, db, dc);
    assertThat(api.get("/api/bia/assets/" + UUID.randomUUID() + "/impact", "auditor").statusCode())
        .isEqualTo(404);

    JsonNode priorities = api.getJson("/api/bia/priorities", "management");
    List<String> ranked = new ArrayList<>();
    priorities
        .get("processes")
        .forEach(
            p -> {
              String id = p.get("processId").asText();
              if (List.of(payments, billing, reporting).contains(id)) {
                ranked.add(id);
              }
            });
    assertThat(ranked).containsExactly(payments, billing, reporting);
    JsonNode crownJewel = find(priorities.get("crownJewels"), "processId", payments);
    assertThat(ids(crownJewel.get("itAssets"))).containsExactlyInAnyOrder(app, db);
    JsonNode dbNeeds = find(priorities.get("assets"), "assetId", db);
    assertThat(dbNeeds.get("requiredRto").asText()).isEqualTo("PT4H");
    assertThat(dbNeeds.get("rtoSetBy").asText()).isEqualTo(payments);
    assertThat(dbNeeds.get("requiredRpo").asText()).isEqualTo("PT15M");
    JsonNode dbRequired = api.getJson("/api/bia/assets/" + db + "/required-targets", "auditor");
    assertThat(dbRequired.get("requiredRto").asText()).isEqualTo("PT4H");
    assertThat(dbRequired.get("rtoSetBy").asText()).isEqualTo(payments);
    assertThat(dbRequired.get("requiredRpo").asText()).isEqualTo("PT15M");
    JsonNode dcNeeds = find(priorities.get("assets"), "assetId", dc);
    assertThat(dcNeeds.get("requiredRto").asText()).isEqualTo("PT4H");

    // a cycle: the database also depends on the application
    String dbToApp = dependency(db, app);
    JsonNode cycle =
        await().atMost(Duration.ofSeconds(20)).until(() -> cycleWith(app), c -> c != null);
    assertThat(ids(cycle.get("nodes"))).containsExactlyInAnyOrder(app, db);
    ConsumerRecord<String, byte[]> added = awaitPublished(db, "nl.herstel.bia.dependency-added.v1");
    assertThat(ContractJson.mapper().readTree(added.value()).get("fromKind").asText())
        .isEqualTo("ASSET");

    var removed = send("DELETE", "/api/bia/dependencies/" + dbToApp, "bcm-manager", null, null);
    assertThat(removed.statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> cycleWith(app) == null);
    ConsumerRecord<String, byte[]> gone =
        awaitPublished(db, "nl.herstel.bia.dependency-removed.v1");
    JsonNode goneJson = ContractJson.mapper().readTree(gone.value());
    assertThat(goneJson.get("dependencyId").asText()).isEqualTo(dbToApp);
    assertThat(goneJson.get("toId").asText()).isEqualTo(app);
    assertThat(
            send("DELETE", "/api/bia/dependencies/" + dbToApp, "bcm-manager", null, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(appToDb).isNotBlank();

    // retirement: the process drops out of the impact and cannot be depended on any more
    var retire =
        api.post(
            "/api/bia/processes/" + reporting + "/retirement",
            "bcm-manager",
            "{\"reason\":\"Replaced by the data platform\"}");
    assertThat(retire.statusCode()).as(retire.body()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/bia/processes/" + reporting + "/retirement",
                    "bcm-manager",
                    "{\"reason\":\"Again\"}")
                .statusCode())
        .isEqualTo(409);
    var toRetired = addDependency(billing, reporting);
    assertThat(toRetired.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(toRetired))).containsExactly("toId");
    JsonNode retired = awaitProcess(reporting, p -> p.get("status").asText().equals("RETIRED"));
    assertThat(retired.get("retirementReason").asText()).isEqualTo("Replaced by the data platform");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                api.getJson("/api/bia/assets/" + dc + "/impact", "auditor")
                        .get("processesHit")
                        .size()
                    == 2);
    ConsumerRecord<String, byte[]> processRetired =
        awaitPublished(reporting, "nl.herstel.bia.process-retired.v1");
    assertThat(ContractJson.mapper().readTree(processRetired.value()).get("reason").asText())
        .isEqualTo("Replaced by the data platform");

    String hosting =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("old-host", "SUPPLIER")));
    assertThat(
            api.post(
                    "/api/bia/assets/" + hosting + "/retirement",
                    "bcm-manager",
                    "{\"reason\":\"Exit\"}")
                .statusCode())
        .isEqualTo(200);
    var retiredAsset = addDependency(db, hosting);
    assertThat(retiredAsset.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(retiredAsset))).containsExactly("toId");
    awaitPublished(hosting, "nl.herstel.bia.asset-retired.v1");
    var noReason = api.post("/api/bia/assets/" + hosting + "/retirement", "bcm-manager", "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noReason))).containsExactly("reason");
  }

  private JsonNode cycleWith(String nodeId) {
    JsonNode cycles = api.items("/api/bia/dependencies/cycles", "auditor");
    for (JsonNode cycle : cycles) {
      if (ids(cycle.get("nodes")).contains(nodeId)) {
        return cycle;
      }
    }
    return null;
  }

  private static List<String> ids(JsonNode nodes) {
    List<String> ids = new ArrayList<>();
    nodes.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (value.equals(item.get(field).asText())) {
        return item;
      }
    }
    throw new AssertionError(value + " not in " + list);
  }

  private HttpResponse<String> addDependency(String fromId, String toId) {
    return api.post(
        "/api/bia/dependencies",
        "bcm-manager",
        "{\"fromId\":\"" + fromId + "\",\"toId\":\"" + toId + "\"}");
  }

  private String dependency(String fromId, String toId) {
    return api.createdId(addDependency(fromId, toId));
  }

  private static String asset(String name, String kind) {
    return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}";
  }

  // ---- impacts

  @Test
  void assessesImpactsAndSuggestsTheFirstUnacceptableHorizonAsMtpd() {
    String processId = process("Customer contact", "PT72H", "PT24H");
    awaitProcess(processId, p -> true);
    String body =
        """
        {"ratings":[
          {"category":"FINANCIAL","horizon":"PT1H","score":0},
          {"category":"FINANCIAL","horizon":"PT4H","score":2},
          {"category":"FINANCIAL","horizon":"PT24H","score":3},
          {"category":"REPUTATIONAL","horizon":"PT4H","score":4}]}""";
    var assessed =
        send("PUT", "/api/bia/processes/" + processId + "/impacts", "process-owner", body, "\"0\"");
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
    assertThat(assessed.headers().firstValue("ETag")).hasValue("\"1\"");
    var stale =
        send("PUT", "/api/bia/processes/" + processId + "/impacts", "process-owner", body, "\"0\"");
    assertThat(stale.statusCode()).isEqualTo(409);

    var outOfRange =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/impacts",
            "process-owner",
            "{\"ratings\":[{\"category\":\"FINANCIAL\",\"horizon\":\"PT1H\",\"score\":5}]}",
            null);
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(outOfRange))).containsExactly("ratings[0].score");
    var unknownCategory =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/impacts",
            "process-owner",
            "{\"ratings\":[{\"category\":\"COSMIC\",\"horizon\":\"PT1H\",\"score\":1}]}",
            null);
    assertThat(unknownCategory.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownCategory)).get(0)).contains("category");
    var unknownHorizon =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/impacts",
            "process-owner",
            "{\"ratings\":[{\"category\":\"FINANCIAL\",\"horizon\":\"PT2H\",\"score\":1}]}",
            null);
    assertThat(unknownHorizon.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(unknownHorizon))).containsExactly("ratings[0].horizon");
    var twice =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/impacts",
            "process-owner",
            "{\"ratings\":[{\"category\":\"FINANCIAL\",\"horizon\":\"PT1H\",\"score\":1},"
                + "{\"category\":\"FINANCIAL\",\"horizon\":\"PT1H\",\"score\":2}]}",
            null);
    assertThat(twice.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(twice))).containsExactly("ratings[1]");
    assertThat(
            send("PUT", "/api/bia/processes/" + processId + "/impacts", "auditor", body, null)
                .statusCode())
        .isEqualTo(403);

    JsonNode impacts =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/processes/" + processId + "/impacts", "auditor"),
                i -> i != null && i.get("ratings").size() == 4);
    assertThat(impacts.get("suggestedMtpd").asText()).isEqualTo("PT4H");
    assertThat(impacts.get("currentMtpd").asText()).isEqualTo("PT72H");
    assertThat(impacts.get("unacceptableLevel").asInt()).isEqualTo(3);
    assertThat(impacts.get("horizons")).hasSize(5);
    assertThat(impacts.get("assessedBy").asText()).isEqualTo("test-process-owner");
  }

  // ---- history and time travel

  @Test
  void showsEveryEventOfAProcessAndTheBiaAsItStoodAtAMoment() throws Exception {
    Instant beforeRegistration = Instant.now().minusSeconds(1);
    String processId = process("Treasury", "PT24H", "PT8H");
    Thread.sleep(1100);
    Instant betweenChanges = Instant.now();
    Thread.sleep(1100);
    var set =
        send(
            "PUT",
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT24H\",\"rto\":\"PT12H\",\"reason\":\"Budget\"}",
            null);
    assertThat(set.statusCode()).isEqualTo(200);

    JsonNode history = api.items("/api/bia/processes/" + processId + "/history", "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("type").asText()).isEqualTo("ProcessRegistered");
    assertThat(history.get(0).get("principal").asText()).isEqualTo("test-bcm-manager");
    assertThat(history.get(1).get("type").asText()).isEqualTo("RecoveryTargetsSet");
    assertThat(history.get(1).get("role").asText()).isEqualTo("bcm-manager");
    assertThat(history.get(1).get("data").get("rto").asText()).isEqualTo("PT12H");
    assertThat(
            api.get("/api/bia/processes/" + UUID.randomUUID() + "/history", "auditor").statusCode())
        .isEqualTo(404);

    JsonNode then = api.items("/api/bia/processes?asOf=" + betweenChanges, "auditor");
    assertThat(find(then, "id", processId).get("rto").asText()).isEqualTo("PT8H");
    JsonNode now = api.items("/api/bia/processes?asOf=" + Instant.now().plusSeconds(1), "auditor");
    assertThat(find(now, "id", processId).get("rto").asText()).isEqualTo("PT12H");
    JsonNode before = api.items("/api/bia/processes?asOf=" + beforeRegistration, "auditor");
    assertThat(ids(before)).doesNotContain(processId);
    var malformed = api.get("/api/bia/processes?asOf=yesterday", "auditor");
    assertThat(malformed.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(malformed))).containsExactly("asOf");
  }

  // ---- threats

  @Test
  void publishesThreatsTheirLikelihoodAndImpactsToKafka() {
    String processId = process("Treasury", "PT48H", "PT12H");
    String threatId =
        api.createdId(
            api.post("/api/bia/threats", "bcm-manager", "{\"name\":\"Wiper\",\"likelihood\":2}"));
    assertThat(
            send(
                    "PUT",
                    "/api/bia/threats/" + threatId + "/likelihood",
                    "bcm-manager",
                    "{\"likelihood\":4}",
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    "PUT",
                    "/api/bia/threats/" + threatId + "/impacts/" + processId,
                    "bcm-manager",
                    "{\"impact\":5}",
                    null)
                .statusCode())
        .isEqualTo(200);

    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("herstel.bia.v1"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          if (threatId.equals(r.key())) {
                            found.add(r);
                          }
                        });
                return found.size() >= 3;
              });
    }
    assertThat(found).hasSize(3);
    assertThat(found)
        .extracting(r -> header(r, "ce_type"))
        .containsExactly(
            "nl.herstel.bia.threat-registered.v1",
            "nl.herstel.bia.threat-likelihood-changed.v1",
            "nl.herstel.bia.threat-impact-rated.v1");
    ThreatLikelihoodChanged likelihood =
        ContractJson.read(found.get(1).value(), ThreatLikelihoodChanged.class);
    assertThat(likelihood.likelihood()).isEqualTo(4);
    ThreatImpactRated impact = ContractJson.read(found.get(2).value(), ThreatImpactRated.class);
    assertThat(impact.processId()).isEqualTo(processId);
    assertThat(impact.impact()).isEqualTo(5);
  }

  @Test
  void ratesThreatsAgainstProcessesIntoARiskMatrix() {
    String processId = process("Logistics", "PT48H", "PT12H");
    String threatId =
        api.createdId(
            api.post(
                "/api/bia/threats", "bcm-manager", "{\"name\":\"Ransomware T\",\"likelihood\":4}"));
    var rated =
        send(
            "PUT",
            "/api/bia/threats/" + threatId + "/impacts/" + processId,
            "bcm-manager",
            "{\"impact\":5}",
            null);
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
    var outOfRange =
        api.post("/api/bia/threats", "bcm-manager", "{\"name\":\"Flood\",\"likelihood\":6}");
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(outOfRange))).containsExactly("likelihood");
    var unknownProcess =
        send(
            "PUT",
            "/api/bia/threats/" + threatId + "/impacts/nope",
            "bcm-manager",
            "{\"impact\":2}",
            null);
    assertThat(unknownProcess.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(unknownProcess))).containsExactly("processId");
    var unknownThreat =
        send(
            "PUT",
            "/api/bia/threats/" + UUID.randomUUID() + "/likelihood",
            "bcm-manager",
            "{\"likelihood\":2}",
            null);
    assertThat(unknownThreat.statusCode()).isEqualTo(404);
    assertThat(
            api.post("/api/bia/threats", "process-owner", "{\"name\":\"X\",\"likelihood\":1}")
                .statusCode())
        .isEqualTo(403);

    JsonNode threat =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  for (JsonNode t : api.items("/api/bia/threats", "auditor")) {
                    if (t.get("id").asText().equals(threatId) && t.get("risks").size() == 1) {
                      return t;
                    }
                  }
                  return null;
                },
                t -> t != null);
    assertThat(threat.get("risks").get(0).get("score").asInt()).isEqualTo(20);
    assertThat(threat.get("risks").get(0).get("processName").asText()).isEqualTo("Logistics");
    JsonNode matrix = api.items("/api/bia/threats/matrix", "management");
    assertThat(matrix).hasSize(25);
    JsonNode cell = null;
    for (JsonNode c : matrix) {
      if (c.get("likelihood").asInt() == 4 && c.get("impact").asInt() == 5) {
        cell = c;
      }
    }
    assertThat(cell).isNotNull();
    assertThat(cell.get("score").asInt()).isEqualTo(20);
    List<String> pairs = new ArrayList<>();
    cell.get("entries")
        .forEach(e -> pairs.add(e.get("threatId").asText() + "/" + e.get("processId").asText()));
    assertThat(pairs).contains(threatId + "/" + processId);
  }

  // ---- export

  @Test
  void exportsTheBiaAsJsonAndCsv() {
    String processId =
        api.createdId(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                "{\"name\":\"=Export, \\\"quoted\\\"\",\"mtpd\":\"PT24H\",\"rto\":\"PT8H\"}"));
    awaitProcess(processId, p -> true);
    JsonNode export = api.getJson("/api/bia/export", "auditor");
    assertThat(export.get("exportedAt").asText()).isNotBlank();
    assertThat(ids(export.get("processes"))).contains(processId);
    assertThat(export.get("assets").isArray()).isTrue();
    assertThat(export.get("dependencies").isArray()).isTrue();
    var csv = api.get("/api/bia/export/processes.csv", "management");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("id,name,critical,crownJewel,owner,mtpd,rto,rpo,status,dependsOn\r\n");
    assertThat(csv.body())
        .contains(processId + ",\"'=Export, \"\"quoted\"\"\",false,false,,PT24H,PT8H,,ACTIVE,\r\n");
    assertThat(api.get("/api/bia/export/processes.csv", "recovery-team").statusCode())
        .isEqualTo(403);
  }

  // ---- review cycle

  @Test
  void listsProcessesWhoseReviewIsOverdue() {
    String reviewed = process("Reviewed R", "PT24H", "PT8H");
    String lapsed = process("Lapsed R", "PT24H", "PT8H");
    String never = process("Never reviewed R", "PT24H", "PT8H");
    var ok =
        api.post(
            "/api/bia/processes/" + reviewed + "/reviews",
            "process-owner",
            "{\"notes\":\"All targets confirmed\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    var old =
        api.post(
            "/api/bia/processes/" + lapsed + "/reviews",
            "bcm-manager",
            "{\"reviewedOn\":\"2024-01-10\",\"nextReviewDue\":\"2025-01-10\"}");
    assertThat(old.statusCode()).isEqualTo(200);
    var backwards =
        api.post(
            "/api/bia/processes/" + lapsed + "/reviews",
            "bcm-manager",
            "{\"reviewedOn\":\"2024-01-10\",\"nextReviewDue\":\"2023-01-10\"}");
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(backwards))).containsExactly("nextReviewDue");
    var badDate =
        api.post(
            "/api/bia/processes/" + lapsed + "/reviews",
            "bcm-manager",
            "{\"reviewedOn\":\"10-01-2024\"}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badDate))).containsExactly("reviewedOn");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              List<String> overdue = new ArrayList<>();
              api.items("/api/bia/processes/reviews/overdue", "auditor")
                  .forEach(p -> overdue.add(p.get("processId").asText()));
              return overdue.contains(lapsed)
                  && overdue.contains(never)
                  && !overdue.contains(reviewed);
            });
    JsonNode lapsedRow =
        find(api.items("/api/bia/processes/reviews/overdue", "auditor"), "processId", lapsed);
    assertThat(lapsedRow.get("reviewDue").asText()).isEqualTo("2025-01-10");
    assertThat(lapsedRow.get("reviewedBy").asText()).isEqualTo("test-bcm-manager");
  }

  // ---- ownership, details, redundancy, suppliers, time travel of assets and threats

  @Test
  void aProcessOwnerChangesOnlyTheProcessesTheyOwn() {
    String theirs = process("Treasury", "PT24H", "PT8H");
    String someoneElses =
        api.createdId(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                "{\"name\":\"Lending\",\"owner\":\"CRO\",\"mtpd\":\"PT24H\",\"rto\":\"PT8H\"}"));
    awaitProcess(theirs, p -> true);
    awaitProcess(someoneElses, p -> true);
    String targets = "{\"mtpd\":\"PT24H\",\"rto\":\"PT6H\",\"reason\":\"Tighter\"}";

    var refused =
        send(
            "PUT",
            "/api/bia/processes/" + someoneElses + "/targets",
            "process-owner",
            targets,
            null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.json(refused).get("detail").asText())
        .contains("Lending", "CRO", "test-process-owner");
    var impacts =
        send(
            "PUT",
            "/api/bia/processes/" + someoneElses + "/impacts",
            "process-owner",
            "{\"ratings\":[{\"category\":\"FINANCIAL\",\"horizon\":\"PT4H\",\"score\":2}]}",
            null);
    assertThat(impacts.statusCode()).isEqualTo(403);

    assertThat(
            send("PUT", "/api/bia/processes/" + theirs + "/targets", "process-owner", targets, null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    "PUT",
                    "/api/bia/processes/" + someoneElses + "/targets",
                    "bcm-manager",
                    targets,
                    null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void changesProcessAndAssetDetailsWithVersionsAndPublishesThem() throws Exception {
    String processId = process("Billing", "PT24H", "PT8H");
    awaitProcess(processId, p -> true);
    var changed =
        send(
            "PATCH",
            "/api/bia/processes/" + processId,
            "bcm-manager",
            "{\"name\":\"Billing and invoicing\",\"crownJewel\":true,\"owner\":\"CFO\"}",
            "\"0\"");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).hasValue("\"1\"");
    JsonNode process = awaitProcess(processId, p -> p.get("version").asLong() == 1);
    assertThat(process.get("name").asText()).isEqualTo("Billing and invoicing");
    assertThat(process.get("crownJewel").asBoolean()).isTrue();
    assertThat(process.get("critical").asBoolean()).isTrue();
    assertThat(process.get("owner").asText()).isEqualTo("CFO");
    assertThat(
            send(
                    "PATCH",
                    "/api/bia/processes/" + processId,
                    "bcm-manager",
                    "{\"name\":\"X\"}",
                    "\"0\"")
                .statusCode())
        .isEqualTo(409);
    var blank =
        send("PATCH", "/api/bia/processes/" + processId, "bcm-manager", "{\"name\":\"  \"}", null);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(blank))).containsExactly("name");
    assertThat(
            send(
                    "PATCH",
                    "/api/bia/processes/" + processId,
                    "process-owner",
                    "{\"name\":\"Y\"}",
                    null)
                .statusCode())
        .isEqualTo(403);
    JsonNode published =
        ContractJson.mapper()
            .readTree(awaitPublished(processId, "nl.herstel.bia.process-changed.v1").value());
    assertThat(published.get("name").asText()).isEqualTo("Billing and invoicing");
    assertThat(published.get("owner").asText()).isEqualTo("CFO");

    String supplierId =
        api.createdId(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                """
                {"name":"Hosting partner","kind":"SUPPLIER","owner":"IT manager",
                 "supplier":{"contractReference":"C-2024-17","slaReference":"SLA-GOLD",
                             "guaranteedRecoveryTime":"PT4H"}}"""));
    JsonNode supplier =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> api.getJson("/api/bia/assets/" + supplierId, "auditor"), a -> a != null);
    assertThat(supplier.get("owner").asText()).isEqualTo("IT manager");
    assertThat(supplier.at("/supplier/slaReference").asText()).isEqualTo("SLA-GOLD");
    assertThat(supplier.at("/supplier/guaranteedRecoveryTime").asText()).isEqualTo("PT4H");
    var assetChange =
        send(
            "PATCH",
            "/api/bia/assets/" + supplierId,
            "bcm-manager",
            "{\"supplier\":{\"contractReference\":\"C-2025-02\",\"guaranteedRecoveryTime\":\"PT2H\"}}",
            "\"0\"");
    assertThat(assetChange.statusCode()).as(assetChange.body()).isEqualTo(200);
    JsonNode assetPublished =
        ContractJson.mapper()
            .readTree(awaitPublished(supplierId, "nl.herstel.bia.asset-changed.v1").value());
    assertThat(assetPublished.at("/supplier/guaranteedRecoveryTime").asText()).isEqualTo("PT2H");
    assertThat(assetPublished.get("owner").asText()).isEqualTo("IT manager");
    JsonNode registered =
        ContractJson.mapper()
            .readTree(awaitPublished(supplierId, "nl.herstel.bia.asset-registered.v1").value());
    assertThat(registered.at("/supplier/contractReference").asText()).isEqualTo("C-2024-17");

    var termsOnData =
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\"Ledger\",\"kind\":\"DATA\",\"supplier\":{\"slaReference\":\"S\"}}");
    assertThat(termsOnData.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(termsOnData))).containsExactly("supplier");
    var negative =
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\"Cloud\",\"kind\":\"SUPPLIER\",\"supplier\":{\"guaranteedRecoveryTime\":\"-PT1H\"}}");
    assertThat(negative.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(negative))).containsExactly("supplier.guaranteedRecoveryTime");
  }

  @Test
  void alternativesDecideWhatAFailureHitsAndWhichAssetsAreSinglePointsOfFailure() throws Exception {
    String dcA =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", facility("DC Amsterdam")));
    String dcB =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", facility("DC Rotterdam")));
    String app = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("Trading app")));
    String db = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("Trading db")));
    String trading = process("Trading", "PT8H", "PT2H");
    awaitProcess(trading, p -> true);
    String redundant = dependency(trading, dcA, "datacentre");
    dependency(trading, dcB, "datacentre");
    dependency(trading, app, null);
    dependency(app, db, null);
    var badGroup =
        api.post(
            "/api/bia/dependencies",
            "bcm-manager",
            "{\"fromId\":\"%s\",\"toId\":\"%s\",\"alternativeGroup\":\"<script>\"}"
                .formatted(trading, db));
    assertThat(badGroup.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badGroup))).containsExactly("alternativeGroup");

    JsonNode dcFails =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/assets/" + dcA + "/impact", "incident-commander"),
                i -> i != null && i.get("processesAtRisk").size() == 1);
    assertThat(dcFails.get("totalHit").asInt()).isZero();
    assertThat(dcFails.get("processesHit")).isEmpty();
    assertThat(dcFails.at("/processesAtRisk/0/id").asText()).isEqualTo(trading);

    JsonNode dbFails =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/assets/" + db + "/impact", "incident-commander"),
                i -> i != null && i.get("totalHit").asInt() == 1);
    assertThat(dbFails.get("criticalHit").asInt()).isEqualTo(1);
    assertThat(dbFails.get("truncated").asBoolean()).isFalse();
    JsonNode path = dbFails.at("/processesHit/0/path");
    assertThat(path).hasSize(3);
    assertThat(path.get(0).get("id").asText()).isEqualTo(trading);
    assertThat(path.get(1).get("id").asText()).isEqualTo(app);
    assertThat(path.get(2).get("id").asText()).isEqualTo(db);
    var badLimit = api.get("/api/bia/assets/" + db + "/impact?limit=0", "auditor");
    assertThat(badLimit.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(badLimit))).containsExactly("limit");

    JsonNode firstSpof = api.getJson("/api/bia/single-points-of-failure?limit=1", "management");
    assertThat(firstSpof.get("items")).hasSize(1);
    JsonNode spofs = api.items("/api/bia/single-points-of-failure?limit=2", "management");
    assertThat(spofs.get(0)).isEqualTo(firstSpof.get("items").get(0));
    assertThat(api.get("/api/bia/single-points-of-failure?limit=0", "auditor").statusCode())
        .isEqualTo(400);
    List<String> forTrading = new ArrayList<>();
    spofs.forEach(
        s ->
            s.get("criticalProcesses")
                .forEach(
                    p -> {
                      if (trading.equals(p.get("processId").asText())) {
                        forTrading.add(s.get("assetId").asText());
                      }
                    }));
    assertThat(forTrading).containsExactlyInAnyOrder(app, db);

    JsonNode published =
        ContractJson.mapper()
            .readTree(
                ItKafka.awaitRecords(
                        "herstel.bia.v1",
                        r ->
                            trading.equals(r.key())
                                && "nl.herstel.bia.dependency-added.v1".equals(header(r, "ce_type"))
                                && new String(r.value(), StandardCharsets.UTF_8)
                                    .contains(redundant),
                        Duration.ofSeconds(30))
                    .get(0)
                    .value());
    assertThat(published.get("alternativeGroup").asText()).isEqualTo("datacentre");
  }

  @Test
  void requiredTargetsTellWhetherASupplierMeetsTheRto() {
    String supplierId =
        api.createdId(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                "{\"name\":\"Payroll bureau\",\"kind\":\"SUPPLIER\","
                    + "\"supplier\":{\"guaranteedRecoveryTime\":\"PT8H\"}}"));
    String payroll = process("Payroll run", "PT24H", "PT4H");
    awaitProcess(payroll, p -> true);
    dependency(payroll, supplierId, null);
    JsonNode required =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/assets/" + supplierId + "/required-targets", "auditor"),
                r -> r != null && !r.get("requiredRto").isNull());
    assertThat(required.get("requiredRto").asText()).isEqualTo("PT4H");
    assertThat(required.get("guaranteedRecoveryTime").asText()).isEqualTo("PT8H");
    assertThat(required.get("supplierMeetsRto").asBoolean()).isFalse();
  }

  @Test
  void assetsAndThreatsAsTheyStoodAtAMoment() throws Exception {
    String assetId = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset("Archive v1")));
    String threatId =
        api.createdId(
            api.post("/api/bia/threats", "bcm-manager", "{\"name\":\"Insider\",\"likelihood\":2}"));
    Thread.sleep(1100);
    Instant before = Instant.now();
    Thread.sleep(1100);
    assertThat(
            send(
                    "PATCH",
                    "/api/bia/assets/" + assetId,
                    "bcm-manager",
                    "{\"name\":\"Archive v2\"}",
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    "PUT",
                    "/api/bia/threats/" + threatId + "/likelihood",
                    "bcm-manager",
                    "{\"likelihood\":5}",
                    null)
                .statusCode())
        .isEqualTo(200);

    JsonNode assetsThen = api.items("/api/bia/assets?asOf=" + before, "auditor");
    JsonNode assetThen = find(assetsThen, "id", assetId);
    assertThat(assetThen.get("name").asText()).isEqualTo("Archive v1");
    JsonNode threatThen =
        find(api.items("/api/bia/threats?asOf=" + before, "auditor"), "id", threatId);
    assertThat(threatThen.get("likelihood").asInt()).isEqualTo(2);
    JsonNode exportThen = api.getJson("/api/bia/export?asOf=" + before, "auditor");
    assertThat(Instant.parse(exportThen.get("asOf").asText())).isEqualTo(before);
    assertThat(find(exportThen.get("assets"), "id", assetId).get("name").asText())
        .isEqualTo("Archive v1");
    assertThat(find(exportThen.get("threats"), "id", threatId).get("likelihood").asInt())
        .isEqualTo(2);
    JsonNode assetNow =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/assets/" + assetId, "auditor"),
                a -> a.get("name").asText().equals("Archive v2"));
    assertThat(assetNow.get("version").asLong()).isEqualTo(1);
    JsonNode earlier =
        api.items("/api/bia/assets?asOf=" + before.minus(Duration.ofDays(3650)), "auditor");
    assertThat(earlier).isEmpty();
    var bad = api.get("/api/bia/threats?asOf=yesterday", "auditor");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(bad))).containsExactly("asOf");
  }

  @Test
  void publishesRevisionsProposedAndDecided() throws Exception {
    String processId = process("Procurement", "PT24H", "PT8H");
    awaitProcess(processId, p -> true);
    String revisionId =
        api.createdId(
            api.post(
                "/api/bia/revisions",
                "process-owner",
                "{\"processId\":\"%s\",\"proposedRto\":\"PT6H\",\"rationale\":\"Faster\"}"
                    .formatted(processId)));
    var decided =
        api.post(
            "/api/bia/revisions/" + revisionId + "/decision",
            "process-owner",
            "{\"decision\":\"REJECT\",\"reason\":\"Not feasible\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonNode proposed =
        ContractJson.mapper()
            .readTree(awaitPublished(processId, "nl.herstel.bia.revision-proposed.v1").value());
    assertThat(proposed.get("revisionId").asText()).isEqualTo(revisionId);
    assertThat(proposed.get("proposedRto").asText()).isEqualTo("PT6H");
    assertThat(proposed.get("proposedBy").asText()).isEqualTo("test-process-owner");
    JsonNode decision =
        ContractJson.mapper()
            .readTree(awaitPublished(processId, "nl.herstel.bia.revision-decided.v1").value());
    assertThat(decision.get("accepted").asBoolean()).isFalse();
    assertThat(decision.get("decidedBy").asText()).isEqualTo("test-process-owner");
    assertThat(decision.get("reason").asText()).isEqualTo("Not feasible");
  }

  private String dependency(String from, String to, String group) {
    return api.createdId(
        api.post(
            "/api/bia/dependencies",
            "bcm-manager",
            group == null
                ? "{\"fromId\":\"%s\",\"toId\":\"%s\"}".formatted(from, to)
                : "{\"fromId\":\"%s\",\"toId\":\"%s\",\"alternativeGroup\":\"%s\"}"
                    .formatted(from, to, group)));
  }

  private static String facility(String name) {
    return "{\"name\":\"" + name + "\",\"kind\":\"FACILITY\"}";
  }

  private String process(String name, String mtpd, String rto) {
    return api.createdId(
        api.post(
            "/api/bia/processes",
            "bcm-manager",
            ("{\"name\":\"%s\",\"critical\":true,\"mtpd\":\"%s\",\"rto\":\"%s\","
                    + "\"owner\":\"test-process-owner\"}")
                .formatted(name, mtpd, rto)));
  }

  private JsonNode awaitProcess(String processId, Predicate<JsonNode> until) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.getJson("/api/bia/processes/" + processId, "auditor"),
            p -> p != null && until.test(p));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<String> send(
      String method, String path, String role, String json, String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + System.getProperty("herstel.it.http.port") + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TestInfrastructure.get().token(role))
            .header("Accept", "application/json");
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConsumerRecord<String, byte[]> awaitPublished(String key, String type) {
    List<ConsumerRecord<String, byte[]>> found =
        ItKafka.awaitRecords(
            "herstel.bia.v1",
            r -> key.equals(r.key()) && type.equals(header(r, "ce_type")),
            Duration.ofSeconds(30));
    assertThat(found).isNotEmpty();
    return found.get(found.size() - 1);
  }

  private List<JsonNode> revisionsFor(String processId) {
    List<JsonNode> matching = new ArrayList<>();
    JsonNode all = api.items("/api/bia/revisions?status=PENDING", "process-owner");
    if (all != null) {
      all.forEach(
          r -> {
            if (processId.equals(r.path("processId").asText())) {
              matching.add(r);
            }
          });
    }
    return matching;
  }

  @Test
  void documentsEveryOperationForClientGenerators() throws Exception {
    HttpResponse<String> answer = api.get("/openapi?format=JSON", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode document = api.json(answer);
    Files.writeString(Path.of("target", "openapi.json"), document.toPrettyString());
    assertThat(OpenApiRules.operations(document)).isGreaterThan(40);
    assertThat(OpenApiRules.violations(document)).isEmpty();
  }

  private static String asset(String name) {
    return "{\"name\":\"" + name + "\",\"kind\":\"DATA\"}";
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private long storedEvents() throws Exception {
    try (Connection c = ItDatabase.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM domainevententry")) {
      r.next();
      return r.getLong(1);
    }
  }
}
