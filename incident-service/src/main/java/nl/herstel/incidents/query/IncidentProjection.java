package nl.herstel.incidents.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.DecisionRecorded;
import nl.herstel.incidents.api.IncidentEvents.IncidentAlertUpdated;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.incidents.api.IncidentEvents.UnresolvedAssetResolved;
import nl.herstel.incidents.api.IncidentQueries.FindCorrelatedIncident;
import nl.herstel.incidents.api.IncidentQueries.FindIncident;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentByCorrelationKey;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentOfAlert;
import nl.herstel.incidents.api.IncidentQueries.ListIncidents;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.incidents.query.IncidentView.AffectedProcessView;
import nl.herstel.incidents.query.IncidentView.AssetView;
import nl.herstel.incidents.query.IncidentView.Decision;
import nl.herstel.incidents.query.IncidentView.DecisionView;
import nl.herstel.incidents.query.IncidentView.Judgement;
import nl.herstel.incidents.query.IncidentView.Picture;
import nl.herstel.incidents.query.IncidentView.RestorationView;
import nl.herstel.incidents.query.IncidentView.TransitionView;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The incident read model in PostgreSQL: incidents, the assets their alerts named, the processes
 * they disrupt with RTO/MTPD deadlines, and restorations. Its rows commit in the same transaction
 * as the processor's token, so no event is applied twice.
 */
@ProcessingGroup("incident-read-model")
public class IncidentProjection {
  private final JdbcTransactions db;

  public IncidentProjection(JdbcTransactions db) {
    this.db = db;
  }

