package nl.herstel.lessons.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Incidents as incident-service opened them: their title, severity and the processes they
 * disrupted, which the review of a closed incident names. Written inside the consumer's
 * transaction, with the inbox row.
 */
public class OpenedIncidents {
  private final JdbcTransactions db;

  /** An opened incident; {@code processNames} maps the disrupted processes' ids to their names. */
  public record OpenedIncident(
      String incidentId, String title, Severity severity, Map<String, String> processNames) {}

  public OpenedIncidents(JdbcTransactions db) {
    this.db = db;
  }

  /** An incident was opened; a second opening of the same incident changes nothing. */
  public void opened(IncidentOpened event, IncomingEvent envelope) {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO lessons_incident"
                  + " (incident_id, title, severity, disrupted_at, opened_at)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING")) {
        s.setString(1, event.incidentId());
        s.setString(2, event.title());
        s.setString(3, event.severity().name());
        s.setTimestamp(4, Timestamp.from(event.disruptedAt()));
        s.setTimestamp(5, Timestamp.from(event.occurredAt()));
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO lessons_incident_process (incident_id, process_id, name)"
                  + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (AffectedProcess process : event.affectedProcesses()) {
          s.setString(1, event.incidentId());
          s.setString(2, process.processId());
          s.setString(3, process.name());
          s.addBatch();
        }
        s.executeBatch();
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not record incident " + event.incidentId(), e);
    }
  }

  /** The incident as it was opened, or empty when lessons never saw it opened. */
  public Optional<OpenedIncident> find(String incidentId) {
    try (Connection c = db.getConnection()) {
      String title;
      Severity severity;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT title, severity FROM lessons_incident WHERE incident_id = ?")) {
        s.setString(1, incidentId);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          title = r.getString("title");
          severity = Severity.valueOf(r.getString("severity"));
        }
      }
      Map<String, String> names = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT process_id, name FROM lessons_incident_process WHERE incident_id = ?")) {
        s.setString(1, incidentId);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            names.put(r.getString("process_id"), r.getString("name"));
          }
        }
      }
      return Optional.of(new OpenedIncident(incidentId, title, severity, Map.copyOf(names)));
    } catch (SQLException e) {
      throw new DataAccessException("Could not read incident " + incidentId, e);
    }
  }
}
