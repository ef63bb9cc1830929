package nl.herstel.incidents.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Events stored by an older build, in the layouts their classes had then and without a revision
 * (fixtures under {@code fixtures/incident}), are read in the current layout wherever they are
 * read: the read model built from them, the incident's history, and the aggregate, which takes new
 * commands on top of them.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class OldLayoutsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  /** Inserts the fixture's rows as the incident's stream, as the older build stored them. */
  private static void store(String fixture, Map<String, String> values) throws Exception {
    String text;
    try (InputStream in = OldLayoutsIT.class.getResourceAsStream("/fixtures/incident/" + fixture)) {
      assertThat(in).as(fixture).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    JsonNode rows = JSON.readTree(text);
    assertThat(rows.size()).isPositive();
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                    + " timestamp) VALUES (?, ?, 'Incident', ?, ?, ?, NULL, ?, ?)")) {
      long sequence = 0;
      for (JsonNode row : rows) {
        s.setString(1, values.get("incident"));
        s.setLong(2, sequence++);
        s.setString(3, UUID.randomUUID().toString());
        s.setBytes(4, JSON.writeValueAsBytes(row.get("metadata")));
        s.setBytes(5, JSON.writeValueAsBytes(row.get("payload")));
        s.setString(6, row.get("payloadType").asText());
        s.setString(7, Instant.now().toString());
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private static Map<String, String> incident(Instant disruptedAt) {
    String id = UUID.randomUUID().toString();
    return Map.of(
        "incident", id,
        "disruptedAt", disruptedAt.toString(),
        "rtoDeadline", disruptedAt.plus(4, ChronoUnit.HOURS).toString(),
        "mtpdDeadline", disruptedAt.plus(24, ChronoUnit.HOURS).toString(),
        "restoredAt", disruptedAt.plus(3, ChronoUnit.HOURS).toString());
  }

  private JsonNode awaitIncident(String id) {
    await()
        .atMost(WAIT)
        .until(() -> api.get("/api/incidents/" + id, "auditor").statusCode() == 200);
    return api.json(api.get("/api/incidents/" + id, "auditor"));
  }

  private JsonNode historyEvent(String id, String type) {
    JsonNode entries = api.items("/api/incidents/" + id + "/history", "auditor");
    List<JsonNode> matching = new ArrayList<>();
    entries.forEach(
        e -> {
          if (e.get("type").asText().endsWith(type)) {
            matching.add(e);
          }
        });
    assertThat(matching).hasSize(1);
    return matching.get(0).get("data");
  }

  @Test
  void anIncidentOpenedInTheFirstLayoutIsReadInTheCurrentOne() throws Exception {
    Instant disruptedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> values = incident(disruptedAt);
    String id = values.get("incident");
    store("opened-b349fd0.json", values);

    JsonNode view = awaitIncident(id);
    assertThat(view.get("title").asText()).isEqualTo("Ransomware on the file server");
    assertThat(view.get("severity").asText()).isEqualTo("HIGH");
    assertThat(view.get("affectedProcesses")).hasSize(1);
    assertThat(view.get("affectedProcesses").get(0).get("rto").asText()).isEqualTo("PT4H");

    JsonNode opened = historyEvent(id, "IncidentOpened");
    assertThat(opened.get("alertUpdatedAt").asText()).isEqualTo(disruptedAt.toString());
    assertThat(opened.has("correlationKey")).isTrue();
    assertThat(opened.get("correlationKey").isNull()).isTrue();
    assertThat(opened.get("raw").isNull()).isTrue();
  }

  @Test
  void anIncidentClosedInTheFirstLayoutShowsItsRestorationsAndNoPlans() throws Exception {
    Instant disruptedAt = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> values = incident(disruptedAt);
    String id = values.get("incident");
    store("closed-b349fd0.json", values);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        api.json(api.get("/api/incidents/" + id, "auditor"))
                            .path("status")
                            .asText())
                    .isEqualTo("CLOSED"));
    JsonNode view = api.json(api.get("/api/incidents/" + id, "auditor"));
    assertThat(view.get("restorations")).hasSize(1);
    assertThat(view.get("summary").asText()).isEqualTo("Contained");

    JsonNode closed = historyEvent(id, "IncidentClosed");
    assertThat(closed.get("activatedPlans").isArray()).isTrue();
    assertThat(closed.get("activatedPlans")).isEmpty();
    assertThat(closed.get("category").isNull()).isTrue();
    assertThat(closed.get("restorations").get(0).has("dataRestoredTo")).isTrue();

    // a closed incident refuses a decision: the aggregate loaded, in its closed state
    HttpResponse<String> decision =
        api.post(
            "/api/incidents/" + id + "/transitions",
            "incident-commander",
            "{\"to\":\"RECOVERING\",\"reason\":\"Reopen\"}");
    assertThat(decision.statusCode()).as(decision.body()).isIn(409, 422);
  }
}
