package nl.herstel.incidents.it;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * incident-service deployed on Open Liberty against real PostgreSQL and Kafka: the BIA copy from
 * Kafka, SOC intake with the affected processes and their deadlines, idempotent alerts, closure,
 * the incident contract on Kafka, the history from the event store, bad input and security.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class IncidentServiceIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private static final String INTAKE = "/api/incidents/intake";
  private final ServiceClient api = ServiceClient.forServiceUnderTest();
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * A slice of a BIA: the payments database supports the payments application (asset to asset);
   * process Payments is supported by the database, process Payouts by the application, and process
   * Settlement depends on Payouts (process to process). Naming the database hits all three.
   */
  private record Bia(
      String databaseId,
      String databaseName,
      String paymentsId,
      String payoutsId,
      String settlementId,
      String unrelatedId) {}

  private Bia registerBia() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Bia bia =
        new Bia(
            UUID.randomUUID().toString(),
            "db-payments-" + suffix,
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString());
    String applicationId = UUID.randomUUID().toString();
    Instant at = Instant.now();
    List<String> dependencies = new ArrayList<>();
    List<IntegrationEvent> events = new ArrayList<>();
    events.add(new AssetRegistered(bia.databaseId(), bia.databaseName(), AssetKind.DATA, null, at));
    events.add(
        new AssetRegistered(applicationId, "app-payments-" + suffix, AssetKind.SOFTWARE, null, at));
    events.add(process(bia.paymentsId(), "Payments " + suffix, 8, 24, at));
    events.add(process(bia.payoutsId(), "Payouts " + suffix, 12, 48, at));
    events.add(process(bia.settlementId(), "Settlement " + suffix, 24, 72, at));
    events.add(process(bia.unrelatedId(), "Canteen " + suffix, 48, 96, at));
    events.add(
        dependency(
            dependencies, applicationId, NodeKind.ASSET, bia.databaseId(), NodeKind.ASSET, at));
    events.add(
        dependency(
            dependencies,
            bia.paymentsId(),
            NodeKind.PROCESS,
            bia.databaseId(),
            NodeKind.ASSET,
            at));
    events.add(
        dependency(
            dependencies, bia.payoutsId(), NodeKind.PROCESS, applicationId, NodeKind.ASSET, at));
    events.add(
        dependency(
            dependencies,
            bia.settlementId(),
            NodeKind.PROCESS,
            bia.payoutsId(),
            NodeKind.PROCESS,
            at));
    produce(events.toArray(IntegrationEvent[]::new));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                            "SELECT count(*) FROM bia_copy_dependency WHERE dependency_id = ANY (?)",
                            dependencies)
                        == dependencies.size()
                    && count(
                            "SELECT count(*) FROM bia_copy_process WHERE name IS NOT NULL"
                                + " AND process_id = ANY (?)",
                            List.of(bia.paymentsId(), bia.payoutsId(), bia.settlementId()))
                        == 3
                    && count(
                            "SELECT count(*) FROM bia_copy_asset WHERE asset_id = ANY (?)",
                            List.of(bia.databaseId(), applicationId))
                        == 2);
    return bia;
  }

  private static ProcessRegistered process(
      String id, String name, int rtoHours, int mtpdHours, Instant at) {
    return new ProcessRegistered(
        id,
        name,
        null,
        true,
        false,
        "CFO",
        Duration.ofHours(mtpdHours),
        Duration.ofHours(rtoHours),
        Duration.ofHours(1),
        at);
  }

  private static DependencyAdded dependency(
      List<String> ids,
      String fromId,
      NodeKind fromKind,
      String toId,
      NodeKind toKind,
      Instant at) {
    String id = UUID.randomUUID().toString();
    ids.add(id);
    return new DependencyAdded(id, fromId, fromKind, toId, toKind, at);
  }

  @Test
  void opensAnIncidentWithTheDeadlinesOfEveryProcessThatDependsOnTheNamedAsset() throws Exception {
    Bia bia = registerBia();
    Instant detectedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String alert =
        alert("ALERT-" + UUID.randomUUID(), bia.databaseName().toUpperCase(), detectedAt);

    HttpResponse<String> first = api.post("/api/incidents/intake", "soc-intake", alert);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    JsonNode answer = api.json(first);
    String incidentId = answer.get("incidentId").asText();
    assertThat(answer.get("status").asText()).isEqualTo("REPORTED");
    assertThat(answer.get("duplicate").asBoolean()).isFalse();
    assertThat(first.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/incidents/" + incidentId);

    JsonNode incident = awaitIncident(incidentId, "recovery-team");
    assertThat(incident.get("status").asText()).isEqualTo("REPORTED");
    assertThat(incident.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(incident.get("source").asText()).isEqualTo("splunk");
    assertThat(Instant.parse(incident.get("disruptedAt").asText())).isEqualTo(detectedAt);
    assertThat(incident.get("assets")).hasSize(1);
    assertThat(incident.get("assets").get(0).get("assetId").asText()).isEqualTo(bia.databaseId());
    assertThat(incident.get("unresolvedAssets")).hasSize(1);
    assertThat(incident.get("unresolvedAssets").get(0).asText()).isEqualTo("unknown-host-7");

    JsonNode processes = incident.get("affectedProcesses");
    assertThat(processes).hasSize(3);
    assertThat(ids(processes, "processId"))
        .containsExactly(bia.paymentsId(), bia.payoutsId(), bia.settlementId());
    JsonNode payments = processes.get(0);
    assertThat(payments.get("rto").asText()).isEqualTo("PT8H");
    assertThat(payments.get("mtpd").asText()).isEqualTo("PT24H");
    assertThat(Instant.parse(payments.get("rtoDeadline").asText()))
        .isEqualTo(detectedAt.plus(Duration.ofHours(8)));
    assertThat(Instant.parse(payments.get("mtpdDeadline").asText()))
        .isEqualTo(detectedAt.plus(Duration.ofHours(24)));
    assertThat(Instant.parse(processes.get(2).get("rtoDeadline").asText()))
        .isEqualTo(detectedAt.plus(Duration.ofHours(24)));

    HttpResponse<String> again = api.post("/api/incidents/intake", "soc-intake", alert);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(api.json(again).get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(api.json(again).get("duplicate").asBoolean()).isTrue();
    assertThat(storedEventsOf(incidentId)).isEqualTo(1);
    JsonNode list = api.getJson("/api/incidents", "management");
    assertThat(ids(list, "id").stream().filter(incidentId::equals).count()).isEqualTo(1);

    ConsumerRecord<String, byte[]> opened =
        awaitPublished(incidentId, "nl.herstel.incidents.incident-opened.v1");
    assertThat(header(opened, "ce_source")).isEqualTo("urn:herstel:incident-service");
    assertThat(header(opened, "ce_subject")).isEqualTo(incidentId);
    assertThat(header(opened, "ce_id")).isNotBlank();
    JsonNode contract = ContractJson.mapper().readTree(opened.value());
    assertThat(contract.get("assetIds")).hasSize(1);
    assertThat(contract.get("assetIds").get(0).asText()).isEqualTo(bia.databaseId());
    assertThat(contract.get("affectedProcesses")).hasSize(3);
    assertThat(contract.get("affectedProcesses").get(0).get("rtoDeadline").asText())
        .isEqualTo(detectedAt.plus(Duration.ofHours(8)).toString());
  }

  @Test
  void usesTheLatestRecoveryTargetsTheBiaPublished() throws Exception {
    Bia bia = registerBia();
    produce(
        new RecoveryTargetsSet(
            bia.paymentsId(),
            Duration.ofHours(12),
            Duration.ofHours(4),
            null,
            TargetSource.REVISION,
            UUID.randomUUID().toString(),
            "RTO breached in the last incident",
            Instant.now().plusSeconds(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM bia_copy_process WHERE rto_seconds = 14400"
                            + " AND process_id = ANY (?)",
                        List.of(bia.paymentsId()))
                    == 1);
    Instant detectedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> response =
        api.post(
            "/api/incidents/intake",
            "incident-commander",
            alert("ALERT-" + UUID.randomUUID(), bia.databaseId(), detectedAt));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode incident =
        awaitIncident(api.json(response).get("incidentId").asText(), "incident-commander");
    JsonNode payments = incident.get("affectedProcesses").get(0);
    assertThat(payments.get("processId").asText()).isEqualTo(bia.paymentsId());
    assertThat(payments.get("rto").asText()).isEqualTo("PT4H");
    assertThat(Instant.parse(payments.get("rtoDeadline").asText()))
        .isEqualTo(detectedAt.plus(Duration.ofHours(4)));
  }

  @Test
  void closesAnIncidentWithItsRestorationsAndKeepsWhoDidWhatInItsHistory() throws Exception {
    Bia bia = registerBia();
    Instant detectedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String incidentId =
        api.json(
                api.post(
                    "/api/incidents/intake",
                    "soc-intake",
                    alert("ALERT-" + UUID.randomUUID(), bia.databaseName(), detectedAt)))
            .get("incidentId")
            .asText();
    awaitIncident(incidentId, "incident-commander");
    Instant restoredAt = detectedAt.plus(Duration.ofHours(2));

    HttpResponse<String> closed =
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            """
            {"restorations":[{"processId":"%s","restoredAt":"%s"}],
             "summary":"Database restored from the offline backup"}"""
                .formatted(bia.paymentsId(), restoredAt));
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
    assertThat(api.json(closed).get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/incidents/" + incidentId);

    JsonNode incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/incidents/" + incidentId, "auditor"),
                i -> i != null && "CLOSED".equals(i.get("status").asText()));
    assertThat(incident.get("closedAt").isNull()).isFalse();
    assertThat(incident.get("restorations")).hasSize(1);
    assertThat(incident.get("restorations").get(0).get("processId").asText())
        .isEqualTo(bia.paymentsId());
    assertThat(Instant.parse(incident.get("restorations").get(0).get("restoredAt").asText()))
        .isEqualTo(restoredAt);

    ConsumerRecord<String, byte[]> published =
        awaitPublished(incidentId, "nl.herstel.incidents.incident-closed.v1");
    JsonNode contract = ContractJson.mapper().readTree(published.value());
    assertThat(contract.get("restorations")).hasSize(1);
    assertThat(contract.get("restorations").get(0).get("processId").asText())
        .isEqualTo(bia.paymentsId());
    assertThat(Instant.parse(contract.get("disruptedAt").asText())).isEqualTo(detectedAt);
    assertThat(contract.get("summary").asText()).contains("offline backup");

    HttpResponse<String> twice =
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            "{\"restorations\":[]}");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> historyResponse =
        api.get("/api/incidents/" + incidentId + "/history", "auditor");
    assertThat(historyResponse.statusCode()).isEqualTo(200);
    JsonNode history = api.json(historyResponse);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("type").asText()).isEqualTo("IncidentOpened");
    assertThat(history.get(0).get("principal").asText()).isEqualTo("test-soc-intake");
    assertThat(history.get(0).get("role").asText()).isEqualTo("soc-intake");
    assertThat(history.get(1).get("type").asText()).isEqualTo("IncidentClosed");
    assertThat(history.get(1).get("principal").asText()).isEqualTo("test-incident-commander");
    assertThat(history.get(1).get("role").asText()).isEqualTo("incident-commander");
    for (JsonNode entry : history) {
      assertThat(entry.get("source").asText()).isEqualTo("rest");
      assertThat(entry.get("correlationId").asText()).isNotBlank();
      assertThat(entry.get("causationId").asText()).isNotBlank();
      assertThat(entry.get("occurredAt").asText()).isNotBlank();
    }
    assertThat(history.get(0).get("correlationId").asText())
        .isNotEqualTo(history.get(1).get("correlationId").asText());
  }

  @Test
  void rejectsBadAlertsNamingTheFieldAndStoresNothing() throws Exception {
    long before = storedEvents();
    Instant now = Instant.now();

    var missingSource =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            "{\"sourceId\":\"A-1\",\"title\":\"t\",\"severity\":\"LOW\",\"assets\":[\"x\"]}");
    assertThat(missingSource.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(missingSource))).containsExactly("source");

    var unknownSeverity =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            alert("A-2", "x", now).replace("\"CRITICAL\"", "\"APOCALYPTIC\""));
    assertThat(unknownSeverity.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownSeverity))).containsExactly("severity");

    var malformedTime =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            alert("A-3", "x", now).replace(now.toString(), "yesterday at noon"));
    assertThat(malformedTime.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(malformedTime))).containsExactly("detectedAt");

    var future =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            alert("A-4", "x", now.plus(Duration.ofHours(1))));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(future))).containsExactly("detectedAt");

    var noAssets =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            "{\"source\":\"s\",\"sourceId\":\"A-5\",\"title\":\"t\",\"severity\":\"LOW\","
                + "\"assets\":[]}");
    assertThat(noAssets.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noAssets))).containsExactly("assets");

    var blankAsset =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            "{\"source\":\"s\",\"sourceId\":\"A-6\",\"title\":\"t\",\"severity\":\"LOW\","
                + "\"assets\":[\"ok\",\" \"]}");
    assertThat(blankAsset.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(blankAsset))).containsExactly("assets[1]");

    var tooLong =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            alert("A-7", "x", now).replace("\"splunk\"", "\"" + "s".repeat(101) + "\""));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(tooLong))).containsExactly("source");

    var unknownField =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            alert("A-8", "x", now).replace("{", "{\"priority\":1,"));
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownField))).containsExactly("priority");

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void rejectsBadClosuresNamingTheFieldAndStoresNothing() throws Exception {
    Bia bia = registerBia();
    Instant detectedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String incidentId =
        api.json(
                api.post(
                    "/api/incidents/intake",
                    "soc-intake",
                    alert("ALERT-" + UUID.randomUUID(), bia.databaseName(), detectedAt)))
            .get("incidentId")
            .asText();
    long before = storedEvents();
    String closure = "/api/incidents/" + incidentId + "/closure";

    var unknown =
        api.post(
            "/api/incidents/" + UUID.randomUUID() + "/closure",
            "incident-commander",
            "{\"restorations\":[]}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(api.json(unknown).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/not-found");
    assertThat(
            api.post(
                    "/api/incidents/not-an-id/closure",
                    "incident-commander",
                    "{\"restorations\":[]}")
                .statusCode())
        .isEqualTo(404);

    var notAffected =
        api.post(
            closure,
            "incident-commander",
            restorations(bia.paymentsId(), detectedAt.plusSeconds(60))
                .replace(
                    "]",
                    ",{\"processId\":\""
                        + bia.unrelatedId()
                        + "\",\"restoredAt\":\""
                        + detectedAt.plusSeconds(60)
                        + "\"}]"));
    assertThat(notAffected.statusCode()).isEqualTo(422);
    assertThat(api.json(notAffected).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/rule-violation");
    assertThat(fields(api.json(notAffected))).containsExactly("restorations[1].processId");

    var beforeDisruption =
        api.post(
            closure,
            "incident-commander",
            restorations(bia.paymentsId(), detectedAt.minusSeconds(1)));
    assertThat(beforeDisruption.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(beforeDisruption))).containsExactly("restorations[0].restoredAt");

    var inTheFuture =
        api.post(
            closure,
            "incident-commander",
            restorations(bia.paymentsId(), Instant.now().plus(Duration.ofHours(1))));
    assertThat(inTheFuture.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(inTheFuture))).containsExactly("restorations[0].restoredAt");

    var missingTime =
        api.post(
            closure,
            "incident-commander",
            "{\"restorations\":[{\"processId\":\"" + bia.paymentsId() + "\"}]}");
    assertThat(missingTime.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(missingTime))).containsExactly("restorations[0].restoredAt");

    var missingList = api.post(closure, "incident-commander", "{\"summary\":\"done\"}");
    assertThat(missingList.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(missingList))).containsExactly("restorations");

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void eachEndpointNeedsItsRoleAndAToken() {
    String alert = alert("ALERT-" + UUID.randomUUID(), "x", Instant.now());
    String someId = UUID.randomUUID().toString();
    assertThat(api.post("/api/incidents/intake", "auditor", alert).statusCode()).isEqualTo(403);
    assertThat(api.post("/api/incidents/intake", null, alert).statusCode()).isEqualTo(401);
    assertThat(
            api.post("/api/incidents/" + someId + "/closure", "soc-intake", "{\"restorations\":[]}")
                .statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/incidents/" + someId + "/history", "recovery-team").statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/incidents", "process-owner").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/incidents", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/incidents/" + someId, "auditor").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/incidents/" + someId + "/history", "auditor").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aJsonArrayStoresTheGoodAlertsAndReportsEachBadOneByIndex() throws Exception {
    String a = "A-" + UUID.randomUUID();
    String b = "B-" + UUID.randomUUID();
    long before = storedEvents();
    String batch =
        "["
            + String.join(
                ",",
                batchAlert(a),
                batchAlert("C-" + UUID.randomUUID()).replace("\"title\":\"Ransomware\",", ""),
                batchAlert(a),
                batchAlert("D-" + UUID.randomUUID()).replace("\"HIGH\"", "\"APOCALYPTIC\""),
                batchAlert(b))
            + "]";

    HttpResponse<String> response = api.post(INTAKE, "soc-intake", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = api.json(response);
    JsonNode accepted = answer.get("accepted");
    assertThat(accepted).hasSize(3);
    assertThat(ints(accepted, "index")).containsExactly(0, 2, 4);
    assertThat(accepted.get(0).get("duplicate").asBoolean()).isFalse();
    assertThat(accepted.get(1).get("duplicate").asBoolean()).isTrue();
    assertThat(accepted.get(1).get("incidentId").asText())
        .isEqualTo(accepted.get(0).get("incidentId").asText());
    assertThat(accepted.get(2).get("incidentId").asText())
        .isNotEqualTo(accepted.get(0).get("incidentId").asText());
    JsonNode rejected = answer.get("rejected");
    assertThat(rejected).hasSize(2);
    assertThat(ints(rejected, "index")).containsExactly(1, 3);
    assertThat(rejected.get(0).get("errors").get(0).get("field").asText()).isEqualTo("title");
    assertThat(rejected.get(1).get("errors").get(0).get("field").asText()).isEqualTo("severity");
    assertThat(storedEvents()).isEqualTo(before + 2);
  }

  @Test
  void ndjsonStoresTheGoodLinesAndRejectsAMalformedOneByIndex() throws Exception {
    long before = storedEvents();
    String lines =
        batchAlert("N-" + UUID.randomUUID())
            + "\n{\"source\":\"splunk\",\n\n"
            + batchAlert("N-" + UUID.randomUUID())
            + "\n";

    HttpResponse<String> response = postAs(INTAKE, "application/x-ndjson", lines, Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = api.json(response);
    assertThat(ints(answer.get("accepted"), "index")).containsExactly(0, 2);
    assertThat(answer.get("rejected")).hasSize(1);
    assertThat(answer.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(answer.get("rejected").get(0).get("errors").get(0).get("field").asText())
        .isEqualTo("body");
    assertThat(storedEvents()).isEqualTo(before + 2);
  }

  @Test
  void refusesMoreThanAThousandAlertsAndAMalformedBatchStoringNothing() throws Exception {
    long before = storedEvents();
    List<String> alerts = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      alerts.add(batchAlert("X-" + UUID.randomUUID()));
    }

    HttpResponse<String> array = api.post(INTAKE, "soc-intake", "[" + String.join(",", alerts));
    assertThat(array.statusCode()).as(array.body()).isEqualTo(413);
    assertThat(array.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.json(array).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/payload-too-large");

    HttpResponse<String> ndjson =
        postAs(INTAKE, "application/x-ndjson", String.join("\n", alerts), Map.of());
    assertThat(ndjson.statusCode()).as(ndjson.body()).isEqualTo(413);

    HttpResponse<String> malformed =
        api.post(
            INTAKE, "soc-intake", "[" + batchAlert("M-" + UUID.randomUUID()) + ",{\"source\":");
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);

    HttpResponse<String> scalar = api.post(INTAKE, "soc-intake", "42");
    assertThat(scalar.statusCode()).as(scalar.body()).isEqualTo(400);
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void batchesNeedTheIntakeRole() throws Exception {
    assertThat(api.post(INTAKE, "auditor", "[" + batchAlert("R-1") + "]").statusCode())
        .isEqualTo(403);
    assertThat(
            postAs(INTAKE, "application/x-ndjson", batchAlert("R-2"), Map.of(), "auditor")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void vendorAdaptersOpenIncidentsIdempotentlyAndKeepTheRawPayload() throws Exception {
    Bia bia = registerBia();
    String run = UUID.randomUUID().toString();
    String alertmanager =
        """
        {"version":"4","status":"firing","receiver":"herstel","groupLabels":{},
         "alerts":[{"status":"firing","labels":{"alertname":"NodeDown","instance":"%s:9100",
           "severity":"critical","team":"payments"},"annotations":{"summary":"down"},
           "startsAt":"%s","fingerprint":"fp-%s"}]}"""
            .formatted(bia.databaseName(), Instant.now().minusSeconds(600), run);
    HttpResponse<String> am = api.post(INTAKE + "/alertmanager", "soc-intake", alertmanager);
    assertThat(am.statusCode()).as(am.body()).isEqualTo(202);
    String amIncident = api.json(am).get("incidents").get(0).get("incidentId").asText();
    JsonNode incident = awaitIncident(amIncident, "incident-commander");
    assertThat(incident.get("source").asText()).isEqualTo("alertmanager");
    assertThat(incident.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(incident.get("affectedProcesses")).hasSize(3);
    HttpResponse<String> again = api.post(INTAKE + "/alertmanager", "soc-intake", alertmanager);
    assertThat(api.json(again).get("incidents").get(0).get("duplicate").asBoolean()).isTrue();
    JsonNode history = api.getJson("/api/incidents/" + amIncident + "/history", "auditor");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("data").get("raw").get("labels").get("team").asText())
        .isEqualTo("payments");

    Map<String, String> vendors =
        Map.of(
            "/pagerduty",
            """
            {"routing_key":"secret-key","event_action":"trigger","dedup_key":"pd-%s",
             "payload":{"summary":"Disk full","severity":"error","source":"fs-01"}}"""
                .formatted(run),
            "/thehive",
            """
            {"type":"external","source":"misp","sourceRef":"th-%s","title":"Beacon",
             "severity":4,"date":1795942800000,
             "observables":[{"dataType":"hostname","data":"fs-01"}]}"""
                .formatted(run),
            "/sentinel",
            """
            {"name":"se-%s","properties":{"title":"Attack","severity":"Medium",
             "relatedEntities":[{"kind":"Host","properties":{"hostName":"fs-01"}}]}}"""
                .formatted(run),
            "/elastic",
            """
            {"kibana.alert.uuid":"el-%s","kibana.alert.rule.name":"Malware",
             "kibana.alert.severity":"high","host":{"name":"fs-01"}}"""
                .formatted(run),
            "/ocsf",
            """
            {"class_uid":2005,"severity_id":2,"finding_info_list":[{"uid":"oc-%s",
             "title":"Finding"}],"device":{"hostname":"fs-01"}}"""
                .formatted(run));
    assertThat(vendors).hasSize(5);
    for (Map.Entry<String, String> vendor : vendors.entrySet()) {
      HttpResponse<String> response =
          api.post(INTAKE + vendor.getKey(), "soc-intake", vendor.getValue());
      assertThat(response.statusCode()).as(vendor.getKey() + response.body()).isEqualTo(202);
      String incidentId = api.json(response).get("incidentId").asText();
      assertThat(awaitIncident(incidentId, "auditor").get("unresolvedAssets").get(0).asText())
          .isEqualTo("fs-01");
      HttpResponse<String> repeated =
          api.post(INTAKE + vendor.getKey(), "soc-intake", vendor.getValue());
      assertThat(api.json(repeated).get("incidentId").asText()).isEqualTo(incidentId);
      assertThat(api.json(repeated).get("duplicate").asBoolean()).isTrue();
    }
    String pagerDutyIncident =
        api.json(api.post(INTAKE + "/pagerduty", "soc-intake", vendors.get("/pagerduty")))
            .get("incidentId")
            .asText();
    assertThat(api.get("/api/incidents/" + pagerDutyIncident + "/history", "auditor").body())
        .doesNotContain("secret-key");
  }

  @Test
  void cloudEventsInStructuredAndBinaryMode() throws Exception {
    String run = UUID.randomUUID().toString();
    HttpResponse<String> structured =
        postAs(
            INTAKE,
            "application/cloudevents+json",
            """
            {"specversion":"1.0","id":"ce-%s","source":"urn:soc:test","type":"alert",
             "time":"%s","data":{"severity":"HIGH","assets":["fs-02"],"title":"CE alert"}}"""
                .formatted(run, Instant.now().minusSeconds(30)),
            Map.of());
    assertThat(structured.statusCode()).as(structured.body()).isEqualTo(202);
    JsonNode first = awaitIncident(api.json(structured).get("incidentId").asText(), "auditor");
    assertThat(first.get("source").asText()).isEqualTo("urn:soc:test");
    assertThat(first.get("title").asText()).isEqualTo("CE alert");

    Map<String, String> headers =
        Map.of(
            "ce-specversion", "1.0",
            "ce-id", "bin-" + run,
            "ce-source", "urn:soc:test",
            "ce-type", "alert.binary");
    String data = "{\"severity\":\"LOW\",\"assets\":[\"fs-02\"]}";
    HttpResponse<String> binary = postAs(INTAKE, "application/json", data, headers);
    assertThat(binary.statusCode()).as(binary.body()).isEqualTo(202);
    JsonNode second = awaitIncident(api.json(binary).get("incidentId").asText(), "auditor");
    assertThat(second.get("title").asText()).isEqualTo("alert.binary");
    assertThat(second.get("sourceId").asText()).isEqualTo("bin-" + run);
  }

  @Test
  void adaptersRejectWhatTheyCannotMapNamingTheFieldAndStoreNothing() throws Exception {
    long before = storedEvents();
    HttpResponse<String> noInstance =
        api.post(
            INTAKE + "/alertmanager",
            "soc-intake",
            """
            {"alerts":[{"status":"firing","labels":{"alertname":"X"},"fingerprint":"f"}]}""");
    assertThat(noInstance.statusCode()).as(noInstance.body()).isEqualTo(400);
    assertThat(fields(api.json(noInstance))).containsExactly("alerts[0].labels.instance");

    HttpResponse<String> badSeverity =
        api.post(
            INTAKE + "/pagerduty",
            "soc-intake",
            """
            {"event_action":"trigger","payload":{"summary":"s","severity":"p1","source":"h"}}""");
    assertThat(badSeverity.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badSeverity))).containsExactly("payload.severity");

    HttpResponse<String> wrongClass =
        api.post(INTAKE + "/ocsf", "soc-intake", "{\"class_uid\":2004}");
    assertThat(fields(api.json(wrongClass))).containsExactly("class_uid");

    HttpResponse<String> noCeId =
        postAs(
            INTAKE,
            "application/json",
            "{\"severity\":\"LOW\",\"assets\":[\"a\"]}",
            Map.of("ce-specversion", "1.0", "ce-source", "s", "ce-type", "t"));
    assertThat(noCeId.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noCeId))).containsExactly("ce-id");

    HttpResponse<String> malformed = api.post(INTAKE + "/thehive", "soc-intake", "{\"title\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(api.post(INTAKE + "/elastic", "auditor", "{}").statusCode()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void updatesOfOneAlertArrivingOutOfOrderKeepTheNewestFacts() throws Exception {
    String sourceId = "OOO-" + UUID.randomUUID();
    Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String v1 = version(sourceId, "Suspicious login", "HIGH", t0, t0);
    String v3 = version(sourceId, "Ransomware confirmed", "CRITICAL", t0, t0.plusSeconds(600));
    String v2 = version(sourceId, "Probably benign", "LOW", t0, t0.plusSeconds(300));

    String incidentId = api.json(api.post(INTAKE, "soc-intake", v1)).get("incidentId").asText();
    JsonNode newer = api.json(api.post(INTAKE, "soc-intake", v3));
    assertThat(newer.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(newer.get("updated").asBoolean()).isTrue();
    JsonNode late = api.json(api.post(INTAKE, "soc-intake", v2));
    assertThat(late.get("duplicate").asBoolean()).isTrue();
    assertThat(late.get("updated").asBoolean()).isFalse();

    JsonNode incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/incidents/" + incidentId, "auditor"),
                i -> i != null && "CRITICAL".equals(i.get("severity").asText()));
    assertThat(incident.get("title").asText()).isEqualTo("Ransomware confirmed");
    assertThat(Instant.parse(incident.get("disruptedAt").asText())).isEqualTo(t0);
    JsonNode history = api.getJson("/api/incidents/" + incidentId + "/history", "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("type").asText()).isEqualTo("IncidentAlertUpdated");
    assertThat(history.get(1).get("data").get("severity").asText()).isEqualTo("CRITICAL");

    HttpResponse<String> future =
        api.post(
            INTAKE,
            "soc-intake",
            version(sourceId, "x", "LOW", t0, Instant.now().plus(Duration.ofHours(2))));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(future))).containsExactly("updatedAt");
  }

  private static String version(
      String sourceId, String title, String severity, Instant detectedAt, Instant updatedAt) {
    return ("{\"source\":\"qradar\",\"sourceId\":\"%s\",\"title\":\"%s\",\"severity\":\"%s\","
            + "\"assets\":[\"fs-03\"],\"detectedAt\":\"%s\",\"updatedAt\":\"%s\"}")
        .formatted(sourceId, title, severity, detectedAt, updatedAt);
  }

  @Test
  void movesAnIncidentAlongItsLifecycleRecordingWhoAndWhy() throws Exception {
    String incidentId =
        api.json(
                api.post(
                    INTAKE,
                    "soc-intake",
                    alert("LC-" + UUID.randomUUID(), "fs-04", Instant.now().minusSeconds(60))))
            .get("incidentId")
            .asText();
    awaitIncident(incidentId, "incident-commander");
    String transitions = "/api/incidents/" + incidentId + "/transitions";
    long before = storedEvents();

    HttpResponse<String> skip =
        api.post(transitions, "incident-commander", "{\"to\":\"RECOVERED\",\"reason\":\"x\"}");
    assertThat(skip.statusCode()).as(skip.body()).isEqualTo(422);
    assertThat(fields(api.json(skip))).containsExactly("to");
    HttpResponse<String> unknown =
        api.post(transitions, "incident-commander", "{\"to\":\"CLOSED\",\"reason\":\"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknown))).containsExactly("to");
    HttpResponse<String> noReason =
        api.post(transitions, "incident-commander", "{\"to\":\"TRIAGED\",\"reason\":\" \"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noReason))).containsExactly("reason");
    assertThat(
            api.post(transitions, "recovery-team", "{\"to\":\"TRIAGED\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/incidents/" + UUID.randomUUID() + "/transitions",
                    "incident-commander",
                    "{\"to\":\"TRIAGED\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(storedEvents()).isEqualTo(before);

    for (String to : List.of("TRIAGED", "PLAN_ACTIVATED", "RECOVERING", "RECOVERED")) {
      HttpResponse<String> moved =
          api.post(
              transitions,
              "incident-commander",
              "{\"to\":\"%s\",\"reason\":\"because %s\"}".formatted(to, to));
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
      assertThat(api.json(moved).get("status").asText()).isEqualTo(to);
    }
    JsonNode incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/incidents/" + incidentId, "auditor"),
                i -> i != null && i.get("transitions").size() == 4);
    assertThat(incident.get("status").asText()).isEqualTo("RECOVERED");
    JsonNode first = incident.get("transitions").get(0);
    assertThat(first.get("from").asText()).isEqualTo("REPORTED");
    assertThat(first.get("to").asText()).isEqualTo("TRIAGED");
    assertThat(first.get("reason").asText()).isEqualTo("because TRIAGED");
    assertThat(first.get("by").asText()).isEqualTo("test-incident-commander");
    assertThat(first.get("role").asText()).isEqualTo("incident-commander");

    HttpResponse<String> closed =
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            "{\"restorations\":[]}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
    HttpResponse<String> afterClosure =
        api.post(transitions, "incident-commander", "{\"to\":\"RECOVERING\",\"reason\":\"x\"}");
    assertThat(afterClosure.statusCode()).isEqualTo(409);
  }

  @Test
  void aNewAlertOnAnAssetOfAnOpenIncidentWithinTheWindowJoinsIt() throws Exception {
    Bia bia = registerBia();
    Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String incidentId =
        api.json(
                api.post(
                    INTAKE, "soc-intake", alert("CO-" + UUID.randomUUID(), bia.databaseId(), t0)))
            .get("incidentId")
            .asText();
    awaitIncident(incidentId, "auditor");

    String second =
        """
        {"source":"sentinel","sourceId":"CO-%s","title":"Lateral movement","severity":"HIGH",
         "assets":["%s"],"detectedAt":"%s"}"""
            .formatted(UUID.randomUUID(), bia.databaseName(), t0.plusSeconds(1800));
    JsonNode joined = api.json(api.post(INTAKE, "soc-intake", second));
    assertThat(joined.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(joined.get("duplicate").asBoolean()).isFalse();
    JsonNode again = api.json(api.post(INTAKE, "soc-intake", second));
    assertThat(again.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(again.get("duplicate").asBoolean()).isTrue();

    JsonNode history = api.getJson("/api/incidents/" + incidentId + "/history", "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("type").asText()).isEqualTo("AlertCorrelated");
    assertThat(history.get(1).get("data").get("source").asText()).isEqualTo("sentinel");

    String outsideWindow =
        alert("CO-" + UUID.randomUUID(), bia.databaseId(), t0.minus(Duration.ofHours(5)));
    JsonNode separate = api.json(api.post(INTAKE, "soc-intake", outsideWindow));
    assertThat(separate.get("incidentId").asText()).isNotEqualTo(incidentId);
    assertThat(separate.get("duplicate").asBoolean()).isFalse();
  }

  @Test
  void logsBobDecisionsWithWhoDecidedAndRejectsIncompleteOnes() throws Exception {
    String incidentId =
        api.json(
                api.post(
                    INTAKE,
                    "soc-intake",
                    alert("BOB-" + UUID.randomUUID(), "fs-05", Instant.now().minusSeconds(60))))
            .get("incidentId")
            .asText();
    awaitIncident(incidentId, "incident-commander");
    String decisions = "/api/incidents/" + incidentId + "/decisions";
    String decision =
        """
        {"picture":{"known":["Payments DB encrypted"],"unknown":["Are backups clean?"]},
         "judgement":{"options":["Restore offline backup","Negotiate"],
                      "risks":["Backup may hold the malware"]},
         "decision":{"what":"Restore from the offline backup",
                     "rationale":"Within RTO and no payment to criminals",
                     "mandate":"Crisis plan, incident commander"}}""";
    long before = storedEvents();

    HttpResponse<String> noMandate =
        api.post(
            decisions,
            "incident-commander",
            decision.replace("\"Crisis plan, incident commander\"", "\" \""));
    assertThat(noMandate.statusCode()).as(noMandate.body()).isEqualTo(400);
    assertThat(fields(api.json(noMandate))).containsExactly("decision.mandate");
    HttpResponse<String> noFacts =
        api.post(
            decisions, "incident-commander", decision.replace("[\"Payments DB encrypted\"]", "[]"));
    assertThat(noFacts.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noFacts))).containsExactly("picture.known");
    assertThat(api.post(decisions, "recovery-team", decision).statusCode()).isEqualTo(403);
    assertThat(
            api.post(
                    "/api/incidents/" + UUID.randomUUID() + "/decisions",
                    "incident-commander",
                    decision)
                .statusCode())
        .isEqualTo(404);
    assertThat(storedEvents()).isEqualTo(before);

    HttpResponse<String> recorded = api.post(decisions, "incident-commander", decision);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(202);
    String decisionId = api.json(recorded).get("decisionId").asText();
    JsonNode incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/incidents/" + incidentId, "management"),
                i -> i != null && i.get("decisions").size() == 1);
    JsonNode logged = incident.get("decisions").get(0);
    assertThat(logged.get("decisionId").asText()).isEqualTo(decisionId);
    assertThat(logged.get("picture").get("unknown").get(0).asText())
        .isEqualTo("Are backups clean?");
    assertThat(logged.get("judgement").get("options")).hasSize(2);
    assertThat(logged.get("decision").get("mandate").asText())
        .isEqualTo("Crisis plan, incident commander");
    assertThat(logged.get("by").asText()).isEqualTo("test-incident-commander");
    assertThat(logged.get("role").asText()).isEqualTo("incident-commander");
    JsonNode history = api.getJson("/api/incidents/" + incidentId + "/history", "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("type").asText()).isEqualTo("DecisionRecorded");
  }

  @Test
  void documentsTheIntakeFormatsAndTheBatchAnswerInOpenApi() throws Exception {
    HttpResponse<String> openapi = api.get("/openapi", null);
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/incidents/intake/alertmanager")
        .contains("/api/incidents/intake/ocsf")
        .contains("/api/incidents/{id}/transitions")
        .contains("/api/incidents/{id}/decisions")
        .contains("application/x-ndjson")
        .contains("application/cloudevents+json")
        .contains("BatchAnswer");
    HttpResponse<String> empty = postAs(INTAKE + "/thehive", "application/json", "", Map.of());
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    HttpResponse<String> emptyMain = postAs(INTAKE, "application/json", "", Map.of());
    assertThat(emptyMain.statusCode()).as(emptyMain.body()).isEqualTo(400);
  }

  private static String batchAlert(String sourceId) {
    return ("{\"source\":\"splunk\",\"sourceId\":\"%s\",\"title\":\"Ransomware\","
            + "\"severity\":\"HIGH\",\"assets\":[\"host-%s\"],\"detectedAt\":\"%s\"}")
        .formatted(sourceId, sourceId, Instant.now().minusSeconds(60));
  }

  HttpResponse<String> postAs(
      String path, String contentType, String body, Map<String, String> headers) throws Exception {
    return postAs(path, contentType, body, headers, "soc-intake");
  }

  HttpResponse<String> postAs(
      String path, String contentType, String body, Map<String, String> headers, String role)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + System.getProperty("herstel.it.http.port") + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + TestInfrastructure.get().token(role))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<Integer> ints(JsonNode array, String field) {
    List<Integer> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asInt()));
    return values;
  }

  private static String alert(String sourceId, String asset, Instant detectedAt) {
    return """
        {"source":"splunk","sourceId":"%s","title":"Ransomware on the payments database",
         "severity":"CRITICAL","assets":["%s","unknown-host-7"],"detectedAt":"%s",
         "description":"Encrypted files found"}"""
        .formatted(sourceId, asset, detectedAt);
  }

  private static String restorations(String processId, Instant restoredAt) {
    return "{\"restorations\":[{\"processId\":\"%s\",\"restoredAt\":\"%s\"}]}"
        .formatted(processId, restoredAt);
  }

  private JsonNode awaitIncident(String incidentId, String role) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.getJson("/api/incidents/" + incidentId, role), i -> i != null);
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get(field).asText()));
    return ids;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private static ConsumerRecord<String, byte[]> awaitPublished(String incidentId, String type) {
    List<ConsumerRecord<String, byte[]>> found =
        ItKafka.awaitRecords(
            "herstel.incidents.v1",
            r -> incidentId.equals(r.key()) && type.equals(header(r, "ce_type")),
            Duration.ofSeconds(30));
    assertThat(found).hasSize(1);
    ConsumerRecord<String, byte[]> record = found.get(0);
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(record, "ce_time")).isNotBlank();
    return record;
  }

  private static void produce(IntegrationEvent... events) throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (IntegrationEvent event : events) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>("herstel.bia.v1", event.subject(), ContractJson.write(event));
        Map.of(
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.of(event.getClass()).type(),
                "ce_source", "urn:herstel:bia-service",
                "ce_specversion", "1.0",
                "ce_time", event.occurredAt().toString())
            .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
      }
    }
  }

  private static long count(String sql, List<String> ids) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static long storedEventsOf(String incidentId) throws Exception {
    return count(
        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ANY (?)",
        List.of(incidentId));
  }

  private static long storedEvents() throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM domainevententry");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  // The audit trail's hash chain (one Arquillian deployment per module: keep ITs in this class).

  @Test
  void anUntouchedHistoryIsIntactAndATamperedRowIsNamed() throws Exception {
    String incidentId = reportUnrelatedAlert();
    JsonNode intact =
        api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor");
    assertThat(intact.get("intact").asBoolean()).isTrue();
    assertThat(intact.get("eventsChecked").asLong()).isPositive();

    try (Connection c = ItDatabase.connect();
        PreparedStatement tamper =
            c.prepareStatement(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload,"
                    + " 'UTF8'), 'CRITICAL', 'LOW'), 'UTF8') WHERE aggregateidentifier = ?"
                    + " AND sequencenumber = 0")) {
      tamper.setString(1, incidentId);
      assertThat(tamper.executeUpdate()).isEqualTo(1);
    }

    JsonNode broken =
        api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor");
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenSequence").asLong()).isZero();
    assertThat(broken.get("reason").asText()).contains("does not match");
  }

  @Test
  void verifyingAnUnknownIncidentIsNotFoundAndNeedsAnAuditRole() {
    String path = "/api/incidents/" + UUID.randomUUID() + "/history/verification";
    assertThat(api.get(path, "auditor").statusCode()).isEqualTo(404);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
  }

  private String reportUnrelatedAlert() {
    var response =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            ("{\"source\":\"audit-it\",\"sourceId\":\"%s\",\"title\":\"Ransomware\","
                    + "\"severity\":\"CRITICAL\",\"assets\":[\"unknown-host\"]}")
                .formatted(UUID.randomUUID()));
    assertThat(response.statusCode()).isEqualTo(202);
    return api.json(response).get("incidentId").asText();
  }

  // ---- plan activation, recovery tasks, merge and split ----

  @Test
  void proposesThePlanAndActivatesItOnlyUnderItsMandateTurningTheStepsIntoTasks() throws Exception {
    Bia bia = registerBia();
    PlanPublished plan =
        RecoveryItSupport.publishPlan(
            "Payments DRP", 2, List.of(bia.paymentsId()), List.of("incident-commander"));
    RecoveryItSupport.publishPlan(
        "Canteen plan", 1, List.of(bia.unrelatedId()), List.of("incident-commander"));
    String incidentId =
        api.ok(
                api.post(
                    INTAKE,
                    "soc-intake",
                    RecoveryItSupport.alert(
                        "splunk",
                        "PA-" + UUID.randomUUID(),
                        List.of(bia.databaseName()),
                        Instant.now().minusSeconds(600))))
            .get("incidentId")
            .asText();
    awaitIncident(incidentId, "incident-commander");
    String base = "/api/incidents/" + incidentId;

    HttpResponse<String> badCategory =
        api.post(base + "/classification", "incident-commander", "{\"category\":\"ALIENS\"}");
    assertThat(badCategory.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badCategory))).containsExactly("category");
    assertThat(
            api.post(
                    base + "/classification",
                    "incident-commander",
                    "{\"category\":\"RANSOMWARE\",\"reason\":\"ransom note found\"}")
                .statusCode())
        .isEqualTo(202);

    JsonNode proposal =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.getJson(base + "/plan-proposal", "recovery-team"),
                p ->
                    p != null
                        && "RANSOMWARE".equals(p.path("category").asText())
                        && p.get("plans").size() == 1);
    JsonNode proposed = proposal.get("plans").get(0);
    assertThat(proposed.get("planId").asText()).isEqualTo(plan.planId());
    assertThat(proposed.get("rank").asInt()).isEqualTo(1);
    assertThat(proposed.get("version").asInt()).isEqualTo(2);
    assertThat(proposed.get("mandate")).hasSize(1);
    assertThat(proposed.get("mandate").get(0).asText()).isEqualTo("incident-commander");
    assertThat(ids(proposed.get("coveredProcesses"), "processId"))
        .containsExactly(bia.paymentsId());
    JsonNode card = proposed.get("cards").get(0);
    assertThat(card.get("scenarioCardId").asText()).isEqualTo("ransomware");
    assertThat(card.get("fits").asBoolean()).isTrue();
    assertThat(proposed.get("cards").get(1).get("fits").asBoolean()).isFalse();
    assertThat(proposed.get("why").toString()).contains("fits category RANSOMWARE");

    String activation = base + "/activation";
    String request =
        "{\"planId\":\"%s\",\"scenarioCardId\":\"ransomware\",\"reason\":\"ransomware confirmed\"}"
            .formatted(plan.planId());
    HttpResponse<String> early = api.post(activation, "incident-commander", request);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    long before = storedEventsOf(incidentId);
    HttpResponse<String> noReason =
        api.post(activation, "incident-commander", "{\"planId\":\"%s\"}".formatted(plan.planId()));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noReason))).containsExactly("reason");
    HttpResponse<String> unknownPlan =
        api.post(activation, "incident-commander", "{\"planId\":\"nope\",\"reason\":\"x\"}");
    assertThat(unknownPlan.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(unknownPlan))).containsExactly("planId");
    HttpResponse<String> unknownCard =
        api.post(
            activation,
            "incident-commander",
            "{\"planId\":\"%s\",\"scenarioCardId\":\"flood\",\"reason\":\"x\"}"
                .formatted(plan.planId()));
    assertThat(unknownCard.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(unknownCard))).containsExactly("scenarioCardId");
    assertThat(api.post(activation, "auditor", request).statusCode()).isEqualTo(403);
    assertThat(storedEventsOf(incidentId)).isEqualTo(before);

    api.ok(
        api.post(
            base + "/transitions",
            "incident-commander",
            "{\"to\":\"TRIAGED\",\"reason\":\"confirmed\"}"));
    HttpResponse<String> unmandated = api.post(activation, "recovery-team", request);
    assertThat(unmandated.statusCode()).as(unmandated.body()).isEqualTo(403);
    assertThat(unmandated.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(api.json(unmandated).get("detail").asText()).contains("incident-commander");

    HttpResponse<String> activated = api.post(activation, "incident-commander", request);
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(202);
    JsonNode answer = api.json(activated);
    assertThat(answer.get("status").asText()).isEqualTo("PLAN_ACTIVATED");
    assertThat(answer.get("mandate").asText()).isEqualTo("incident-commander");
    assertThat(answer.get("planVersion").asInt()).isEqualTo(2);
    assertThat(answer.get("taskIds")).hasSize(3);
    HttpResponse<String> twice = api.post(activation, "incident-commander", request);
    assertThat(twice.statusCode()).isEqualTo(409);

    JsonNode history = api.getJson(base + "/history", "auditor");
    List<String> types = new ArrayList<>();
    history.forEach(e -> types.add(e.get("type").asText()));
    assertThat(types)
        .containsSubsequence(
            "PlanActivationRefused",
            "PlanActivated",
            "IncidentTransitioned",
            "RecoveryTaskCreated",
            "RecoveryTaskCreated",
            "RecoveryTaskCreated");
    JsonNode refused = history.get(types.indexOf("PlanActivationRefused")).get("data");
    assertThat(refused.get("callerRoles").asText()).isEqualTo("recovery-team");

    JsonNode tasks =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson(base + "/tasks", "recovery-team"),
                t -> t != null && t.size() == 3);
    assertThat(ids(tasks, "title")).containsExactlyElementsOf(RecoveryItSupport.RANSOMWARE_STEPS);
    assertThat(ints(tasks, "stepNo")).containsExactly(1, 2, 3);
    for (JsonNode task : tasks) {
      assertThat(task.get("status").asText()).isEqualTo("TODO");
      assertThat(task.get("assigneeRole").asText()).isEqualTo("recovery-team");
      assertThat(task.get("scenarioCardId").asText()).isEqualTo("ransomware");
      assertThat(task.get("createdBy").asText()).isEqualTo("test-incident-commander");
    }
    assertThat(api.getJson(base, "auditor").get("status").asText()).isEqualTo("PLAN_ACTIVATED");
  }

  @Test
  void recoveryTasksMoveThroughTheirStatusesRecordingWhoAndWhen() throws Exception {
    String incidentId = reportUnrelatedAlert();
    awaitIncident(incidentId, "recovery-team");
    String base = "/api/incidents/" + incidentId + "/tasks";

    HttpResponse<String> created =
        api.post(
            base,
            "recovery-team",
            "{\"title\":\"Call the bank\",\"assigneeRole\":\"communication-team\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String taskId = api.json(created).get("taskId").asText();
    HttpResponse<String> noTitle = api.post(base, "incident-commander", "{\"title\":\" \"}");
    assertThat(noTitle.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noTitle))).containsExactly("title");
    assertThat(api.post(base, "management", "{\"title\":\"x\"}").statusCode()).isEqualTo(403);

    String task = base + "/" + taskId;
    api.ok(api.post(task + "/assignment", "incident-commander", "{\"assignee\":\"alice\"}"));
    HttpResponse<String> badStatus =
        api.post(task + "/status", "recovery-team", "{\"status\":\"FINISHED\"}");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badStatus))).containsExactly("status");
    assertThat(
            api.post(base + "/nope/status", "recovery-team", "{\"status\":\"DONE\"}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> same =
        api.post(task + "/status", "recovery-team", "{\"status\":\"TODO\"}");
    assertThat(same.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(same))).containsExactly("status");

    api.ok(
        api.post(
            task + "/status",
            "recovery-team",
            "{\"status\":\"IN_PROGRESS\",\"note\":\"calling\"}"));
    api.ok(
        api.post(
            task + "/status", "recovery-team", "{\"status\":\"BLOCKED\",\"note\":\"no answer\"}"));
    api.ok(
        api.post(task + "/status", "incident-commander", "{\"status\":\"DONE\",\"note\":\"ok\"}"));

    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson(base, "auditor"),
                t -> t != null && t.size() == 1 && "DONE".equals(t.get(0).get("status").asText()));
    JsonNode view = done.get(0);
    assertThat(view.get("assignee").asText()).isEqualTo("alice");
    assertThat(view.get("assigneeRole").asText()).isEqualTo("communication-team");
    assertThat(view.get("note").asText()).isEqualTo("ok");
    assertThat(view.get("createdBy").asText()).isEqualTo("test-recovery-team");
    assertThat(view.get("startedBy").asText()).isEqualTo("test-recovery-team");
    assertThat(view.get("doneBy").asText()).isEqualTo("test-incident-commander");
    Instant createdAt = Instant.parse(view.get("createdAt").asText());
    Instant startedAt = Instant.parse(view.get("startedAt").asText());
    Instant doneAt = Instant.parse(view.get("doneAt").asText());
    assertThat(startedAt).isAfterOrEqualTo(createdAt);
    assertThat(doneAt).isAfterOrEqualTo(startedAt);
    assertThat(view.get("stepNo").isNull()).isTrue();
  }

  @Test
  void mergesAnIncidentIntoAnotherSoThatItsAlertsAndAssetsLandOnTheSurvivor() throws Exception {
    Bia first = registerBia();
    Bia second = registerBia();
    Instant t0 = Instant.now().minusSeconds(1200).truncatedTo(ChronoUnit.SECONDS);
    String survivorAlert =
        RecoveryItSupport.alert(
            "splunk", "MS-" + UUID.randomUUID(), List.of(first.databaseName()), t0);
    String absorbedAlert =
        RecoveryItSupport.alert(
            "qradar", "MA-" + UUID.randomUUID(), List.of(second.databaseName()), t0);
    String survivor =
        api.ok(api.post(INTAKE, "soc-intake", survivorAlert)).get("incidentId").asText();
    String absorbed =
        api.ok(api.post(INTAKE, "soc-intake", absorbedAlert)).get("incidentId").asText();
    assertThat(absorbed).isNotEqualTo(survivor);
    awaitIncident(survivor, "incident-commander");
    awaitIncident(absorbed, "incident-commander");
    String merge = "/api/incidents/" + survivor + "/merge";
    long before = storedEventsOf(survivor) + storedEventsOf(absorbed);

    HttpResponse<String> self =
        api.post(
            merge,
            "incident-commander",
            "{\"otherIncidentId\":\"%s\",\"reason\":\"x\"}".formatted(survivor));
    assertThat(self.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(self))).containsExactly("otherIncidentId");
    HttpResponse<String> unknown =
        api.post(
            merge,
            "incident-commander",
            "{\"otherIncidentId\":\"%s\",\"reason\":\"x\"}".formatted(UUID.randomUUID()));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(fields(api.json(unknown))).containsExactly("otherIncidentId");
    HttpResponse<String> noReason =
        api.post(merge, "incident-commander", "{\"otherIncidentId\":\"%s\"}".formatted(absorbed));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noReason))).containsExactly("reason");
    String body = "{\"otherIncidentId\":\"%s\",\"reason\":\"same attacker\"}".formatted(absorbed);
    assertThat(api.post(merge, "recovery-team", body).statusCode()).isEqualTo(403);
    assertThat(storedEventsOf(survivor) + storedEventsOf(absorbed)).isEqualTo(before);

    HttpResponse<String> merged = api.post(merge, "incident-commander", body);
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(202);
    assertThat(api.post(merge, "incident-commander", body).statusCode()).isEqualTo(409);

    JsonNode absorbedView =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/incidents/" + absorbed, "auditor"),
                i -> "MERGED".equals(i.get("status").asText()));
    assertThat(absorbedView.get("transitions").get(0).get("reason").asText()).contains(survivor);
    JsonNode survivorView =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/incidents/" + survivor, "auditor"),
                i -> i.get("assets").size() == 2);
    assertThat(ids(survivorView.get("assets"), "assetId"))
        .containsExactlyInAnyOrder(first.databaseId(), second.databaseId());
    assertThat(survivorView.get("affectedProcesses")).hasSize(6);
    assertThat(lastEventType(absorbed)).isEqualTo("IncidentMergedInto");
    assertThat(lastEventType(survivor)).isEqualTo("IncidentAbsorbed");

    JsonNode resent = api.ok(api.post(INTAKE, "soc-intake", absorbedAlert));
    assertThat(resent.get("incidentId").asText()).isEqualTo(survivor);
    assertThat(resent.get("duplicate").asBoolean()).isTrue();
    JsonNode newAlert =
        api.ok(
            api.post(
                INTAKE,
                "soc-intake",
                RecoveryItSupport.alert(
                    "sentinel",
                    "MN-" + UUID.randomUUID(),
                    List.of(second.databaseName()),
                    t0.plusSeconds(60))));
    assertThat(newAlert.get("incidentId").asText()).isEqualTo(survivor);
    assertThat(
            api.post(
                    "/api/incidents/" + absorbed + "/tasks",
                    "incident-commander",
                    "{\"title\":\"x\"}")
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void aMergeThatCannotCompleteStoresNothingOnEitherIncident() throws Exception {
    String closed = reportUnrelatedAlert();
    String other = reportUnrelatedAlert();
    awaitIncident(closed, "incident-commander");
    api.ok(
        api.post(
            "/api/incidents/" + closed + "/closure",
            "incident-commander",
            "{\"restorations\":[]}"));
    long before = storedEventsOf(other);

    HttpResponse<String> refused =
        api.post(
            "/api/incidents/" + closed + "/merge",
            "incident-commander",
            "{\"otherIncidentId\":\"%s\",\"reason\":\"x\"}".formatted(other));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(storedEventsOf(other)).isEqualTo(before);
    assertThat(lastEventType(other)).isEqualTo("IncidentOpened");
  }

  @Test
  void splitsAlertsOffIntoANewIncidentWithHistoryOnBoth() throws Exception {
    Bia bia = registerBia();
    Instant t0 = Instant.now().minusSeconds(1800).truncatedTo(ChronoUnit.SECONDS);
    String origin =
        api.ok(
                api.post(
                    INTAKE,
                    "soc-intake",
                    RecoveryItSupport.alert(
                        "splunk", "SO-" + UUID.randomUUID(), List.of(bia.databaseId()), t0)))
            .get("incidentId")
            .asText();
    awaitIncident(origin, "incident-commander");
    String strayId = "SS-" + UUID.randomUUID();
    String strayHost = "stray-host-" + UUID.randomUUID();
    String stray =
        RecoveryItSupport.alert(
            "sentinel", strayId, List.of(bia.databaseName(), strayHost), t0.plusSeconds(600));
    assertThat(api.ok(api.post(INTAKE, "soc-intake", stray)).get("incidentId").asText())
        .isEqualTo(origin);
    String split = "/api/incidents/" + origin + "/split";
    long before = storedEventsOf(origin);

    HttpResponse<String> opening =
        api.post(
            split,
            "incident-commander",
            "{\"alerts\":[{\"source\":\"splunk\",\"sourceId\":\"%s\"}],\"reason\":\"x\"}"
                .formatted(
                    api.getJson("/api/incidents/" + origin, "auditor").get("sourceId").asText()));
    assertThat(opening.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(opening))).containsExactly("alerts[0]");
    HttpResponse<String> unknown =
        api.post(
            split,
            "incident-commander",
            "{\"alerts\":[{\"source\":\"sentinel\",\"sourceId\":\"nope\"}],\"reason\":\"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(unknown))).containsExactly("alerts[0]");
    HttpResponse<String> empty =
        api.post(split, "incident-commander", "{\"alerts\":[],\"reason\":\"x\"}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(empty))).containsExactly("alerts");
    HttpResponse<String> noSourceId =
        api.post(
            split,
            "incident-commander",
            "{\"alerts\":[{\"source\":\"sentinel\"}],\"reason\":\"x\"}");
    assertThat(noSourceId.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noSourceId))).containsExactly("alerts[0].sourceId");
    assertThat(storedEventsOf(origin)).isEqualTo(before);

    HttpResponse<String> done =
        api.post(
            split,
            "incident-commander",
            ("{\"alerts\":[{\"source\":\"SENTINEL\",\"sourceId\":\"%s\"}],"
                    + "\"reason\":\"different attacker\"}")
                .formatted(strayId));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    String newId = api.json(done).get("incidentId").asText();
    assertThat(done.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/incidents/" + newId);

    JsonNode splitOff = awaitIncident(newId, "auditor");
    assertThat(splitOff.get("status").asText()).isEqualTo("REPORTED");
    assertThat(splitOff.get("source").asText()).isEqualTo("sentinel");
    assertThat(splitOff.get("sourceId").asText()).isEqualTo(strayId);
    assertThat(Instant.parse(splitOff.get("disruptedAt").asText())).isEqualTo(t0.plusSeconds(600));
    assertThat(splitOff.get("unresolvedAssets")).hasSize(1);
    assertThat(splitOff.get("unresolvedAssets").get(0).asText()).isEqualTo(strayHost);
    assertThat(lastEventType(origin)).isEqualTo("IncidentSplit");
    assertThat(lastEventType(newId)).isEqualTo("IncidentSplitOff");
    JsonNode originView = api.getJson("/api/incidents/" + origin, "auditor");
    assertThat(originView.get("affectedProcesses")).hasSize(3);

    JsonNode resent =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.ok(api.post(INTAKE, "soc-intake", stray)),
                a -> newId.equals(a.get("incidentId").asText()));
    assertThat(resent.get("duplicate").asBoolean()).isTrue();
    assertThat(storedEventsOf(newId)).isEqualTo(1);
  }

  private String lastEventType(String incidentId) {
    JsonNode history = api.getJson("/api/incidents/" + incidentId + "/history", "auditor");
    assertThat(history).isNotEmpty();
    return history.get(history.size() - 1).get("type").asText();
  }
}
