package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentQueries.FindCorrelatedIncident;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentByCorrelationKey;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentOfAlert;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The intake's correlation lookups: which incident an alert joined, which open incident a source's
 * correlation key names, and which open incident shares assets within the correlation window.
 * Merges and splits move the alerts and keys along. It shares the processor of {@link
 * IncidentProjection} (its rows reference that model's incidents, and commit with the same token),
 * which is registered before it and whose reset empties these tables too.
 */
@ProcessingGroup("incident-read-model")
public class AlertCorrelation {
  private final Sql sql;

  public AlertCorrelation(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(IncidentOpened e) {
    rememberCorrelationKey(e.incidentId(), e.source(), e.correlationKey());
  }

  @EventHandler
  void on(AlertCorrelated e, @Timestamp Instant at) {
    rememberCorrelationKey(e.incidentId(), e.source(), e.correlationKey());
    sql.update(
        "INSERT INTO incident_alert (source, source_id, incident_id, title, severity, joined_at)"
            + " VALUES (lower(?), ?, ?, ?, ?, ?)",
        e.source(),
        e.sourceId(),
        e.incidentId(),
        e.title(),
        e.severity().name(),
        at(at));
  }

  @EventHandler
  void on(IncidentMergedInto e) {
    sql.update(
        "INSERT INTO incident_correlation_key (incident_id, source, correlation_key)"
            + " SELECT ?, source, correlation_key FROM incident_correlation_key"
            + " WHERE incident_id = ? ON CONFLICT DO NOTHING",
        e.intoIncidentId(),
        e.incidentId());
  }

  @EventHandler
  void on(IncidentAbsorbed e, @Timestamp Instant at) {
    sql.update(
        "UPDATE incident_alert SET incident_id = ? WHERE incident_id = ?",
        e.incidentId(),
        e.absorbedIncidentId());
    takeIn(e.incidentId(), e.parts(), at);
  }

  @EventHandler
  void on(IncidentSplitOff e, @Timestamp Instant at) {
    takeIn(e.incidentId(), e.parts(), at);
  }

  /** The alerts of a merge or split, now looked up to this incident. */
  private void takeIn(String incidentId, IncidentParts parts, Instant at) {
    for (AlertPart alert : parts.alerts()) {
      sql.update(
          "INSERT INTO incident_alert (source, source_id, incident_id, title, severity, joined_at)"
              + " VALUES (lower(?), ?, ?, ?, ?, ?) ON CONFLICT (source, source_id)"
              + " DO UPDATE SET incident_id = EXCLUDED.incident_id",
          alert.source(),
          alert.sourceId(),
          incidentId,
          alert.title(),
          alert.severity().name(),
          at(at));
    }
  }

  private void rememberCorrelationKey(String incidentId, String source, String key) {
    if (key != null) {
      sql.update(
          "INSERT INTO incident_correlation_key (incident_id, source, correlation_key)"
              + " VALUES (?, lower(?), ?) ON CONFLICT DO NOTHING",
          incidentId,
          source,
          key);
    }
  }

  /** Before a rebuild of the read model: the correlation keys go with the incidents. */
  @ResetHandler
  void reset() {
    sql.update("DELETE FROM incident_correlation_key");
  }

  @QueryHandler
  public Optional<String> incidentOfAlert(FindIncidentOfAlert query) {
    return firstId(
        "SELECT incident_id FROM incident_alert WHERE source = lower(?) AND source_id = ?",
        query.source(),
        query.sourceId());
  }

  @QueryHandler
  public Optional<String> sameCase(FindIncidentByCorrelationKey query) {
    return firstId(
        "SELECT k.incident_id FROM incident_correlation_key k"
            + " JOIN incident i ON i.incident_id = k.incident_id"
            + " WHERE k.source = lower(?) AND k.correlation_key = ?"
            + " AND i.status NOT IN ('CLOSED', 'DISMISSED', 'MERGED')"
            + " ORDER BY i.disrupted_at DESC, i.incident_id LIMIT 1",
        query.source(),
        query.correlationKey());
  }

  @QueryHandler
  public Optional<String> correlated(FindCorrelatedIncident query) {
    if (query.assetIds().isEmpty() || query.window().isZero() || query.window().isNegative()) {
      return Optional.empty();
    }
    return firstId(
        "SELECT i.incident_id FROM incident i"
            + " WHERE i.status NOT IN ('CLOSED', 'DISMISSED', 'MERGED')"
            + " AND i.disrupted_at BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM incident_asset a"
            + " WHERE a.incident_id = i.incident_id AND a.asset_id = ANY (?))"
            + " ORDER BY i.disrupted_at DESC, i.incident_id LIMIT 1",
        query.at().minus(query.window()),
        query.at().plus(query.window()),
        List.copyOf(query.assetIds()));
  }

  private Optional<String> firstId(String query, Object... args) {
    return sql.one(query, r -> r.getString(1), args);
  }
}
