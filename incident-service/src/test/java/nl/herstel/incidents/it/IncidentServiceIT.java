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
import java.nio.file.Files;
import java.nio.file.Path;
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
import nl.herstel.devstack.testing.OpenApiRules;
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
    JsonNode list = api.items("/api/incidents", "management");
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
    assertThat(api.json(historyResponse).get("items")).hasSize(2);
    JsonNode history = api.items("/api/incidents/" + incidentId + "/history", "auditor");
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
    JsonNode history = api.items("/api/incidents/" + amIncident + "/history", "auditor");
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
  void adaptersTakeWhatTheyCannotMapAsWarningsAndRefuseOnlyWhatHoldsNoAlert() throws Exception {
    String run = UUID.randomUUID().toString();
    HttpResponse<String> noInstance =
        api.post(
            INTAKE + "/alertmanager",
            "soc-intake",
            """
            {"alerts":[{"status":"firing","labels":{"alertname":"X","severity":"p1"},
              "fingerprint":"f-%s"}]}"""
                .formatted(run));
    assertThat(noInstance.statusCode()).as(noInstance.body()).isEqualTo(202);
    JsonNode answer = api.json(noInstance).get("incidents");
    assertThat(answer).hasSize(1);
    assertThat(answer.get(0).get("incidentId").asText()).isNotBlank();
    assertThat(answer.get(0).get("unresolvedAssets")).isEmpty();
    assertThat(answer.get(0).get("warnings").toString())
        .contains("alerts[0].labels.severity")
        .contains("assets");

    HttpResponse<String> badSeverity =
        api.post(
            INTAKE + "/pagerduty",
            "soc-intake",
            """
            {"event_action":"trigger","dedup_key":"pd-w-%s",
             "payload":{"summary":"s","severity":"p1","source":"nowhere-%s"}}"""
                .formatted(run, run));
    assertThat(badSeverity.statusCode()).as(badSeverity.body()).isEqualTo(202);
    assertThat(api.json(badSeverity).get("warnings").get(0).asText())
        .startsWith("payload.severity");
    assertThat(api.json(badSeverity).get("unresolvedAssets").get(0).asText())
        .isEqualTo("nowhere-" + run);

    long before = storedEvents();
    HttpResponse<String> noAlerts =
        api.post(INTAKE + "/alertmanager", "soc-intake", "{\"receiver\":\"x\"}");
    assertThat(noAlerts.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noAlerts))).containsExactly("alerts");

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
    assertThat(api.post(INTAKE + "/ocsf", "soc-intake", "[1, 2]").statusCode()).isEqualTo(400);
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
    JsonNode history = api.items("/api/incidents/" + incidentId + "/history", "auditor");
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

    JsonNode history = api.items("/api/incidents/" + incidentId + "/history", "auditor");
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
    JsonNode history = api.items("/api/incidents/" + incidentId + "/history", "auditor");
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

  @Test
  void documentsEveryOperationForClientGenerators() throws Exception {
    HttpResponse<String> answer = api.get("/openapi?format=JSON", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode document = api.json(answer);
    Files.writeString(Path.of("target", "openapi.json"), document.toPrettyString());
    assertThat(OpenApiRules.operations(document)).isGreaterThan(40);
    assertThat(OpenApiRules.violations(document)).isEmpty();
    JsonNode intake = document.path("paths").path("/api/incidents/intake").path("post");
    assertThat(intake.path("operationId").asText()).isEqualTo("reportAlert");
    assertThat(intake.path("requestBody").path("content").has("application/x-ndjson")).isTrue();
    assertThat(intake.path("requestBody").path("content").has("application/cloudevents+json"))
        .isTrue();
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

  // ---- intake API keys ----

  @Test
  void aPerSourceApiKeyAuthenticatesTheIntakeUntilItIsRevoked() throws Exception {
    var issued =
        api.post(
            "/api/incidents/intake-keys",
            "incident-commander",
            "{\"source\":\"key-it\",\"description\":\"Test SIEM\"}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
    String key = api.json(issued).get("key").asText();
    String keyId = api.json(issued).get("keyId").asText();
    assertThat(key).startsWith("hik_").hasSize(47);

    String alert =
        ("{\"source\":\"%s\",\"sourceId\":\"%s\",\"title\":\"Brute force\","
            + "\"severity\":\"HIGH\",\"assets\":[\"unknown-host\"]}");
    var accepted = withKey(key, alert.formatted("key-it", UUID.randomUUID()));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String incidentId = api.json(accepted).get("incidentId").asText();
    JsonNode history =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.items("/api/incidents/" + incidentId + "/history", "auditor"),
                h -> h != null && h.size() > 0);
    assertThat(history.get(0).get("principal").asText()).isEqualTo("intake-key:key-it:" + keyId);
    assertThat(history.get(0).get("role").asText()).isEqualTo("soc-intake");

    var otherSource = withKey(key, alert.formatted("someone-else", UUID.randomUUID()));
    assertThat(otherSource.statusCode()).isEqualTo(422);
    assertThat(api.json(otherSource).at("/errors/0/field").asText()).isEqualTo("source");

    JsonNode listed = null;
    for (JsonNode k : api.items("/api/incidents/intake-keys", "auditor")) {
      if (keyId.equals(k.get("keyId").asText())) {
        listed = k;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.has("key")).isFalse();
    assertThat(listed.toString()).doesNotContain(key.substring(8));
    assertThat(listed.get("createdBy").asText()).isEqualTo("test-incident-commander");
    assertThat(listed.get("lastUsedAt").isNull()).isFalse();
    assertThat(ItDatabase.count("SELECT count(*) FROM intake_key WHERE key_hash = ?", sha256(key)))
        .isEqualTo(1);

    var revoked =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/incidents/intake-keys/" + keyId))
                .header(
                    "Authorization",
                    "Bearer " + TestInfrastructure.get().token("incident-commander"))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode()).isEqualTo(204);
    var afterRevocation = withKey(key, alert.formatted("key-it", UUID.randomUUID()));
    assertThat(afterRevocation.statusCode()).isEqualTo(401);
    assertThat(afterRevocation.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
  }

  @Test
  void theIntakeRefusesMissingCredentialsAndOtherRolesAsProblems() throws Exception {
    var none =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + INTAKE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(api.json(none).get("instance").asText()).isEqualTo(INTAKE);
    var wrongKey = withKey("hik_not-a-key", "{}");
    assertThat(wrongKey.statusCode()).isEqualTo(401);
    var wrongRole = api.post(INTAKE, "recovery-team", "{}");
    assertThat(wrongRole.statusCode()).isEqualTo(403);
    assertThat(api.json(wrongRole).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/forbidden");
    assertThat(
            api.post("/api/incidents/intake-keys", "soc-intake", "{\"source\":\"x\"}").statusCode())
        .isEqualTo(403);
    var badSource =
        api.post("/api/incidents/intake-keys", "incident-commander", "{\"source\":\"a b\"}");
    assertThat(badSource.statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> withKey(String key, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + INTAKE))
            .header("X-Api-Key", key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return "http://localhost:" + System.getProperty("herstel.it.http.port");
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  // ---- records: communications, evidence custody, restorations and costs, timeline, live view
  // ----

  /** An incident on the payments database, disrupted 3 hours ago: Payments has RTO 8h, RPO 1h. */
  private record RecordsIncident(String id, Bia bia, Instant disruptedAt) {
    String path(String tail) {
      return "/api/incidents/" + id + tail;
    }
  }

  private RecordsIncident recordsIncident() throws Exception {
    Bia bia = registerBia();
    Instant detectedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> opened =
        api.post(
            INTAKE, "soc-intake", alert("REC-" + UUID.randomUUID(), bia.databaseId(), detectedAt));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
    String incidentId = api.json(opened).get("incidentId").asText();
    awaitIncident(incidentId, "incident-commander");
    return new RecordsIncident(incidentId, bia, detectedAt);
  }

  private static String communication(String audience, String channel, Instant sentAt) {
    return ("{\"audience\":\"%s\",\"channel\":\"%s\",\"outOfBand\":true,"
            + "\"message\":\"Payments are down; we restore from backup\",\"sentAt\":\"%s\"}")
        .formatted(audience, channel, sentAt);
  }

  private JsonNode awaitList(String path, String role, int size) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.items(path, role), list -> list != null && list.size() == size);
  }

  @Test
  void logsCommunicationsWithWhoSentThemAndRejectsBadOnesStoringNothing() throws Exception {
    RecordsIncident incident = recordsIncident();
    String path = incident.path("/communications");
    Instant sentAt = incident.disruptedAt().plus(Duration.ofMinutes(30));
    long before = storedEvents();

    HttpResponse<String> unknownAudience =
        api.post(path, "incident-commander", communication("PIGEONS", "EMAIL", sentAt));
    assertThat(unknownAudience.statusCode()).as(unknownAudience.body()).isEqualTo(400);
    assertThat(unknownAudience.body()).contains("audience");
    HttpResponse<String> noMessage =
        api.post(
            path,
            "incident-commander",
            "{\"audience\":\"MEDIA\",\"channel\":\"PRESS\",\"sentAt\":\"%s\"}".formatted(sentAt));
    assertThat(noMessage.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noMessage))).containsExactly("message");
    HttpResponse<String> tooEarly =
        api.post(
            path,
            "incident-commander",
            communication("MEDIA", "PRESS", incident.disruptedAt().minus(Duration.ofHours(1))));
    assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(422);
    assertThat(tooEarly.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(tooEarly.body()).contains("sentAt");
    HttpResponse<String> future =
        api.post(
            path,
            "incident-commander",
            communication("MEDIA", "PRESS", Instant.now().plus(Duration.ofHours(1))));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(
            api.post(path, "recovery-team", communication("MEDIA", "PRESS", sentAt)).statusCode())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/incidents/" + UUID.randomUUID() + "/communications",
                    "incident-commander",
                    communication("MEDIA", "PRESS", sentAt))
                .statusCode())
        .isEqualTo(404);
    assertThat(storedEvents()).isEqualTo(before);

    HttpResponse<String> logged =
        api.post(path, "incident-commander", communication("REGULATORS", "PHONE", sentAt));
    assertThat(logged.statusCode()).as(logged.body()).isEqualTo(202);
    String communicationId = api.json(logged).get("communicationId").asText();

    JsonNode log = awaitList(path, "auditor", 1);
    JsonNode entry = log.get(0);
    assertThat(entry.get("communicationId").asText()).isEqualTo(communicationId);
    assertThat(entry.get("audience").asText()).isEqualTo("REGULATORS");
    assertThat(entry.get("channel").asText()).isEqualTo("PHONE");
    assertThat(entry.get("outOfBand").asBoolean()).isTrue();
    assertThat(Instant.parse(entry.get("sentAt").asText())).isEqualTo(sentAt);
    assertThat(entry.get("by").asText()).isEqualTo("test-incident-commander");
    assertThat(api.get(path, "management").statusCode()).isEqualTo(200);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
    assertThat(
            api.get("/api/incidents/" + UUID.randomUUID() + "/communications", "auditor")
                .statusCode())
        .isEqualTo(404);
    JsonNode history = api.items(incident.path("/history"), "auditor");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("type").asText()).isEqualTo("CommunicationLogged");
  }

  @Test
  void keepsTheChainOfCustodyAndFlagsAMismatchingHash() throws Exception {
    RecordsIncident incident = recordsIncident();
    String path = incident.path("/evidence");
    String hash = "ab".repeat(32);
    Instant collectedAt = incident.disruptedAt().plus(Duration.ofMinutes(20));
    String item =
        ("{\"sha256\":\"%s\",\"description\":\"Disk image of db-payments\","
                + "\"collectedBy\":\"alice\",\"collectedAt\":\"%s\",\"storageLocation\":\"Safe 3\"}")
            .formatted(hash.toUpperCase(), collectedAt);
    long before = storedEvents();

    HttpResponse<String> badHash =
        api.post(path, "recovery-team", item.replace(hash.toUpperCase(), "not-a-hash"));
    assertThat(badHash.statusCode()).as(badHash.body()).isEqualTo(422);
    assertThat(badHash.body()).contains("sha256");
    HttpResponse<String> noCollector =
        api.post(path, "recovery-team", item.replace("\"alice\"", "\"\""));
    assertThat(noCollector.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noCollector))).containsExactly("collectedBy");
    assertThat(api.post(path, "management", item).statusCode()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(before);

    HttpResponse<String> registered = api.post(path, "recovery-team", item);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
    String itemId = api.json(registered).get("itemId").asText();
    String transfers = path + "/" + itemId + "/transfers";
    String transfer =
        "{\"from\":\"%s\",\"to\":\"bob\",\"at\":\"%s\",\"reason\":\"To the forensic lab\"}";
    Instant handedAt = collectedAt.plus(Duration.ofMinutes(30));

    HttpResponse<String> notCustodian =
        api.post(transfers, "incident-commander", transfer.formatted("mallory", handedAt));
    assertThat(notCustodian.statusCode()).as(notCustodian.body()).isEqualTo(422);
    assertThat(notCustodian.body()).contains("\"from\"");
    HttpResponse<String> unknownItem =
        api.post(
            path + "/" + UUID.randomUUID() + "/transfers",
            "incident-commander",
            transfer.formatted("alice", handedAt));
    assertThat(unknownItem.statusCode()).isEqualTo(422);
    assertThat(unknownItem.body()).contains("itemId");
    HttpResponse<String> handed =
        api.post(transfers, "recovery-team", transfer.formatted("alice", handedAt));
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(202);

    HttpResponse<String> mismatch =
        api.post(
            path + "/" + itemId + "/verifications",
            "recovery-team",
            "{\"sha256\":\"%s\"}".formatted("cd".repeat(32)));
    assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(202);
    assertThat(api.json(mismatch).get("matches").asBoolean()).isFalse();
    HttpResponse<String> badVerification =
        api.post(path + "/" + itemId + "/verifications", "recovery-team", "{\"sha256\":\"xyz\"}");
    assertThat(badVerification.statusCode()).isEqualTo(422);

    JsonNode custody =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson(path + "/" + itemId, "auditor"),
                e -> e != null && e.get("verifications").size() == 1);
    assertThat(custody.get("sha256").asText()).isEqualTo(hash);
    assertThat(custody.get("collectedBy").asText()).isEqualTo("alice");
    assertThat(custody.get("custodian").asText()).isEqualTo("bob");
    assertThat(custody.get("integrity").asText()).isEqualTo("MISMATCH");
    assertThat(custody.get("storageLocation").asText()).isEqualTo("Safe 3");
    assertThat(custody.get("transfers")).hasSize(1);
    JsonNode hop = custody.get("transfers").get(0);
    assertThat(hop.get("from").asText()).isEqualTo("alice");
    assertThat(hop.get("to").asText()).isEqualTo("bob");
    assertThat(hop.get("by").asText()).isEqualTo("test-recovery-team");
    assertThat(custody.get("verifications").get(0).get("observedSha256").asText())
        .isEqualTo("cd".repeat(32));
    assertThat(api.items(path, "management")).hasSize(1);
    assertThat(api.get(path + "/" + UUID.randomUUID(), "auditor").statusCode()).isEqualTo(404);
    assertThat(storedEventsOf(incident.id())).isEqualTo(1);
    assertThat(storedEventsOf(itemId)).isEqualTo(3);
  }

  @Test
  void recordsRestorationsAgainstRtoAndRpoAndCostsWithTotalsPerKind() throws Exception {
    RecordsIncident incident = recordsIncident();
    Instant restoredAt = incident.disruptedAt().plus(Duration.ofHours(2));
    Instant dataRestoredTo = incident.disruptedAt().minus(Duration.ofMinutes(30));
    String restoration = "{\"processId\":\"%s\",\"restoredAt\":\"%s\",\"dataRestoredTo\":\"%s\"}";

    HttpResponse<String> unaffected =
        api.post(
            incident.path("/restorations"),
            "recovery-team",
            restoration.formatted(incident.bia().unrelatedId(), restoredAt, dataRestoredTo));
    assertThat(unaffected.statusCode()).as(unaffected.body()).isEqualTo(422);
    assertThat(unaffected.body()).contains("processId");
    HttpResponse<String> restored =
        api.post(
            incident.path("/restorations"),
            "recovery-team",
            restoration.formatted(incident.bia().paymentsId(), restoredAt, dataRestoredTo));
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(202);

    JsonNode restorations = awaitList(incident.path("/restorations"), "management", 1);
    JsonNode payments = restorations.get(0);
    assertThat(payments.get("processId").asText()).isEqualTo(incident.bia().paymentsId());
    assertThat(payments.get("recoveryTime").asText()).isEqualTo("PT2H");
    assertThat(payments.get("rto").asText()).isEqualTo("PT8H");
    assertThat(payments.get("rtoMet").asBoolean()).isTrue();
    assertThat(payments.get("dataLoss").asText()).isEqualTo("PT30M");
    assertThat(payments.get("rpo").asText()).isEqualTo("PT1H");
    assertThat(payments.get("rpoMet").asBoolean()).isTrue();

    String costs = incident.path("/costs");
    String cost =
        "{\"kind\":\"%s\",\"amount\":%s,\"description\":\"Invoice\",\"incurredAt\":\"%s\"}";
    Instant incurredAt = incident.disruptedAt().plus(Duration.ofHours(1));
    long before = storedEvents();
    HttpResponse<String> zero =
        api.post(costs, "incident-commander", cost.formatted("LEGAL", "0", incurredAt));
    assertThat(zero.statusCode()).as(zero.body()).isEqualTo(400);
    assertThat(fields(api.json(zero))).containsExactly("amount");
    HttpResponse<String> negative =
        api.post(costs, "incident-commander", cost.formatted("LEGAL", "-5.00", incurredAt));
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(negative))).containsExactly("amount");
    HttpResponse<String> unknownKind =
        api.post(costs, "incident-commander", cost.formatted("FOOD", "10", incurredAt));
    assertThat(unknownKind.statusCode()).isEqualTo(400);
    assertThat(unknownKind.body()).contains("kind");
    assertThat(storedEvents()).isEqualTo(before);

    for (String[] c :
        List.of(
            new String[] {"LEGAL", "1000.50"},
            new String[] {"LEGAL", "499.50"},
            new String[] {"HARDWARE", "2500"})) {
      HttpResponse<String> recorded =
          api.post(costs, "recovery-team", cost.formatted(c[0], c[1], incurredAt));
      assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(202);
    }
    JsonNode report =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson(costs, "auditor"), r -> r != null && r.get("costs").size() == 3);
    assertThat(report.get("costs").get(0).get("currency").asText()).isEqualTo("EUR");
    JsonNode byKind = report.get("totalsByKind");
    assertThat(byKind).hasSize(2);
    assertThat(byKind.get(0).get("kind").asText()).isEqualTo("HARDWARE");
    assertThat(byKind.get(0).get("amount").decimalValue()).isEqualByComparingTo("2500");
    assertThat(byKind.get(1).get("kind").asText()).isEqualTo("LEGAL");
    assertThat(byKind.get(1).get("amount").decimalValue()).isEqualByComparingTo("1500");
    assertThat(report.get("totals")).hasSize(1);
    assertThat(report.get("totals").get(0).get("amount").decimalValue())
        .isEqualByComparingTo("4000");

    HttpResponse<String> closed =
        api.post(
            incident.path("/closure"),
            "incident-commander",
            restorations(incident.bia().paymentsId(), restoredAt));
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
    JsonNode contract =
        ContractJson.mapper()
            .readTree(
                awaitPublished(incident.id(), "nl.herstel.incidents.incident-closed.v1").value());
    assertThat(contract.get("restorations")).hasSize(1);
    assertThat(Instant.parse(contract.at("/restorations/0/dataRestoredTo").asText()))
        .isEqualTo(dataRestoredTo);
    assertThat(contract.at("/restorations/0/rpo").asText()).isEqualTo("PT1H");
    assertThat(contract.get("activatedPlans")).isEmpty();
    assertThat(
            api.post(costs, "incident-commander", cost.formatted("OTHER", "1", incurredAt))
                .statusCode())
        .isEqualTo(409);
    assertThat(
            api.post(
                    incident.path("/communications"),
                    "incident-commander",
                    communication("INTERNAL", "EMAIL", restoredAt))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void theTimelineShowsEveryEventInOrderAndDownloadsAsJson() throws Exception {
    RecordsIncident incident = recordsIncident();
    Instant at = incident.disruptedAt().plus(Duration.ofMinutes(10));
    assertThat(
            api.post(
                    incident.path("/communications"),
                    "incident-commander",
                    communication("INTERNAL", "MEETING", at))
                .statusCode())
        .isEqualTo(202);
    assertThat(
            api.post(
                    incident.path("/costs"),
                    "recovery-team",
                    "{\"kind\":\"LABOUR\",\"amount\":120,\"description\":\"Overtime\","
                        + "\"incurredAt\":\"%s\"}".formatted(at))
                .statusCode())
        .isEqualTo(202);

    JsonNode timeline = api.getJson(incident.path("/timeline"), "management");
    assertThat(timeline).hasSize(3);
    assertThat(ids(timeline, "type"))
        .containsExactly("IncidentOpened", "CommunicationLogged", "CostRecorded");
    assertThat(timeline.get(1).get("summary").asText()).startsWith("To INTERNAL by MEETING");
    assertThat(timeline.get(1).get("by").asText()).isEqualTo("test-incident-commander");
    assertThat(timeline.get(2).get("summary").asText()).contains("LABOUR").contains("EUR");
    for (JsonNode entry : timeline) {
      assertThat(entry.get("at").asText()).isNotBlank();
      assertThat(entry.get("summary").asText()).isNotBlank();
    }

    HttpResponse<String> download = api.get(incident.path("/timeline?format=json"), "auditor");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains(incident.id());
    assertThat(api.json(download)).hasSize(3);
    HttpResponse<String> xml = api.get(incident.path("/timeline?format=xml"), "auditor");
    assertThat(xml.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(xml))).containsExactly("format");
    assertThat(api.get("/api/incidents/" + UUID.randomUUID() + "/timeline", "auditor").statusCode())
        .isEqualTo(404);
    assertThat(api.get(incident.path("/timeline"), "soc-intake").statusCode()).isEqualTo(403);
  }

  @Test
  void streamsTheIncidentsNewEventsLiveAndResumesFromLastEventId() throws Exception {
    RecordsIncident incident = recordsIncident();
    String communicationId;
    try (EventStreamReader stream =
        EventStreamReader.open(incident.path("/stream"), "management", Map.of())) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      stream.awaitEvent("subscribed", Duration.ofSeconds(20));
      HttpResponse<String> logged =
          api.post(
              incident.path("/communications"),
              "incident-commander",
              communication("CUSTOMERS", "WEBSITE", Instant.now()));
      assertThat(logged.statusCode()).as(logged.body()).isEqualTo(202);
      communicationId = api.json(logged).get("communicationId").asText();

      EventStreamReader.SseEvent event =
          stream.awaitEvent("CommunicationLogged", Duration.ofSeconds(30));
      assertThat(event.id()).isEqualTo("1");
      JsonNode data = ContractJson.mapper().readTree(event.data());
      assertThat(data.get("type").asText()).isEqualTo("CommunicationLogged");
      assertThat(data.get("principal").asText()).isEqualTo("test-incident-commander");
      assertThat(data.get("data").get("communicationId").asText()).isEqualTo(communicationId);
    }

    try (EventStreamReader resumed =
        EventStreamReader.open(incident.path("/stream"), "auditor", Map.of("Last-Event-ID", "0"))) {
      assertThat(resumed.statusCode()).isEqualTo(200);
      EventStreamReader.SseEvent missed =
          resumed.awaitEvent("CommunicationLogged", Duration.ofSeconds(20));
      assertThat(missed.id()).isEqualTo("1");
      assertThat(missed.data()).contains(communicationId);
    }

    try (EventStreamReader unknown =
        EventStreamReader.open(
            "/api/incidents/" + UUID.randomUUID() + "/stream", "auditor", Map.of())) {
      assertThat(unknown.statusCode()).isEqualTo(404);
    }
    try (EventStreamReader forbidden =
        EventStreamReader.open(incident.path("/stream"), "soc-intake", Map.of())) {
      assertThat(forbidden.statusCode()).isEqualTo(403);
    }
  }

  // ---- clocks: recovery deadline breaches and notification obligations ----

  /**
   * A process with tiny recovery targets (as the BIA may revise them) supported by one asset:
   * seeded through Kafka like every BIA copy. Answers the asset's name to alert on, and the
   * process.
   */
  private record ClockedProcess(String assetName, String processId) {}

  private ClockedProcess clockedProcess(Duration rto, Duration mtpd) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String assetId = UUID.randomUUID().toString();
    String processId = UUID.randomUUID().toString();
    String dependencyId = UUID.randomUUID().toString();
    Instant at = Instant.now();
    produce(
        new AssetRegistered(assetId, "db-clock-" + suffix, AssetKind.DATA, null, at),
        process(processId, "Clearing " + suffix, 8, 24, at),
        new RecoveryTargetsSet(
            processId,
            mtpd,
            rto,
            null,
            TargetSource.REVISION,
            UUID.randomUUID().toString(),
            "Tight targets for the clock test",
            at.plusSeconds(1)),
        new DependencyAdded(
            dependencyId, processId, NodeKind.PROCESS, assetId, NodeKind.ASSET, at));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                            "SELECT count(*) FROM bia_copy_process WHERE rto_seconds = "
                                + rto.toSeconds()
                                + " AND name IS NOT NULL AND process_id = ANY (?)",
                            List.of(processId))
                        == 1
                    && count(
                            "SELECT count(*) FROM bia_copy_dependency WHERE dependency_id = ANY (?)",
                            List.of(dependencyId))
                        == 1);
    return new ClockedProcess("db-clock-" + suffix, processId);
  }

  private String openClocked(ClockedProcess process, Instant detectedAt) {
    HttpResponse<String> opened =
        api.post(
            INTAKE,
            "soc-intake",
            alert("CLOCK-" + UUID.randomUUID(), process.assetName(), detectedAt));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
    return api.json(opened).get("incidentId").asText();
  }

  private List<JsonNode> historyOf(String incidentId, String type) {
    List<JsonNode> found = new ArrayList<>();
    api.items("/api/incidents/" + incidentId + "/history", "auditor")
        .forEach(
            entry -> {
              if (type.equals(entry.get("type").asText())) {
                found.add(entry);
              }
            });
    return found;
  }

  private List<JsonNode> breaches(String incidentId, String kind) {
    return historyOf(incidentId, "RecoveryDeadlineBreached").stream()
        .filter(e -> kind.equals(e.get("data").get("kind").asText()))
        .toList();
  }

  /**
   * /metrics answers Prometheus text without a login; the intake counter moves per adapter and
   * outcome; every processing group has a lag gauge; the consumer reports its partitions' lag; the
   * deadline clock reports how late it fired.
   */
  @Test
  void exposesItsMetricsInPrometheusText() throws Exception {
    ClockedProcess process = clockedProcess(Duration.ofSeconds(1), Duration.ofSeconds(2));
    String before = metrics();
    double accepted =
        sample(before, "herstel_intake_alerts_total", "adapter=\"herstel\"", "outcome=\"accepted\"")
            .orElse(0.0);
    double refused =
        sample(before, "herstel_intake_alerts_total", "adapter=\"herstel\"", "outcome=\"refused\"")
            .orElse(0.0);

    String incidentId = openClocked(process, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    HttpResponse<String> bad = api.post(INTAKE, "soc-intake", "{\"source\":\"splunk\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    await().atMost(Duration.ofSeconds(30)).until(() -> breaches(incidentId, "MTPD").size() == 1);

    String after = metrics();
    assertThat(
            metric(
                after,
                "herstel_intake_alerts_total",
                "adapter=\"herstel\"",
                "outcome=\"accepted\""))
        .isEqualTo(accepted + 1);
    assertThat(
            metric(
                after, "herstel_intake_alerts_total", "adapter=\"herstel\"", "outcome=\"refused\""))
        .isEqualTo(refused + 1);
    assertThat(metric(after, "herstel_processor_lag_events", "group=\"incident-deadlines\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(metric(after, "herstel_processor_lag_events", "group=\"kafka-publisher\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(metric(after, "herstel_kafka_consumer_lag_records", "topic=\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(metric(after, "herstel_dead_letters_pending")).isGreaterThanOrEqualTo(0);
    assertThat(metric(after, "herstel_deadline_clock_lag_seconds_count")).isGreaterThanOrEqualTo(2);
    assertThat(metric(after, "herstel_deadline_clock_lag_seconds_max")).isBetween(0.0, 30.0);
  }

  /**
   * The events of a request carry the X-Correlation-Id its client sent (echoed in the answer); an
   * unsafe one is replaced; the server's log never holds a bearer token, good or forged.
   */
  @Test
  void storesTheCorrelationIdTheClientSentAndLogsNoToken() throws Exception {
    String token = TestInfrastructure.get().token("soc-intake");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    String sent = "it-corr-" + UUID.randomUUID();

    HttpResponse<String> posted = intakeWith(token, sent);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    assertThat(posted.headers().firstValue("X-Correlation-Id")).contains(sent);
    String incidentId = api.json(posted).get("incidentId").asText();
    List<String> stored = correlationIds(incidentId);
    assertThat(stored).isNotEmpty().containsOnly(sent);

    HttpResponse<String> unsafe = intakeWith(token, "x".repeat(101));
    assertThat(unsafe.statusCode()).as(unsafe.body()).isEqualTo(202);
    String made = unsafe.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(made).matches("[0-9a-f-]{36}");
    assertThat(correlationIds(api.json(unsafe).get("incidentId").asText()))
        .isNotEmpty()
        .containsOnly(made);

    assertThat(intakeWith(forged, "it-forged").statusCode()).isEqualTo(401);
    Path log =
        Path.of(
            System.getProperty("herstel.liberty.wlp"),
            "usr/servers",
            System.getProperty("herstel.it.server"),
            "logs/messages.log");
    String text = Files.readString(log);
    assertThat(text).isNotEmpty().doesNotContain(parts[2]).doesNotContain(forged);
  }

  private HttpResponse<String> intakeWith(String token, String correlationId) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + System.getProperty("herstel.it.http.port") + INTAKE))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        alert(
                            "CORR-" + UUID.randomUUID(),
                            "host-" + UUID.randomUUID(),
                            Instant.now())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> correlationIds(String aggregateId) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT convert_from(metadata, 'UTF8')::jsonb->>'correlationId'"
                    + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY globalindex")) {
      s.setString(1, aggregateId);
      List<String> ids = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      return ids;
    }
  }

  private String metrics() {
    HttpResponse<String> response = api.get("/metrics", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    return response.body();
  }

  /** The value of the first sample of {@code name} with all of {@code labels}; it must be there. */
  private static double metric(String text, String name, String... labels) {
    return sample(text, name, labels)
        .orElseThrow(() -> new AssertionError(name + " " + List.of(labels) + " missing:\n" + text));
  }

  private static java.util.Optional<Double> sample(String text, String name, String... labels) {
    return text.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst();
  }

  @Test
  void recordsEachRecoveryDeadlineBreachOnceThoughNobodyTouchesTheIncident() throws Exception {
    ClockedProcess process = clockedProcess(Duration.ofSeconds(2), Duration.ofSeconds(4));
    Instant detectedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String incidentId = openClocked(process, detectedAt);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                breaches(incidentId, "RTO").size() == 1
                    && breaches(incidentId, "MTPD").size() == 1);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> historyOf(incidentId, "RecoveryDeadlineBreached").size() == 2);
    List<JsonNode> rto = breaches(incidentId, "RTO");
    List<JsonNode> mtpd = breaches(incidentId, "MTPD");
    assertThat(rto).hasSize(1);
    assertThat(mtpd).hasSize(1);
    assertThat(historyOf(incidentId, "RecoveryDeadlineBreached")).hasSize(2);
    JsonNode breach = rto.get(0);
    assertThat(breach.get("principal").asText()).isEqualTo("system:incident-service");
    assertThat(breach.get("source").asText()).isEqualTo("deadline-clock");
    assertThat(breach.get("data").get("processId").asText()).isEqualTo(process.processId());
    Instant deadline = Instant.parse(breach.get("data").get("deadline").asText());
    assertThat(deadline).isEqualTo(detectedAt.plusSeconds(2));
    assertThat(Instant.parse(breach.get("data").get("detectedAt").asText()))
        .isAfterOrEqualTo(deadline);
    assertThat(Instant.parse(mtpd.get(0).get("data").get("deadline").asText()))
        .isEqualTo(detectedAt.plusSeconds(4));

    JsonNode deadlines =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.items("/api/incidents/" + incidentId + "/deadlines", "recovery-team"),
                d -> d != null && d.size() == 2 && d.get(1).get("breached").asBoolean());
    assertThat(ids(deadlines, "kind")).containsExactly("RTO", "MTPD");
    for (JsonNode d : deadlines) {
      assertThat(d.get("subject").asText()).isEqualTo(process.processId());
      assertThat(d.get("state").asText()).isEqualTo("BREACHED");
      assertThat(d.get("breached").asBoolean()).isTrue();
      assertThat(d.get("remainingSeconds").asLong()).isNegative();
      assertThat(d.get("remaining").asText()).startsWith("PT-");
    }
  }

  @Test
  void aDeadlineThatPassedBeforeTheIncidentWasOpenedIsBreachedFromTheDatabase() throws Exception {
    ClockedProcess process = clockedProcess(Duration.ofMinutes(30), Duration.ofHours(1));
    Instant detectedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String incidentId = openClocked(process, detectedAt);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                breaches(incidentId, "RTO").size() == 1
                    && breaches(incidentId, "MTPD").size() == 1);
    JsonNode breach = breaches(incidentId, "MTPD").get(0).get("data");
    assertThat(Instant.parse(breach.get("deadline").asText()))
        .isEqualTo(detectedAt.plus(Duration.ofHours(1)));
    assertThat(Instant.parse(breach.get("detectedAt").asText()))
        .isAfter(detectedAt.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)));
  }

  /**
   * A restart in the middle of a running clock: the application is stopped before the RTO passes
   * and started after it, so no timer in memory can have fired it; the clock reads the deadline
   * from the database at the next start and records the breach once.
   */
  @Test
  void aDeadlineThatPassesWhileTheServiceIsDownFiresAtTheNextStart() throws Exception {
    ClockedProcess process = clockedProcess(Duration.ofSeconds(20), Duration.ofHours(1));
    Instant detectedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String incidentId = openClocked(process, detectedAt);
    Instant deadline = detectedAt.plusSeconds(20);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.items("/api/incidents/" + incidentId + "/deadlines", "auditor"),
            d -> d != null && d.size() == 2);

    Instant restartedAt;
    try (LibertyApplication application = LibertyApplication.connect("incident-service")) {
      application.stop();
      await().atMost(Duration.ofSeconds(60)).until(() -> "STOPPED".equals(application.state()));
      assertThat(Instant.now()).as("stopped before the deadline").isBefore(deadline);
      assertThat(
              count(
                  "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%RecoveryDeadlineBreached'"
                      + " AND aggregateidentifier = ANY (?)",
                  List.of(incidentId)))
          .isZero();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> Instant.now().isAfter(deadline.plusSeconds(2)));
      restartedAt = Instant.now();
      application.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> "STARTED".equals(application.state()));
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(() -> breaches(incidentId, "RTO").size() == 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> breaches(incidentId, "RTO").size() == 1);
    List<JsonNode> rto = breaches(incidentId, "RTO");
    assertThat(rto).hasSize(1);
    assertThat(breaches(incidentId, "MTPD")).isEmpty();
    JsonNode payload = rto.get(0).get("data");
    assertThat(Instant.parse(payload.get("deadline").asText())).isEqualTo(deadline);
    assertThat(Instant.parse(payload.get("detectedAt").asText())).isAfterOrEqualTo(restartedAt);
  }

  private String obligation(String incidentId, String json) {
    HttpResponse<String> response =
        api.post("/api/incidents/" + incidentId + "/notifications", "incident-commander", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return api.json(response).get("obligationId").asText();
  }

  private static JsonNode byAuthority(JsonNode obligations, String authority) {
    for (JsonNode o : obligations) {
      if (authority.equals(o.get("authority").asText())) {
        return o;
      }
    }
    throw new AssertionError("No obligation for " + authority + " in " + obligations);
  }

  @Test
  void notificationObligationsRunTheirClocksUntilSubmittedAndRecordOverdueOnce() throws Exception {
    String incidentId =
        openClocked(clockedProcess(Duration.ofHours(8), Duration.ofHours(24)), Instant.now());
    Instant discoveredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String ap =
        obligation(
            incidentId,
            "{\"authority\":\"DATA_PROTECTION_AUTHORITY\",\"discoveredAt\":\"%s\"}"
                .formatted(discoveredAt));
    Instant policeDue = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    String police =
        obligation(
            incidentId,
            "{\"authority\":\"POLICE\",\"legalBasis\":\"Aangifte computervredebreuk\",\"dueAt\":\"%s\"}"
                .formatted(policeDue));
    HttpResponse<String> ncsc =
        api.post(
            "/api/incidents/" + incidentId + "/notifications",
            "incident-commander",
            "{\"authority\":\"NCSC\",\"discoveredAt\":\"%s\"}".formatted(discoveredAt));
    assertThat(ncsc.statusCode()).as(ncsc.body()).isEqualTo(202);
    assertThat(Instant.parse(api.json(ncsc).get("dueAt").asText()))
        .isEqualTo(discoveredAt.plus(Duration.ofHours(24)));

    JsonNode listed =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.items("/api/incidents/" + incidentId + "/notifications", "management"),
                l -> l != null && l.size() == 3);
    JsonNode apView = byAuthority(listed, "DATA_PROTECTION_AUTHORITY");
    assertThat(apView.get("obligationId").asText()).isEqualTo(ap);
    assertThat(apView.get("status").asText()).isEqualTo("OPEN");
    assertThat(apView.get("legalBasis").asText()).contains("GDPR");
    assertThat(Instant.parse(apView.get("dueAt").asText()))
        .isEqualTo(discoveredAt.plus(Duration.ofHours(72)));
    assertThat(apView.get("remainingSeconds").asLong())
        .isBetween(Duration.ofHours(70).toSeconds(), Duration.ofHours(71).toSeconds());
    assertThat(apView.get("registeredBy").asText()).isEqualTo("test-incident-commander");
    assertThat(byAuthority(listed, "POLICE").get("legalBasis").asText())
        .isEqualTo("Aangifte computervredebreuk");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> historyOf(incidentId, "NotificationOverdue").size() == 1);
    JsonNode overdue =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.items("/api/incidents/" + incidentId + "/notifications", "auditor"),
                l -> byAuthority(l, "POLICE").hasNonNull("overdueAt"));
    JsonNode policeView = byAuthority(overdue, "POLICE");
    assertThat(policeView.get("status").asText()).isEqualTo("OVERDUE");
    assertThat(policeView.get("remainingSeconds").asLong()).isNotPositive();
    assertThat(
            historyOf(incidentId, "NotificationOverdue")
                .get(0)
                .get("data")
                .get("obligationId")
                .asText())
        .isEqualTo(police);

    HttpResponse<String> late =
        api.post(
            "/api/incidents/" + incidentId + "/notifications/" + police + "/submission",
            "incident-commander",
            "{\"reference\":\"PL0900-2026-123456\"}");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(202);
    Instant apSubmitted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> inTime =
        api.post(
            "/api/incidents/" + incidentId + "/notifications/" + ap + "/submission",
            "incident-commander",
            "{\"reference\":\"AP-2026-0042\",\"submittedAt\":\"%s\"}".formatted(apSubmitted));
    assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(202);
    HttpResponse<String> twice =
        api.post(
            "/api/incidents/" + incidentId + "/notifications/" + ap + "/submission",
            "incident-commander",
            "{\"reference\":\"AP-2026-0043\"}");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    JsonNode submitted =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.items("/api/incidents/" + incidentId + "/notifications", "recovery-team"),
                l ->
                    byAuthority(l, "DATA_PROTECTION_AUTHORITY").hasNonNull("submittedAt")
                        && byAuthority(l, "POLICE").hasNonNull("submittedAt"));
    JsonNode policeDone = byAuthority(submitted, "POLICE");
    assertThat(policeDone.get("status").asText()).isEqualTo("SUBMITTED_LATE");
    assertThat(policeDone.get("reference").asText()).isEqualTo("PL0900-2026-123456");
    assertThat(policeDone.get("submittedBy").asText()).isEqualTo("test-incident-commander");
    assertThat(policeDone.get("remaining").isNull()).isTrue();
    JsonNode apDone = byAuthority(submitted, "DATA_PROTECTION_AUTHORITY");
    assertThat(apDone.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(Instant.parse(apDone.get("submittedAt").asText())).isEqualTo(apSubmitted);
    assertThat(byAuthority(submitted, "NCSC").get("status").asText()).isEqualTo("OPEN");
    assertThat(historyOf(incidentId, "NotificationSubmitted")).hasSize(2);
    assertThat(historyOf(incidentId, "NotificationOverdue")).hasSize(1);

    JsonNode deadlines =
        api.items("/api/incidents/" + incidentId + "/deadlines", "incident-commander");
    List<JsonNode> notifications = new ArrayList<>();
    deadlines.forEach(
        d -> {
          if ("NOTIFICATION".equals(d.get("kind").asText())) {
            notifications.add(d);
          }
        });
    assertThat(notifications).hasSize(3);
    assertThat(deadlines).hasSize(5);
    JsonNode policeClock = notifications.get(0);
    assertThat(policeClock.get("subject").asText()).isEqualTo(police);
    assertThat(policeClock.get("breached").asBoolean()).isTrue();
    assertThat(policeClock.get("state").asText()).isEqualTo("BREACHED");
    JsonNode apClock =
        notifications.stream()
            .filter(d -> ap.equals(d.get("subject").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(apClock.get("breached").asBoolean()).isFalse();
    assertThat(apClock.get("state").asText()).isEqualTo("SETTLED");
  }

  @Test
  void rejectsBadNotificationsNamingTheFieldAndStoresNothing() throws Exception {
    String incidentId =
        openClocked(clockedProcess(Duration.ofHours(8), Duration.ofHours(24)), Instant.now());
    String path = "/api/incidents/" + incidentId + "/notifications";
    await().atMost(Duration.ofSeconds(20)).until(() -> storedEventsOf(incidentId) == 1);

    HttpResponse<String> unknownAuthority =
        api.post(path, "incident-commander", "{\"authority\":\"FBI\"}");
    assertThat(unknownAuthority.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownAuthority))).containsExactly("authority");

    HttpResponse<String> noAuthority = api.post(path, "incident-commander", "{}");
    assertThat(noAuthority.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noAuthority))).containsExactly("authority");

    Instant discoveredAt = Instant.now().minus(1, ChronoUnit.HOURS);
    HttpResponse<String> dueBeforeDiscovery =
        api.post(
            path,
            "incident-commander",
            "{\"authority\":\"POLICE\",\"discoveredAt\":\"%s\",\"dueAt\":\"%s\"}"
                .formatted(discoveredAt, discoveredAt.minusSeconds(60)));
    assertThat(dueBeforeDiscovery.statusCode()).isEqualTo(422);
    assertThat(dueBeforeDiscovery.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(fields(api.json(dueBeforeDiscovery))).containsExactly("dueAt");

    HttpResponse<String> badTime =
        api.post(path, "incident-commander", "{\"authority\":\"AIVD\",\"dueAt\":\"tomorrow\"}");
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(badTime))).containsExactly("dueAt");
    assertThat(storedEventsOf(incidentId)).isEqualTo(1);

    String unknown = "/api/incidents/" + UUID.randomUUID() + "/notifications";
    assertThat(api.post(unknown, "incident-commander", "{\"authority\":\"POLICE\"}").statusCode())
        .isEqualTo(404);
    assertThat(api.get(unknown, "auditor").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/incidents/not-an-id/deadlines", "auditor").statusCode())
        .isEqualTo(404);

    String aivd = obligation(incidentId, "{\"authority\":\"AIVD\"}");
    HttpResponse<String> again = api.post(path, "incident-commander", "{\"authority\":\"AIVD\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<String> noReference =
        api.post(path + "/" + aivd + "/submission", "incident-commander", "{}");
    assertThat(noReference.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noReference))).containsExactly("reference");
    HttpResponse<String> unknownObligation =
        api.post(
            path + "/" + UUID.randomUUID() + "/submission",
            "incident-commander",
            "{\"reference\":\"X\"}");
    assertThat(unknownObligation.statusCode()).isEqualTo(404);
    HttpResponse<String> beforeDiscovery =
        api.post(
            path + "/" + aivd + "/submission",
            "incident-commander",
            "{\"reference\":\"X\",\"submittedAt\":\"2001-01-01T00:00:00Z\"}");
    assertThat(beforeDiscovery.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(beforeDiscovery))).containsExactly("submittedAt");
    assertThat(storedEventsOf(incidentId)).isEqualTo(1);
    assertThat(storedEventsOf(aivd)).as("the obligation's own stream").isEqualTo(1);

    assertThat(api.post(path, "recovery-team", "{\"authority\":\"POLICE\"}").statusCode())
        .isEqualTo(403);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
    assertThat(api.get(path, null).statusCode()).isEqualTo(401);

    HttpResponse<String> closed =
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            "{\"restorations\":[]}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
    HttpResponse<String> afterClosure =
        api.post(path, "incident-commander", "{\"authority\":\"POLICE\"}");
    assertThat(afterClosure.statusCode()).isEqualTo(409);
    assertThat(storedEventsOf(incidentId)).isEqualTo(2);
    assertThat(storedEventsOf(aivd)).isEqualTo(1);
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

    JsonNode history = api.items(base + "/history", "auditor");
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
                () -> api.items(base + "/tasks", "recovery-team"), t -> t != null && t.size() == 3);
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
  void showsTheActivatedPlansCallTreeAndCardsAndGivesEachStepTheRoleItNames() throws Exception {
    Bia bia = registerBia();
    PlanPublished plan =
        RecoveryItSupport.publishRichPlan("Payments DRP v5", List.of(bia.paymentsId()));
    String incidentId =
        api.ok(
                api.post(
                    INTAKE,
                    "soc-intake",
                    RecoveryItSupport.alert(
                        "splunk",
                        "RP-" + UUID.randomUUID(),
                        List.of(bia.databaseName()),
                        Instant.now().minusSeconds(600))))
            .get("incidentId")
            .asText();
    awaitIncident(incidentId, "incident-commander");
    String base = "/api/incidents/" + incidentId;
    assertThat(api.get(base + "/plan", "recovery-team").statusCode()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.getJson(base + "/plan-proposal", "incident-commander"),
            p -> p != null && ids(p.get("plans"), "planId").contains(plan.planId()));
    api.ok(
        api.post(
            base + "/transitions",
            "incident-commander",
            "{\"to\":\"TRIAGED\",\"reason\":\"confirmed\"}"));
    HttpResponse<String> activated =
        api.post(
            base + "/activation",
            "incident-commander",
            "{\"planId\":\"%s\",\"scenarioCardId\":\"payments-ransomware\",\"reason\":\"x\"}"
                .formatted(plan.planId()));
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(202);

    JsonNode tasks =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.items(base + "/tasks", "recovery-team"), t -> t != null && t.size() == 2);
    assertThat(ids(tasks, "title"))
        .containsExactly("Isolate the segment", "Restore the last clean backup");
    assertThat(ids(tasks, "assigneeRole")).containsExactly("network-lead", "recovery-team");
    assertThat(ids(tasks, "scenarioCardId"))
        .containsExactly("payments-ransomware", "payments-ransomware");

    JsonNode shown =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> api.getJson(base + "/plan", "recovery-team"), p -> p != null);
    assertThat(shown.get("planId").asText()).isEqualTo(plan.planId());
    assertThat(shown.get("activatedVersion").asInt()).isEqualTo(5);
    assertThat(shown.get("callTree")).hasSize(2);
    assertThat(shown.at("/callTree/0/name").asText()).isEqualTo("Ann");
    assertThat(shown.at("/callTree/0/channels/0/outOfBand").asBoolean()).isTrue();
    assertThat(shown.at("/teams/0/members/0/deputy").asText()).isEqualTo("Bob");
    assertThat(shown.at("/mandates/0/decision").asText()).isEqualTo("DISCONNECT");
    assertThat(shown.at("/terminationCriteria/0").asText())
        .isEqualTo("Payments normal for 24 hours");
    assertThat(shown.at("/activatedCard/scenarioCardId").asText()).isEqualTo("payments-ransomware");
    assertThat(shown.at("/activatedCard/stepDetails")).hasSize(2);
    assertThat(shown.at("/activatedCard/stepDetails/1/dependsOn/0").asText()).isEqualTo("isolate");
    assertThat(shown.get("cards")).hasSize(1);
  }

  /**
   * The incident's state layout changed (revision 2: tasks are entities, evidence and restorations
   * have their own classes). A snapshot stored by the earlier layout, which knows no task, must be
   * ignored: the incident is rebuilt from its events and still knows the task.
   */
  @Test
  void aSnapshotOfTheEarlierStateLayoutIsIgnored() throws Exception {
    String incidentId = reportUnrelatedAlert();
    awaitIncident(incidentId, "recovery-team");
    String base = "/api/incidents/" + incidentId + "/tasks";
    HttpResponse<String> created = api.post(base, "recovery-team", "{\"title\":\"Call the bank\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String taskId = api.json(created).get("taskId").asText();
    long last =
        ItDatabase.count(
            "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
            incidentId);
    String earlierLayout =
        "{\"incidentId\":\""
            + incidentId
            + "\",\"status\":\"REPORTED\","
            + "\"recovery\":{\"tasks\":{},\"assignees\":{}},\"evidenceHashes\":{}}";
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                    + " timestamp) VALUES (?, ?, 'Incident', ?, ?, ?, NULL,"
                    + " 'nl.herstel.incidents.command.Incident', ?)")) {
      s.setString(1, incidentId);
      s.setLong(2, last);
      s.setString(3, UUID.randomUUID().toString());
      s.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
      s.setBytes(5, earlierLayout.getBytes(StandardCharsets.UTF_8));
      s.setString(6, Instant.now().toString());
      assertThat(s.executeUpdate()).isEqualTo(1);
    }

    HttpResponse<String> assigned =
        api.post(
            base + "/" + taskId + "/assignment", "incident-commander", "{\"assignee\":\"alice\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(202);
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
                () -> api.items(base, "auditor"),
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
    JsonNode history = api.items("/api/incidents/" + incidentId + "/history", "auditor");
    assertThat(history).isNotEmpty();
    return history.get(history.size() - 1).get("type").asText();
  }

  // ---- correlation keys ----

  @Test
  void alertsWithTheCorrelationKeyOfAnOpenIncidentFromTheSameSourceJoinIt() {
    String key = "CASE-" + UUID.randomUUID();
    String alert =
        "{\"source\":\"%s\",\"sourceId\":\"%s\",\"title\":\"Phishing wave\","
            + "\"severity\":\"MEDIUM\",\"assets\":[\"%s\"],\"correlationKey\":\"%s\"}";
    String first =
        api.json(
                api.post(
                    INTAKE,
                    "soc-intake",
                    alert.formatted("key-siem", UUID.randomUUID(), "mail-01", key)))
            .get("incidentId")
            .asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.getJson("/api/incidents/" + first, "auditor"), i -> i != null);

    var second =
        api.post(
            INTAKE, "soc-intake", alert.formatted("key-siem", UUID.randomUUID(), "laptop-77", key));
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(api.json(second).get("incidentId").asText()).isEqualTo(first);

    var otherSource =
        api.post(
            INTAKE,
            "soc-intake",
            alert.formatted("other-siem", UUID.randomUUID(), "laptop-78", key));
    assertThat(api.json(otherSource).get("incidentId").asText()).isNotEqualTo(first);

    var tooLong =
        api.post(
            INTAKE,
            "soc-intake",
            alert.formatted("key-siem", UUID.randomUUID(), "laptop-79", "x".repeat(201)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(api.json(tooLong).at("/errors/0/field").asText()).isEqualTo("correlationKey");
  }

  // ---- issue 13: the incident's story on Kafka for lessons learned ----

  @Test
  void publishesTheIncidentsStoryAsContractEventsAndNothingOfItsInternalFacts() throws Exception {
    RecordsIncident incident = recordsIncident();
    PlanPublished plan =
        RecoveryItSupport.publishPlan(
            "Payments DRP", 2, List.of(incident.bia().paymentsId()), List.of("incident-commander"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.getJson(incident.path("/plan-proposal"), "incident-commander"),
            p -> p != null && ids(p.get("plans"), "planId").contains(plan.planId()));
    String commander = "incident-commander";
    api.ok(
        api.post(
            incident.path("/classification"),
            commander,
            "{\"category\":\"RANSOMWARE\",\"reason\":\"ransom note\"}"));
    api.ok(
        api.post(
            incident.path("/transitions"), commander, "{\"to\":\"TRIAGED\",\"reason\":\"real\"}"));
    JsonNode activation =
        api.ok(
            api.post(
                incident.path("/activation"),
                commander,
                "{\"planId\":\"%s\",\"scenarioCardId\":\"ransomware\",\"reason\":\"confirmed\"}"
                    .formatted(plan.planId())));
    String taskId = activation.get("taskIds").get(0).asText();
    api.ok(
        api.post(
            incident.path("/tasks/" + taskId + "/status"),
            "recovery-team",
            "{\"status\":\"IN_PROGRESS\"}"));
    api.ok(
        api.post(
            incident.path("/decisions"),
            commander,
            """
            {"picture":{"known":["Payments DB encrypted"],"unknown":["Backups clean?"]},
             "judgement":{"options":["Restore"],"risks":["Reinfection"]},
             "decision":{"what":"Restore from backup","rationale":"Within RTO",
                         "mandate":"Crisis plan"}}"""));
    Instant incurredAt = incident.disruptedAt().plus(Duration.ofHours(1));
    api.ok(
        api.post(
            incident.path("/costs"),
            commander,
            "{\"kind\":\"LEGAL\",\"amount\":1000.50,\"description\":\"Lawyer\",\"incurredAt\":\"%s\"}"
                .formatted(incurredAt)));
    String obligation =
        api.ok(
                api.post(
                    incident.path("/notifications"),
                    commander,
                    "{\"authority\":\"DATA_PROTECTION_AUTHORITY\",\"discoveredAt\":\"%s\"}"
                        .formatted(incident.disruptedAt())))
            .get("obligationId")
            .asText();
    api.ok(
        api.post(
            incident.path("/notifications/" + obligation + "/submission"),
            commander,
            "{\"reference\":\"AP-1\"}"));
    api.ok(
        api.post(
            incident.path("/communications"),
            commander,
            communication("INTERNAL", "EMAIL", Instant.now().truncatedTo(ChronoUnit.SECONDS))));
    Instant restoredAt = incident.disruptedAt().plus(Duration.ofHours(2));
    api.ok(
        api.post(
            incident.path("/restorations"),
            "recovery-team",
            "{\"processId\":\"%s\",\"restoredAt\":\"%s\",\"dataRestoredTo\":\"%s\"}"
                .formatted(
                    incident.bia().paymentsId(),
                    restoredAt,
                    incident.disruptedAt().minus(Duration.ofMinutes(30)))));
    api.ok(
        api.post(
            incident.path("/transitions"),
            commander,
            "{\"to\":\"RECOVERING\",\"reason\":\"restoring\"}"));
    api.ok(
        api.post(
            incident.path("/transitions"),
            commander,
            "{\"to\":\"RECOVERED\",\"reason\":\"all back\"}"));
    api.ok(
        api.post(
            incident.path("/closure"),
            commander,
            restorations(incident.bia().paymentsId(), restoredAt)));

    Map<String, List<JsonNode>> story = publishedStory(incident.id());
    assertThat(story)
        .containsOnlyKeys(
            "incident-opened",
            "incident-classified",
            "incident-transitioned",
            "plan-activated",
            "recovery-task-created",
            "recovery-task-status-changed",
            "decision-recorded",
            "cost-recorded",
            "notification-obligation-registered",
            "notification-submitted",
            "process-restored",
            "incident-closed");
    assertThat(story.get("incident-opened")).hasSize(1);
    assertThat(story.get("incident-opened").get(0).get("splitFromIncidentId").isNull()).isTrue();
    assertThat(story.get("incident-opened").get(0).at("/affectedProcesses/0/rpo").asText())
        .isEqualTo("PT1H");
    assertThat(story.get("incident-classified")).hasSize(1);
    assertThat(story.get("incident-classified").get(0).get("category").asText())
        .isEqualTo("RANSOMWARE");
    List<String> transitions = new ArrayList<>();
    story.get("incident-transitioned").forEach(t -> transitions.add(t.get("to").asText()));
    assertThat(transitions).containsExactly("TRIAGED", "PLAN_ACTIVATED", "RECOVERING", "RECOVERED");
    assertThat(story.get("incident-transitioned").get(0).get("transitionedBy").asText())
        .isEqualTo("test-incident-commander");
    assertThat(story.get("plan-activated")).hasSize(1);
    JsonNode activated = story.get("plan-activated").get(0);
    assertThat(activated.get("planId").asText()).isEqualTo(plan.planId());
    assertThat(activated.get("planVersion").asInt()).isEqualTo(2);
    assertThat(activated.get("scenarioCardId").asText()).isEqualTo("ransomware");
    assertThat(activated.get("mandate").asText()).isEqualTo("incident-commander");
    assertThat(activated.get("activatedBy").asText()).isEqualTo("test-incident-commander");
    assertThat(story.get("recovery-task-created")).hasSize(3);
    assertThat(story.get("recovery-task-status-changed")).hasSize(1);
    assertThat(story.get("recovery-task-status-changed").get(0).get("to").asText())
        .isEqualTo("IN_PROGRESS");
    assertThat(story.get("decision-recorded")).hasSize(1);
    assertThat(story.get("decision-recorded").get(0).get("decidedBy").asText())
        .isEqualTo("test-incident-commander");
    assertThat(story.get("decision-recorded").get(0).at("/known/0").asText())
        .isEqualTo("Payments DB encrypted");
    assertThat(story.get("cost-recorded")).hasSize(1);
    JsonNode cost = story.get("cost-recorded").get(0);
    assertThat(cost.get("kind").asText()).isEqualTo("LEGAL");
    assertThat(cost.get("amount").decimalValue()).isEqualByComparingTo("1000.50");
    assertThat(cost.get("currency").asText()).isEqualTo("EUR");
    assertThat(story.get("notification-obligation-registered")).hasSize(1);
    assertThat(story.get("notification-submitted")).hasSize(1);
    assertThat(story.get("notification-submitted").get(0).get("late").asBoolean()).isFalse();
    assertThat(story.get("process-restored")).hasSize(1);
    JsonNode restored = story.get("process-restored").get(0);
    assertThat(restored.get("processId").asText()).isEqualTo(incident.bia().paymentsId());
    assertThat(restored.get("recoveryTime").asText()).isEqualTo("PT2H");
    assertThat(restored.get("dataLoss").asText()).isEqualTo("PT30M");
    assertThat(restored.get("rto").asText()).isEqualTo("PT8H");
    assertThat(restored.get("rpo").asText()).isEqualTo("PT1H");
    assertThat(restored.get("rtoMet").asBoolean()).isTrue();
    assertThat(restored.get("rpoMet").asBoolean()).isTrue();
    assertThat(story.get("incident-closed")).hasSize(1);
  }

  /**
   * Every contract event published for the incident, by the short name of its type, in order; read
   * until its IncidentClosed, then 2 seconds more to see that nothing else follows.
   */
  private static Map<String, List<JsonNode>> publishedStory(String incidentId) throws Exception {
    Map<String, List<JsonNode>> byType = new java.util.LinkedHashMap<>();
    try (var consumer = ItKafka.consumer()) {
      consumer.subscribe(List.of("herstel.incidents.v1"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (!incidentId.equals(r.key())) {
            continue;
          }
          String type =
              header(r, "ce_type").replace("nl.herstel.incidents.", "").replace(".v1", "");
          byType
              .computeIfAbsent(type, t -> new ArrayList<>())
              .add(ContractJson.mapper().readTree(r.value()));
          if (type.equals("incident-closed")) {
            quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
          }
        }
      }
    }
    assertThat(byType).containsKey("incident-closed");
    return byType;
  }
}
