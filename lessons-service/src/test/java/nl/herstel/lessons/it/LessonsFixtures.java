package nl.herstel.lessons.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;

/** What the evaluation and improvement action ITs tell lessons-service through Kafka and ask it. */
final class LessonsFixtures {
  static final Duration WAIT = Duration.ofSeconds(60);

  private LessonsFixtures() {}

  /** Publishes {@code event} as another service would and waits until lessons applied it. */
  static void tell(String topic, IntegrationEvent event, String source) {
    String ceId = UUID.randomUUID().toString();
    ItKafka.publish(
        topic,
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        source);
    await()
        .atMost(WAIT)
        .until(() -> count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId) == 1);
  }

  /** A process the BIA registered with an RTO of 8h and an MTPD of 24h; returns its id. */
  static String process(String name) {
    String id = UUID.randomUUID().toString();
    tell(
        "herstel.bia.v1",
        new ProcessRegistered(
            id,
            name,
            null,
            true,
            false,
            "CFO",
            Duration.ofHours(24),
            Duration.ofHours(8),
            Duration.ofHours(1),
            Instant.now()),
        "urn:herstel:bia-service");
    return id;
  }

  /** An incident opened with {@code severity}; returns its id. */
  static String opened(Severity severity) {
    String id = UUID.randomUUID().toString();
    tell(
        "herstel.incidents.v1",
        new IncidentOpened(
            id,
            "Incident " + id.substring(0, 8),
            severity,
            Instant.now().minus(Duration.ofDays(40)),
            List.of(),
            List.of(),
            Instant.now().minus(Duration.ofDays(40))),
        "urn:herstel:incident-service");
    return id;
  }

  /**
   * Closes the incident {@code closedAgo} ago, restoring {@code processId} (when not null) {@code
   * recoveredAfter} after the disruption; waits until its review exists.
   */
  static void closed(
      ServiceClient api,
      String incidentId,
      Duration closedAgo,
      String processId,
      Duration recoveredAfter) {
    Instant closedAt = Instant.now().minus(closedAgo);
    Instant disruptedAt = closedAt.minus(Duration.ofDays(2));
    List<Restoration> restorations =
        processId == null
            ? List.of()
            : List.of(new Restoration(processId, disruptedAt.plus(recoveredAfter)));
    tell(
        "herstel.incidents.v1",
        new IncidentClosed(incidentId, disruptedAt, restorations, "Closed", closedAt),
        "urn:herstel:incident-service");
    await()
        .atMost(WAIT)
        .until(
            () -> api.getJson("/api/lessons/recovery-information/" + incidentId, "auditor"),
            r -> r != null);
  }

  /** Every item of a paged list, following {@code next} with pages of {@code limit}. */
  static List<JsonNode> all(ServiceClient api, String path, String role, int limit) {
    List<JsonNode> items = new ArrayList<>();
    String next = path + (path.contains("?") ? "&" : "?") + "limit=" + limit;
    while (next != null) {
      JsonNode page = api.ok(api.get(next, role));
      page.get("items").forEach(items::add);
      next = page.hasNonNull("next") ? pathOf(page.get("next").asText()) : null;
    }
    return items;
  }

  private static String pathOf(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** The field names of a problem's {@code errors}. */
  static List<String> fields(HttpResponse<String> problem, ServiceClient api) {
    List<String> fields = new ArrayList<>();
    api.json(problem).path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  static long storedEvents(String payloadType) {
    return count(
        "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE ?", "%" + payloadType);
  }

  static long count(String sql, Object... args) {
    try {
      return ItDatabase.count(sql, args);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
