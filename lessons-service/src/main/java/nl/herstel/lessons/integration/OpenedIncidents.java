package nl.herstel.lessons.integration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Incidents as incident-service opened them: their title, severity and the processes they
 * disrupted, which the review of a closed incident names. Written inside the consumer's
 * transaction, with the inbox row.
 */
public class OpenedIncidents {
  private final Sql sql;

  /** An opened incident; {@code processNames} maps the disrupted processes' ids to their names. */
  public record OpenedIncident(
      String incidentId, String title, Severity severity, Map<String, String> processNames) {}

  public OpenedIncidents(Sql sql) {
    this.sql = sql;
  }

  /** An incident was opened; a second opening of the same incident changes nothing. */
  public void opened(IncidentOpened event, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO lessons_incident (incident_id, title, severity, disrupted_at, opened_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING",
        event.incidentId(),
        event.title(),
        event.severity().name(),
        event.disruptedAt(),
        event.occurredAt());
    sql.batch(
        "INSERT INTO lessons_incident_process (incident_id, process_id, name)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        event.affectedProcesses().stream()
            .map(
                (AffectedProcess process) ->
                    new Object[] {event.incidentId(), process.processId(), process.name()})
            .toList());
  }

  /** The incident as it was opened, or empty when lessons never saw it opened. */
  public Optional<OpenedIncident> find(String incidentId) {
    return sql.one(
            "SELECT title, severity FROM lessons_incident WHERE incident_id = ?",
            r -> new String[] {r.getString("title"), r.getString("severity")},
            incidentId)
        .map(
            incident -> {
              Map<String, String> names = new HashMap<>();
              sql.list(
                      "SELECT process_id, name FROM lessons_incident_process"
                          + " WHERE incident_id = ?",
                      r -> Map.entry(r.getString("process_id"), r.getString("name")),
                      incidentId)
                  .forEach(e -> names.put(e.getKey(), e.getValue()));
              return new OpenedIncident(
                  incidentId, incident[0], Severity.valueOf(incident[1]), Map.copyOf(names));
            });
  }
}
