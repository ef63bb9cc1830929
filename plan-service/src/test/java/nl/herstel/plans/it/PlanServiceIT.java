package nl.herstel.plans.it;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.OpenApiRules;
import nl.herstel.devstack.testing.ServiceClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * plan-service deployed on Open Liberty against real PostgreSQL and Kafka: it learns processes from
 * the BIA's events, publishes plans that cover them, reports coverage, and rejects bad input
 * without storing anything.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class PlanServiceIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void learnsAProcessFromTheBiaOnceAndReportsItCoveredByAPublishedPlan() throws Exception {
    String processId = UUID.randomUUID().toString();
    ProcessRegistered registered = payments(processId);
    String ceId = UUID.randomUUID().toString();
    produce(registered, "nl.herstel.bia.process-registered.v1", ceId);
    produce(registered, "nl.herstel.bia.process-registered.v1", ceId);

    JsonNode coverage = awaitCoverage(processId);
    assertThat(coverage.get("name").asText()).isEqualTo("Payments");
    assertThat(coverage.get("status").asText()).isEqualTo("NOT_COVERED");
    assertThat(coverage.get("crownJewel").asBoolean()).isTrue();
    assertThat(coverage.get("rto").asText()).isEqualTo("PT8H");
    assertThat(coverage.get("mtpd").asText()).isEqualTo("PT24H");
    assertThat(coverage.get("rpo").asText()).isEqualTo("PT1H");
    assertThat(coverage.get("planIds")).isEmpty();
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> coverageEntries(processId).size() == 1 && inboxEntries(ceId) == 1);
    assertThat(coverageEntries(processId)).hasSize(1);
    assertThat(inboxEntries(ceId)).isEqualTo(1);

    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                """
                {"name":"Payments recovery","coveredProcessIds":["%s"],
                 "scenarioCards":[{"scenario":"RANSOMWARE","title":"Ransomware on payments",
                   "steps":["Isolate the segment","Restore the last clean backup"]}]}
                """
                    .formatted(processId)));

    JsonNode covered =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/coverage/" + processId, "auditor"),
                c -> c != null && "COVERED".equals(c.get("status").asText()));
    assertThat(covered.get("planIds")).hasSize(1);
    assertThat(covered.get("planIds").get(0).asText()).isEqualTo(planId);
    assertThat(coverageEntries(processId)).hasSize(1);
    assertThat(coverageEntries(processId).get(0).get("status").asText()).isEqualTo("COVERED");

    JsonNode plan = api.getJson("/api/plans/plans/" + planId, "incident-commander");
    assertThat(plan.get("name").asText()).isEqualTo("Payments recovery");
    assertThat(plan.get("version").asInt()).isEqualTo(1);
    assertThat(plan.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(plan.get("activationRoles")).hasSize(1);
    assertThat(plan.get("activationRoles").get(0).asText()).isEqualTo("incident-commander");
    assertThat(plan.get("coveredProcessIds")).hasSize(1);
    assertThat(plan.get("coveredProcessIds").get(0).asText()).isEqualTo(processId);
    assertThat(plan.get("scenarioCards")).hasSize(1);
    assertThat(plan.get("scenarioCards").get(0).get("scenario").asText()).isEqualTo("RANSOMWARE");
    assertThat(plan.get("scenarioCards").get(0).get("steps")).hasSize(2);
  }

  @Test
  void publishesAPlanToKafkaAsACloudEvent() throws Exception {
    String processId = knownProcess();
    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "bcm-manager",
                """
                {"name":"Payments DR","coveredProcessIds":["%s"],
                 "activationRoles":["incident-commander","management"],
                 "scenarioCards":[{"scenario":"POWER_OUTAGE","title":"Power outage",
                   "steps":["Switch to the fallback site"]}]}
                """
                    .formatted(processId)));

    ConsumerRecord<String, byte[]> record = consumeOne("herstel.plans.v1", planId);
    assertThat(header(record, "ce_type")).isEqualTo("nl.herstel.plans.plan-published.v1");
    assertThat(header(record, "ce_source")).isEqualTo("urn:herstel:plan-service");
    assertThat(header(record, "ce_subject")).isEqualTo(planId);
    assertThat(header(record, "ce_id")).isNotBlank();
    assertThat(header(record, "ce_time")).isNotBlank();
    assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    PlanPublished published = ContractJson.read(record.value(), PlanPublished.class);
    assertThat(published.planId()).isEqualTo(planId);
    assertThat(published.name()).isEqualTo("Payments DR");
    assertThat(published.version()).isEqualTo(1);
    assertThat(published.coveredProcessIds()).containsExactly(processId);
    assertThat(published.activationRoles()).containsExactly("incident-commander", "management");
    assertThat(published.scenarioCards()).hasSize(1);
    assertThat(published.scenarioCards().get(0).scenario()).isEqualTo("POWER_OUTAGE");
    assertThat(published.scenarioCards().get(0).steps())
        .containsExactly("Switch to the fallback site");
  }

  @Test
  void takesNewRecoveryTargetsFromTheBia() throws Exception {
    String processId = knownProcess();
    produce(
        new RecoveryTargetsSet(
            processId,
            Duration.ofHours(48),
            Duration.ofHours(12),
            null,
            TargetSource.REVISION,
            "revision-1",
            "Actual recovery took 11h",
            Instant.now()),
        "nl.herstel.bia.recovery-targets-set.v1",
        UUID.randomUUID().toString());

    JsonNode coverage =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/coverage/" + processId, "management"),
                c -> c != null && "PT12H".equals(c.get("rto").asText()));
    assertThat(coverage.get("mtpd").asText()).isEqualTo("PT48H");
    assertThat(coverage.get("rpo").isNull()).isTrue();
  }

  @Test
  void listsCrownJewelsFirstThenByRto() throws Exception {
    String slowJewel = UUID.randomUUID().toString();
    String fastOrdinary = UUID.randomUUID().toString();
    String fastJewel = UUID.randomUUID().toString();
    produce(
        process(slowJewel, "Slow jewel", true, 48), "nl.herstel.bia.process-registered.v1", null);
    produce(
        process(fastOrdinary, "Fast ordinary", false, 1),
        "nl.herstel.bia.process-registered.v1",
        null);
    produce(
        process(fastJewel, "Fast jewel", true, 2), "nl.herstel.bia.process-registered.v1", null);
    awaitCoverage(slowJewel);
    awaitCoverage(fastOrdinary);
    awaitCoverage(fastJewel);

    List<String> order = new ArrayList<>();
    JsonNode all = api.items("/api/plans/coverage", "recovery-team");
    all.forEach(
        c -> {
          String id = c.get("processId").asText();
          if (List.of(slowJewel, fastOrdinary, fastJewel).contains(id)) {
            order.add(id);
          }
        });
    assertThat(order).containsExactly(fastJewel, slowJewel, fastOrdinary);
    boolean seenOrdinary = false;
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    for (JsonNode c : all) {
      if (!c.get("crownJewel").asBoolean()) {
        seenOrdinary = true;
      } else {
        assertThat(seenOrdinary).as("a crown jewel after an ordinary process").isFalse();
      }
    }
  }

  @Test
  void rejectsAPlanForAnUnknownProcessAndStoresNothing() throws Exception {
    String known = knownProcess();
    long eventsBefore = storedEvents();
    long plansBefore = count("SELECT count(*) FROM plan_plan");

    var response =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            """
            {"name":"Ghost plan","coveredProcessIds":["%s","no-such-process"]}"""
                .formatted(known));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(fields(api.json(response))).containsExactly("coveredProcessIds");
    assertThat(api.json(response).get("detail").asText()).contains("no-such-process");

    assertThat(storedEvents()).isEqualTo(eventsBefore);
    assertThat(count("SELECT count(*) FROM plan_plan")).isEqualTo(plansBefore);
    assertThat(api.getJson("/api/plans/coverage/" + known, "auditor").get("status").asText())
        .isEqualTo("NOT_COVERED");
  }

  @Test
  void namesEachBadFieldAndStoresNothing() throws Exception {
    String known = knownProcess();
    long eventsBefore = storedEvents();

    var missingName =
        api.post(
            "/api/plans/plans", "plan-owner", "{\"coveredProcessIds\":[\"%s\"]}".formatted(known));
    assertThat(missingName.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(missingName))).containsExactly("name");

    var unknownScenario =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            """
            {"name":"X","coveredProcessIds":["%s"],
             "scenarioCards":[{"scenario":"ALIENS","title":"T","steps":["s"]}]}"""
                .formatted(known));
    assertThat(unknownScenario.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownScenario))).containsExactly("scenarioCards[0].scenario");

    var noSteps =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            """
            {"name":"X","coveredProcessIds":["%s"],
             "scenarioCards":[{"scenario":"FIRE","title":"T","steps":[]}]}"""
                .formatted(known));
    assertThat(noSteps.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noSteps))).containsExactly("scenarioCards[0].steps");

    var blankStep =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            """
            {"name":"X","coveredProcessIds":["%s"],
             "scenarioCards":[{"scenario":"FIRE","title":"T","steps":[" "]}]}"""
                .formatted(known));
    assertThat(blankStep.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(blankStep))).containsExactly("scenarioCards[0].steps[0].title");

    var duplicate =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            "{\"name\":\"X\",\"coveredProcessIds\":[\"%s\",\"%s\"]}".formatted(known, known));
    assertThat(duplicate.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(duplicate))).containsExactly("coveredProcessIds");

    var unknownRole =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            "{\"name\":\"X\",\"coveredProcessIds\":[\"%s\"],\"activationRoles\":[\"janitor\"]}"
                .formatted(known));
    assertThat(unknownRole.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(unknownRole))).containsExactly("activationRoles");

    var unknownField =
        api.post(
            "/api/plans/plans",
            "plan-owner",
            "{\"name\":\"X\",\"coveredProcessIds\":[\"%s\"],\"colour\":\"red\"}".formatted(known));
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownField))).containsExactly("colour");

    var malformed = api.post("/api/plans/plans", "plan-owner", "{\"name\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(api.json(malformed).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/malformed-request");

    assertThat(storedEvents()).isEqualTo(eventsBefore);
    assertThat(api.getJson("/api/plans/coverage/" + known, "auditor").get("status").asText())
        .isEqualTo("NOT_COVERED");
  }

  @Test
  void unknownPlanOrProcessIsNotFound() {
    var plan = api.get("/api/plans/plans/" + UUID.randomUUID(), "auditor");
    assertThat(plan.statusCode()).isEqualTo(404);
    assertThat(api.json(plan).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/not-found");
    var process = api.get("/api/plans/coverage/" + UUID.randomUUID(), "auditor");
    assertThat(process.statusCode()).isEqualTo(404);
    assertThat(api.json(process).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/not-found");
  }

  @Test
  void publishingNeedsAPlanOwnerOrBcmManagerAndReadingAToken() throws Exception {
    long eventsBefore = storedEvents();
    String body = "{\"name\":\"X\",\"coveredProcessIds\":[\"p\"]}";
    assertThat(api.post("/api/plans/plans", "auditor", body).statusCode()).isEqualTo(403);
    assertThat(api.post("/api/plans/plans", "incident-commander", body).statusCode())
        .isEqualTo(403);
    assertThat(api.post("/api/plans/plans", null, body).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/plans/plans", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/plans/coverage", null).statusCode()).isEqualTo(401);
    assertThat(storedEvents()).isEqualTo(eventsBefore);
  }

  private String knownProcess() throws Exception {
    String processId = UUID.randomUUID().toString();
    produce(payments(processId), "nl.herstel.bia.process-registered.v1", null);
    awaitCoverage(processId);
    return processId;
  }

  private JsonNode awaitCoverage(String processId) {
    return await()
        .atMost(WAIT)
        .until(() -> api.getJson("/api/plans/coverage/" + processId, "auditor"), c -> c != null);
  }

  private List<JsonNode> coverageEntries(String processId) {
    List<JsonNode> matching = new ArrayList<>();
    api.items("/api/plans/coverage", "auditor")
        .forEach(
            c -> {
              if (processId.equals(c.get("processId").asText())) {
                matching.add(c);
              }
            });
    return matching;
  }

  private static ProcessRegistered payments(String processId) {
    return new ProcessRegistered(
        processId,
        "Payments",
        "Incoming and outgoing payments",
        true,
        true,
        "CFO",
        Duration.ofHours(24),
        Duration.ofHours(8),
        Duration.ofHours(1),
        Instant.now());
  }

  private static ProcessRegistered process(
      String processId, String name, boolean crownJewel, int rtoHours) {
    return new ProcessRegistered(
        processId,
        name,
        null,
        true,
        crownJewel,
        null,
        Duration.ofHours(72),
        Duration.ofHours(rtoHours),
        null,
        Instant.now());
  }

  /** Produces a contract event as bia-service would, with CloudEvents headers. */
  private static void produce(IntegrationEvent event, String type, String ceId) {
    ItKafka.publish(
        "herstel.bia.v1",
        event.subject(),
        ContractJson.write(event),
        type,
        ceId == null ? UUID.randomUUID().toString() : ceId,
        "urn:herstel:bia-service");
  }

  private static ConsumerRecord<String, byte[]> consumeOne(String topic, String key) {
    List<ConsumerRecord<String, byte[]>> found =
        ItKafka.awaitRecords(topic, r -> key.equals(r.key()), WAIT);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private long storedEvents() throws Exception {
    return count("SELECT count(*) FROM domainevententry");
  }

  private long inboxEntries(String ceId) throws Exception {
    return count("SELECT count(*) FROM inbox_message WHERE message_id = '" + ceId + "'");
  }

  private static long count(String sql) throws Exception {
    return ItDatabase.count(sql);
  }

  @Test
  void documentsEveryOperationForClientGenerators() throws Exception {
    HttpResponse<String> answer = api.get("/openapi?format=JSON", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode document = api.json(answer);
    Files.writeString(Path.of("target", "openapi.json"), document.toPrettyString());
    assertThat(OpenApiRules.operations(document)).isGreaterThan(30);
    assertThat(OpenApiRules.violations(document)).isEmpty();
  }
}
