package nl.herstel.lessons.integration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Incidents as incident-service opened them: their title, severity, the assets hit and the
 * processes they disrupted with their targets, which the review of a closed incident names. The
 * first chapter of the story {@link IncidentStoryIntake} keeps in the same tables; written inside
 * the consumer's transaction, with the inbox row.
 */
public class OpenedIncidents {
  private final Sql sql;

  /**
   * An opened incident; {@code processNames} maps the disrupted processes' ids to their names.
   * {@code title} and {@code severity} are null when lessons learned of the incident only through a
   * merge and has not seen it opened yet.
   */
  public record OpenedIncident(
      String incidentId, String title, Severity severity, Map<String, String> processNames) {}

  public OpenedIncidents(Sql sql) {
    this.sql = sql;
  }

  /**
   * An incident was opened (or split off another, which it names); what a second opening of the
   * same incident brings does not overwrite what is known.
   */
  public void opened(IncidentOpened event, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO lessons_incident (incident_id, title, severity, disrupted_at, opened_at,"
            + " split_from, status) VALUES (?, ?, ?, ?, ?, ?, 'REPORTED')"
            + " ON CONFLICT (incident_id) DO UPDATE SET"
            + " title = COALESCE(lessons_incident.title, EXCLUDED.title),"
            + " severity = COALESCE(lessons_incident.severity, EXCLUDED.severity),"
            + " disrupted_at = COALESCE(lessons_incident.disrupted_at, EXCLUDED.disrupted_at),"
            + " opened_at = COALESCE(lessons_incident.opened_at, EXCLUDED.opened_at),"
            + " split_from = COALESCE(lessons_incident.split_from, EXCLUDED.split_from),"
            + " status = COALESCE(lessons_incident.status, EXCLUDED.status)",
        event.incidentId(),
        event.title(),
        event.severity().name(),
        event.disruptedAt(),
        event.occurredAt(),
        event.splitFromIncidentId());
    disrupted(event.incidentId(), event.assetIds(), event.affectedProcesses());
  }

  /**
   * The incident hit these assets and disrupts these processes; a process it knew keeps the targets
   * and deadlines it had.
   */
  void disrupted(String incidentId, List<String> assetIds, List<AffectedProcess> processes) {
    sql.batch(
        "INSERT INTO lessons_incident_asset (incident_id, asset_id) VALUES (?, ?)"
            + " ON CONFLICT DO NOTHING",
        assetIds.stream().distinct().map(a -> new Object[] {incidentId, a}).toList());
    sql.batch(
        "INSERT INTO lessons_incident_process (incident_id, process_id, name, rto_seconds,"
            + " mtpd_seconds, rpo_seconds, rto_deadline, mtpd_deadline)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (incident_id, process_id) DO UPDATE SET"
            + " name = COALESCE(lessons_incident_process.name, EXCLUDED.name),"
            + " rto_seconds = COALESCE(lessons_incident_process.rto_seconds,"
            + " EXCLUDED.rto_seconds),"
            + " mtpd_seconds = COALESCE(lessons_incident_process.mtpd_seconds,"
            + " EXCLUDED.mtpd_seconds),"
            + " rpo_seconds = COALESCE(lessons_incident_process.rpo_seconds,"
            + " EXCLUDED.rpo_seconds),"
            + " rto_deadline = COALESCE(lessons_incident_process.rto_deadline,"
            + " EXCLUDED.rto_deadline),"
            + " mtpd_deadline = COALESCE(lessons_incident_process.mtpd_deadline,"
            + " EXCLUDED.mtpd_deadline)",
        processes.stream()
            .map(
                (AffectedProcess p) ->
                    new Object[] {
                      incidentId,
                      p.processId(),
                      p.name(),
                      Sql.seconds(p.rto()),
                      Sql.seconds(p.mtpd()),
                      Sql.seconds(p.rpo()),
                      p.rtoDeadline(),
                      p.mtpdDeadline()
                    })
            .toList());
  }

  /** Makes sure lessons has a row for the incident, however little it knows of it yet. */
  void known(String incidentId) {
    sql.update(
        "INSERT INTO lessons_incident (incident_id) VALUES (?) ON CONFLICT DO NOTHING", incidentId);
  }

  /**
   * The incident as it was opened, or empty when lessons never saw it opened (nor heard of it
   * through a merge).
   */
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
                          + " WHERE incident_id = ? AND name IS NOT NULL",
                      r -> Map.entry(r.getString("process_id"), r.getString("name")),
                      incidentId)
                  .forEach(e -> names.put(e.getKey(), e.getValue()));
              return new OpenedIncident(
                  incidentId,
                  incident[0],
                  incident[1] == null ? null : Severity.valueOf(incident[1]),
                  Map.copyOf(names));
            });
  }
}
