package nl.herstel.incidents.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evidence items and notification obligations are aggregates of their own: the chain of custody
 * lives on after the incident closes, the incident's history and hash chain still cover them, and
 * items stored in the incident's stream before (the old way) keep working.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class RecordStreamsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String HASH = "ab".repeat(32);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  private String openIncident() {
    HttpResponse<String> opened =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            ("{\"source\":\"records-it\",\"sourceId\":\"%s\",\"title\":\"Ransomware\","
                    + "\"severity\":\"CRITICAL\",\"assets\":[\"host-%s\"]}")
                .formatted(UUID.randomUUID(), UUID.randomUUID()));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
    String incidentId = api.json(opened).get("incidentId").asText();
    await()
        .atMost(WAIT)
        .until(() -> api.get("/api/incidents/" + incidentId, "auditor").statusCode() == 200);
    return incidentId;
  }

  private void close(String incidentId) {
    HttpResponse<String> closed =
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            "{\"restorations\":[],\"summary\":\"Contained\"}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
  }

  private static String item(String collectedBy, Instant collectedAt) {
    return ("{\"sha256\":\"%s\",\"description\":\"Disk image\",\"collectedBy\":\"%s\","
            + "\"collectedAt\":\"%s\",\"storageLocation\":\"Safe 3\"}")
        .formatted(HASH, collectedBy, collectedAt);
  }

  private static String transfer(String from, String to, Instant at) {
    return "{\"from\":\"%s\",\"to\":\"%s\",\"at\":\"%s\",\"reason\":\"To the lab\"}"
        .formatted(from, to, at);
  }

  private static long storedEvents() throws Exception {
    return ItDatabase.count("SELECT count(*) FROM domainevententry");
  }

  private static long storedEventsOf(String aggregateId) throws Exception {
    return ItDatabase.count(
        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", aggregateId);
  }

  /**
   * Appends an event to the incident's stream in the shape and place the code before evidence items
   * and obligations had streams of their own stored it (the hash-chain trigger links it).
   */
  private static void appendTheOldWay(String incidentId, String type, String payload)
      throws Exception {
    long next =
        ItDatabase.count(
            "SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?",
            incidentId);
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                    + " timestamp) VALUES (?, ?, 'Incident', ?, ?, ?, NULL, ?, ?)")) {
      s.setString(1, incidentId);
      s.setLong(2, next);
      s.setString(3, UUID.randomUUID().toString());
      s.setBytes(
          4,
          "{\"principal\":\"legacy-user\",\"role\":\"incident-commander\"}"
              .getBytes(StandardCharsets.UTF_8));
      s.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
      s.setString(6, "nl.herstel.incidents.api.IncidentEvents$" + type);
      s.setString(7, Instant.now().toString());
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private static List<String> types(JsonNode timeline) {
    List<String> types = new ArrayList<>();
    timeline.forEach(e -> types.add(e.get("type").asText()));
    return types;
  }

  @Test
  void theChainOfCustodyContinuesAfterClosureButAClosedIncidentTakesNoNewItem() throws Exception {
    String incidentId = openIncident();
    String path = "/api/incidents/" + incidentId + "/evidence";
    Instant collectedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> registered = api.post(path, "recovery-team", item("alice", collectedAt));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
    String itemId = api.json(registered).get("itemId").asText();
    assertThat(storedEventsOf(itemId)).isEqualTo(1);
    close(incidentId);

    long before = storedEvents();
    HttpResponse<String> late = api.post(path, "recovery-team", item("carol", collectedAt));
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(late.body()).contains("closed");
    assertThat(storedEvents()).isEqualTo(before);
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM incident_record_stream WHERE incident_id = ?", incidentId))
        .isEqualTo(1);

    HttpResponse<String> handed =
        api.post(
            path + "/" + itemId + "/transfers",
            "recovery-team",
            transfer("alice", "police", Instant.now().minusSeconds(5)));
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(202);
    HttpResponse<String> verified =
        api.post(
            path + "/" + itemId + "/verifications",
            "recovery-team",
            "{\"sha256\":\"%s\"}".formatted(HASH));
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(202);
    assertThat(api.json(verified).get("matches").asBoolean()).isTrue();
    assertThat(storedEventsOf(itemId)).isEqualTo(3);
    assertThat(storedEventsOf(incidentId)).isEqualTo(2);

    JsonNode custody =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson(path + "/" + itemId, "auditor"),
                e -> e != null && e.get("verifications").size() == 1);
    assertThat(custody.get("custodian").asText()).isEqualTo("police");
    assertThat(custody.get("integrity").asText()).isEqualTo("INTACT");
    assertThat(custody.get("transfers")).hasSize(1);

    JsonNode timeline = api.getJson("/api/incidents/" + incidentId + "/timeline", "auditor");
    assertThat(types(timeline))
        .containsExactly(
            "IncidentOpened",
            "EvidenceRegistered",
            "IncidentClosed",
            "EvidenceTransferred",
            "EvidenceVerified");
    for (int i = 0; i < timeline.size(); i++) {
      assertThat(timeline.get(i).get("sequence").asLong()).isEqualTo(i);
    }
    JsonNode chain =
        api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor");
    assertThat(chain.get("intact").asBoolean()).isTrue();
    assertThat(chain.get("aggregateId").asText()).isEqualTo(incidentId);
    assertThat(chain.get("eventsChecked").asLong()).isEqualTo(5);
  }

  @Test
  void aTamperedItemStreamIsNamedByTheIncidentsVerification() throws Exception {
    String incidentId = openIncident();
    HttpResponse<String> registered =
        api.post(
            "/api/incidents/" + incidentId + "/evidence",
            "recovery-team",
            item("alice", Instant.now().minusSeconds(60)));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
    String itemId = api.json(registered).get("itemId").asText();
    try (Connection c = ItDatabase.connect();
        PreparedStatement tamper =
            c.prepareStatement(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload,"
                    + " 'UTF8'), 'Safe 3', 'Safe 4'), 'UTF8') WHERE aggregateidentifier = ?")) {
      tamper.setString(1, itemId);
      assertThat(tamper.executeUpdate()).isEqualTo(1);
    }
    JsonNode broken =
        api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor");
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("aggregateId").asText()).isEqualTo(itemId);
    assertThat(broken.get("firstBrokenSequence").asLong()).isZero();
  }

  /**
   * An item registered before items had streams of their own: its EvidenceRegistered lies in the
   * incident's stream, appended here in the shape and place the earlier code stored it.
   */
  @Test
  void anItemStoredInTheIncidentsStreamTheOldWayKeepsItsCustody() throws Exception {
    String incidentId = openIncident();
    String itemId = UUID.randomUUID().toString();
    Instant collectedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    appendTheOldWay(
        incidentId,
        "EvidenceRegistered",
        ("{\"incidentId\":\"%s\",\"itemId\":\"%s\",\"sha256\":\"%s\","
                + "\"description\":\"Old disk\",\"collectedBy\":\"alice\",\"collectedAt\":\"%s\","
                + "\"storageLocation\":\"Safe 1\"}")
            .formatted(incidentId, itemId, HASH, collectedAt));
    String path = "/api/incidents/" + incidentId + "/evidence/" + itemId;
    await().atMost(WAIT).until(() -> api.get(path, "auditor").statusCode() == 200);

    HttpResponse<String> handed =
        api.post(
            path + "/transfers",
            "recovery-team",
            transfer("alice", "bob", Instant.now().minusSeconds(30)));
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(202);
    close(incidentId);
    HttpResponse<String> afterClosure =
        api.post(
            path + "/transfers",
            "recovery-team",
            transfer("bob", "police", Instant.now().minusSeconds(5)));
    assertThat(afterClosure.statusCode()).as(afterClosure.body()).isEqualTo(202);
    HttpResponse<String> mismatch =
        api.post(
            path + "/verifications",
            "recovery-team",
            "{\"sha256\":\"%s\"}".formatted("cd".repeat(32)));
    assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(202);
    assertThat(api.json(mismatch).get("matches").asBoolean()).isFalse();
    assertThat(storedEventsOf(incidentId)).isEqualTo(6);
    assertThat(storedEventsOf(itemId)).isZero();

    JsonNode custody =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson(path, "auditor"),
                e -> e != null && e.get("verifications").size() == 1);
    assertThat(custody.get("custodian").asText()).isEqualTo("police");
    assertThat(custody.get("integrity").asText()).isEqualTo("MISMATCH");
    assertThat(custody.get("transfers")).hasSize(2);
    assertThat(types(api.getJson("/api/incidents/" + incidentId + "/timeline", "auditor")))
        .containsExactly(
            "IncidentOpened",
            "EvidenceRegistered",
            "EvidenceTransferred",
            "IncidentClosed",
            "EvidenceTransferred",
            "EvidenceVerified");
    assertThat(
            api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor")
                .get("intact")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aSecondObligationForTheSameAuthorityIsRefusedNamingItAndStoresNothing() throws Exception {
    String incidentId = openIncident();
    String path = "/api/incidents/" + incidentId + "/notifications";
    HttpResponse<String> first =
        api.post(path, "incident-commander", "{\"authority\":\"DATA_PROTECTION_AUTHORITY\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

    long before = storedEvents();
    HttpResponse<String> second =
        api.post(path, "incident-commander", "{\"authority\":\"DATA_PROTECTION_AUTHORITY\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).contains("DATA_PROTECTION_AUTHORITY");
    assertThat(storedEvents()).isEqualTo(before);

    HttpResponse<String> other = api.post(path, "incident-commander", "{\"authority\":\"NCSC\"}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
    JsonNode listed =
        await()
            .atMost(WAIT)
            .until(() -> api.items(path, "auditor"), l -> l != null && l.size() == 2);
    assertThat(listed.get(0).get("authority").asText()).isEqualTo("DATA_PROTECTION_AUTHORITY");
    assertThat(listed.get(1).get("authority").asText()).isEqualTo("NCSC");

    Instant discoveredAt = Instant.now().minus(1, ChronoUnit.HOURS);
    HttpResponse<String> refused =
        api.post(
            path,
            "incident-commander",
            "{\"authority\":\"POLICE\",\"discoveredAt\":\"%s\",\"dueAt\":\"%s\"}"
                .formatted(discoveredAt, discoveredAt.minusSeconds(60)));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(storedEvents()).isEqualTo(before + 1);
    HttpResponse<String> police =
        api.post(path, "incident-commander", "{\"authority\":\"POLICE\"}");
    assertThat(police.statusCode()).as("the refused one claimed nothing").isEqualTo(202);
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM incident_record_stream WHERE incident_id = ?", incidentId))
        .isEqualTo(3);
  }

  @Test
  void anObligationStoredInTheIncidentsStreamTheOldWayKeepsItsAuthorityAndIsSubmitted()
      throws Exception {
    String incidentId = openIncident();
    String obligationId = UUID.randomUUID().toString();
    Instant discoveredAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    appendTheOldWay(
        incidentId,
        "NotificationObligationRegistered",
        ("{\"incidentId\":\"%s\",\"obligationId\":\"%s\",\"authority\":\"POLICE\","
                + "\"legalBasis\":\"Aangifte\",\"discoveredAt\":\"%s\",\"dueAt\":null}")
            .formatted(incidentId, obligationId, discoveredAt));
    String path = "/api/incidents/" + incidentId + "/notifications";
    await().atMost(WAIT).until(() -> api.items(path, "auditor"), l -> l != null && l.size() == 1);

    long before = storedEvents();
    HttpResponse<String> again = api.post(path, "incident-commander", "{\"authority\":\"POLICE\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.body()).contains("POLICE");
    assertThat(storedEvents()).isEqualTo(before);

    close(incidentId);
    HttpResponse<String> submitted =
        api.post(
            path + "/" + obligationId + "/submission",
            "incident-commander",
            "{\"reference\":\"PV-2026-1\"}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    assertThat(storedEventsOf(incidentId)).isEqualTo(4);
    assertThat(storedEventsOf(obligationId)).isZero();
    JsonNode listed =
        await()
            .atMost(WAIT)
            .until(
                () -> api.items(path, "auditor"),
                l -> l != null && l.size() == 1 && l.get(0).hasNonNull("submittedAt"));
    assertThat(listed.get(0).get("reference").asText()).isEqualTo("PV-2026-1");
  }
}