  @EventHandler
  void on(IncidentOpened e, @org.axonframework.eventhandling.Timestamp Instant at) {
    rememberCorrelationKey(e.incidentId(), e.source(), e.correlationKey());
    update(
        "INSERT INTO incident (incident_id, source, source_id, title, description, severity,"
            + " status, disrupted_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        e.source(),
        e.sourceId(),
        e.title(),
        e.description(),
        e.severity().name(),
        IncidentStatus.REPORTED.name(),
        Timestamp.from(e.disruptedAt()),
        Timestamp.from(at));
    int position = 0;
    for (AssetRef asset : e.assets()) {
      update(
          "INSERT INTO incident_asset (incident_id, position, asset_id, name) VALUES (?, ?, ?, ?)",
          e.incidentId(),
          position++,
          asset.assetId(),
          asset.name());
    }
    for (String name : e.unresolvedAssets()) {
      update(
          "INSERT INTO incident_asset (incident_id, position, asset_id, name)"
              + " VALUES (?, ?, NULL, ?)",
          e.incidentId(),
          position++,
          name);
    }
    for (AffectedProcess p : e.affectedProcesses()) {
      update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
          e.incidentId(),
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          Timestamp.from(p.rtoDeadline()),
          Timestamp.from(p.mtpdDeadline()));
    }
  }

  @EventHandler
  void on(AlertCorrelated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    rememberCorrelationKey(e.incidentId(), e.source(), e.correlationKey());
    update(
        "INSERT INTO incident_alert (source, source_id, incident_id, title, severity, joined_at)"
            + " VALUES (lower(?), ?, ?, ?, ?, ?)",
        e.source(),
        e.sourceId(),
        e.incidentId(),
        e.title(),
        e.severity().name(),
        Timestamp.from(at));
    String nextPosition =
        "INSERT INTO incident_asset (incident_id, position, asset_id, name)"
            + " SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ? FROM incident_asset"
            + " WHERE incident_id = ?";
    for (AssetRef asset : e.newAssets()) {
      update(nextPosition, e.incidentId(), asset.assetId(), asset.name(), e.incidentId());
    }
    for (String name : e.newUnresolvedAssets()) {
      update(nextPosition, e.incidentId(), null, name, e.incidentId());
    }
    for (AffectedProcess p : e.newAffectedProcesses()) {
      update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
          e.incidentId(),
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          Timestamp.from(p.rtoDeadline()),
          Timestamp.from(p.mtpdDeadline()));
    }
  }

  /** The hint's row now names the asset; its processes join with their deadlines. */
  @EventHandler
  void on(UnresolvedAssetResolved e) {
    update(
        "UPDATE incident_asset SET asset_id = ?, name = ? WHERE incident_id = ?"
            + " AND asset_id IS NULL AND lower(name) = lower(?)",
        e.asset().assetId(),
        e.asset().name(),
        e.incidentId(),
        e.hint());
    for (AffectedProcess p : e.newAffectedProcesses()) {
      update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT DO NOTHING",
          e.incidentId(),
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          Timestamp.from(p.rtoDeadline()),
          Timestamp.from(p.mtpdDeadline()));
    }
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

  private void rememberCorrelationKey(String incidentId, String source, String key) {
    if (key != null) {
      update(
          "INSERT INTO incident_correlation_key (incident_id, source, correlation_key)"
              + " VALUES (?, lower(?), ?) ON CONFLICT DO NOTHING",
          incidentId,
          source,
          key);
    }
  }

  @QueryHandler
  public Optional<String> correlated(FindCorrelatedIncident query) {
    if (query.assetIds().isEmpty() || query.window().isZero() || query.window().isNegative()) {
      return Optional.empty();
    }
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT i.incident_id FROM incident i"
                    + " WHERE i.status NOT IN ('CLOSED', 'DISMISSED', 'MERGED')"
                    + " AND i.disrupted_at BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM incident_asset a"
                    + " WHERE a.incident_id = i.incident_id AND a.asset_id = ANY (?))"
                    + " ORDER BY i.disrupted_at DESC, i.incident_id LIMIT 1")) {
      s.setTimestamp(1, Timestamp.from(query.at().minus(query.window())));
      s.setTimestamp(2, Timestamp.from(query.at().plus(query.window())));
      s.setArray(3, c.createArrayOf("varchar", query.assetIds().toArray()));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not look for a correlated incident", e);
    }
  }

  private Optional<String> firstId(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the incident read model", e);
    }
  }

  @EventHandler
  void on(IncidentAlertUpdated e) {
    update(
        "UPDATE incident SET title = ?, description = ?, severity = ? WHERE incident_id = ?",
        e.title(),
        e.description(),
        e.severity().name(),
        e.incidentId());
  }

  @EventHandler
  void on(
      IncidentTransitioned e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    update("UPDATE incident SET status = ? WHERE incident_id = ?", e.to().name(), e.incidentId());
    update(
        "INSERT INTO incident_transition (incident_id, sequence, from_status, to_status, reason,"
            + " principal, role, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.from().name(),
        e.to().name(),
        e.reason(),
        principal,
        role,
        Timestamp.from(at));
  }

  @EventHandler
  void on(
      DecisionRecorded e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO incident_decision (incident_id, sequence, decision_id, known, unknown,"
                    + " options, risks, what, rationale, mandate, principal, role, at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bind(
          s,
          e.incidentId(),
          sequence,
          e.decisionId(),
          c.createArrayOf("text", e.known().toArray()),
          c.createArrayOf("text", e.unknown().toArray()),
          c.createArrayOf("text", e.options().toArray()),
          c.createArrayOf("text", e.risks().toArray()),
          e.what(),
          e.rationale(),
          e.mandate(),
          principal,
          role,
          Timestamp.from(at));
      s.executeUpdate();
    } catch (SQLException ex) {
      throw new DataAccessException("Could not record the decision", ex);
    }
  }

  @EventHandler
  void on(IncidentClosed e, @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "UPDATE incident SET status = ?, closed_at = ?, summary = ? WHERE incident_id = ?",
        IncidentStatus.CLOSED.name(),
        Timestamp.from(at),
        e.summary(),
        e.incidentId());
    for (Restoration r : e.restorations()) {
      update(
          "UPDATE incident_process SET restored_at = ? WHERE incident_id = ? AND process_id = ?",
          Timestamp.from(r.restoredAt()),
          e.incidentId(),
          r.processId());
    }
  }

  @ResetHandler
  void reset() {
    update("DELETE FROM incident_decision");
    update("DELETE FROM incident_alert");
    update("DELETE FROM incident_transition");
    update("DELETE FROM incident_process");
    update("DELETE FROM incident_asset");
    update("DELETE FROM incident");
  }

  @QueryHandler
  public Optional<IncidentView> find(FindIncident query) {
    return incidents("SELECT * FROM incident WHERE incident_id = ?", query.incidentId()).stream()
        .findFirst();
  }

  @QueryHandler
  public List<IncidentView> list(ListIncidents query) {
    return incidents(
        "SELECT * FROM incident ORDER BY opened_at DESC, incident_id LIMIT ?", query.limit());
  }

  /** The incidents the SQL selects, each with its assets and processes: three queries in all. */
  private List<IncidentView> incidents(String sql, Object... args) {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, args);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.put(r.getString("incident_id"), new Row(r));
          }
        }
      }
      if (rows.isEmpty()) {
        return List.of();
      }
      var ids = c.createArrayOf("varchar", rows.keySet().toArray());
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM incident_asset WHERE incident_id = ANY (?)"
                  + " ORDER BY incident_id, position")) {
        s.setArray(1, ids);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Row row = rows.get(r.getString("incident_id"));
            String assetId = r.getString("asset_id");
            if (assetId == null) {
              row.unresolved.add(r.getString("name"));
            } else {
              row.assets.add(new AssetView(assetId, r.getString("name")));
            }
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM incident_process WHERE incident_id = ANY (?)"
                  + " ORDER BY incident_id, rto_deadline, name, process_id")) {
        s.setArray(1, ids);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Row row = rows.get(r.getString("incident_id"));
            String processId = r.getString("process_id");
            row.processes.add(
                new AffectedProcessView(
                    processId,
                    r.getString("name"),
                    Duration.ofSeconds(r.getLong("rto_seconds")),
                    Duration.ofSeconds(r.getLong("mtpd_seconds")),
                    r.getTimestamp("rto_deadline").toInstant(),
                    r.getTimestamp("mtpd_deadline").toInstant()));
            Timestamp restoredAt = r.getTimestamp("restored_at");
            if (restoredAt != null) {
              row.restorations.add(new RestorationView(processId, restoredAt.toInstant()));
            }
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM incident_transition WHERE incident_id = ANY (?)"
                  + " ORDER BY incident_id, sequence")) {
        s.setArray(1, ids);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.get(r.getString("incident_id"))
                .transitions
                .add(
                    new TransitionView(
                        IncidentStatus.valueOf(r.getString("from_status")),
                        IncidentStatus.valueOf(r.getString("to_status")),
                        r.getString("reason"),
                        r.getString("principal"),
                        r.getString("role"),
                        r.getTimestamp("at").toInstant()));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM incident_decision WHERE incident_id = ANY (?)"
                  + " ORDER BY incident_id, sequence")) {
        s.setArray(1, ids);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.get(r.getString("incident_id"))
                .decisions
                .add(
                    new DecisionView(
                        r.getString("decision_id"),
                        new Picture(texts(r, "known"), texts(r, "unknown")),
                        new Judgement(texts(r, "options"), texts(r, "risks")),
                        new Decision(
                            r.getString("what"), r.getString("rationale"), r.getString("mandate")),
                        r.getString("principal"),
                        r.getString("role"),
                        r.getTimestamp("at").toInstant()));
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read incidents", e);
    }
    return rows.values().stream().map(Row::view).toList();
  }

  private static List<String> texts(ResultSet r, String column) throws SQLException {
    return List.of((String[]) r.getArray(column).getArray());
  }

  /** One incident row while its assets and processes are read. */
  private static final class Row {
    final String id;
    final String title;
    final String description;
    final Severity severity;
    final IncidentStatus status;
    final String source;
    final String sourceId;
    final Instant disruptedAt;
    final Instant openedAt;
    final Instant closedAt;
    final String summary;
    final List<AssetView> assets = new ArrayList<>();
    final List<String> unresolved = new ArrayList<>();
    final List<AffectedProcessView> processes = new ArrayList<>();
    final List<RestorationView> restorations = new ArrayList<>();
    final List<TransitionView> transitions = new ArrayList<>();
    final List<DecisionView> decisions = new ArrayList<>();

    Row(ResultSet r) throws SQLException {
      id = r.getString("incident_id");
      title = r.getString("title");
      description = r.getString("description");
      severity = Severity.valueOf(r.getString("severity"));
      status = IncidentStatus.valueOf(r.getString("status"));
      source = r.getString("source");
      sourceId = r.getString("source_id");
      disruptedAt = r.getTimestamp("disrupted_at").toInstant();
      openedAt = r.getTimestamp("opened_at").toInstant();
      Timestamp closed = r.getTimestamp("closed_at");
      closedAt = closed == null ? null : closed.toInstant();
      summary = r.getString("summary");
    }

    IncidentView view() {
      return new IncidentView(
          id,
          title,
          description,
          severity,
          status,
          source,
          sourceId,
          disruptedAt,
          openedAt,
          List.copyOf(assets),
          List.copyOf(unresolved),
          List.copyOf(processes),
          closedAt,
          summary,
          List.copyOf(restorations),
          List.copyOf(transitions),
          List.copyOf(decisions));
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update the incident read model", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  // ---- merge and split: the correlation lookup follows the alerts ----

  @EventHandler
  void on(
      IncidentMergedInto e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "INSERT INTO incident_correlation_key (incident_id, source, correlation_key)"
            + " SELECT ?, source, correlation_key FROM incident_correlation_key"
            + " WHERE incident_id = ? ON CONFLICT DO NOTHING",
        e.intoIncidentId(),
        e.incidentId());
    update(
        "UPDATE incident SET status = ? WHERE incident_id = ?",
        IncidentStatus.MERGED.name(),
        e.incidentId());
    update(
        "INSERT INTO incident_transition (incident_id, sequence, from_status, to_status, reason,"
            + " principal, role, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.from().name(),
        IncidentStatus.MERGED.name(),
        "Merged into " + e.intoIncidentId() + ": " + e.reason(),
        principal,
        role,
        Timestamp.from(at));
  }

  @EventHandler
  void on(IncidentAbsorbed e, @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "UPDATE incident_alert SET incident_id = ? WHERE incident_id = ?",
        e.incidentId(),
        e.absorbedIncidentId());
    takeIn(e.incidentId(), e.parts(), at);
  }

  @EventHandler
  void on(IncidentSplitOff e, @org.axonframework.eventhandling.Timestamp Instant at) {
    AlertPart first = e.parts().alerts().get(0);
    update(
        "INSERT INTO incident (incident_id, source, source_id, title, description, severity,"
            + " status, disrupted_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        first.source(),
        first.sourceId(),
        first.title(),
        "Split off " + e.fromIncidentId() + ": " + e.reason(),
        e.parts().alerts().stream()
            .map(AlertPart::severity)
            .max(Severity::compareTo)
            .orElseThrow()
            .name(),
        IncidentStatus.REPORTED.name(),
        Timestamp.from(e.parts().disruptedAt()),
        Timestamp.from(at));
    takeIn(e.incidentId(), e.parts(), at);
  }

  /** The alerts (now looked up to this incident), assets and processes that joined it. */
  private void takeIn(String incidentId, IncidentParts parts, Instant at) {
    for (AlertPart alert : parts.alerts()) {
      update(
          "INSERT INTO incident_alert (source, source_id, incident_id, title, severity, joined_at)"
              + " VALUES (lower(?), ?, ?, ?, ?, ?) ON CONFLICT (source, source_id)"
              + " DO UPDATE SET incident_id = EXCLUDED.incident_id",
          alert.source(),
          alert.sourceId(),
          incidentId,
          alert.title(),
          alert.severity().name(),
          Timestamp.from(at));
    }
    String nextPosition =
        "INSERT INTO incident_asset (incident_id, position, asset_id, name)"
            + " SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ? FROM incident_asset"
            + " WHERE incident_id = ?";
    for (AssetRef asset : parts.assets()) {
      update(nextPosition, incidentId, asset.assetId(), asset.name(), incidentId);
    }
    for (String name : parts.unresolvedAssets()) {
      update(nextPosition, incidentId, null, name, incidentId);
    }
    for (AffectedProcess p : parts.affectedProcesses()) {
      update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (incident_id, process_id) DO NOTHING",
          incidentId,
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          Timestamp.from(p.rtoDeadline()),
          Timestamp.from(p.mtpdDeadline()));
    }
  }
}
