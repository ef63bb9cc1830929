package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import nl.herstel.incidents.api.IncidentQueries.FindIncident;
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
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The incident read model in PostgreSQL: incidents, the assets their alerts named, the processes
 * they disrupt with RTO/MTPD deadlines, restorations at closure, transitions and decisions. Its
 * rows commit in the same transaction as the processor's token, so no event is applied twice. The
 * intake's correlation lookups share its processor: see {@link AlertCorrelation}.
 */
@ProcessingGroup("incident-read-model")
public class IncidentProjection {
  private final Sql sql;

  public IncidentProjection(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(IncidentOpened e, @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "INSERT INTO incident (incident_id, source, source_id, title, description, severity,"
            + " status, disrupted_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        e.source(),
        e.sourceId(),
        e.title(),
        e.description(),
        e.severity().name(),
        IncidentStatus.REPORTED.name(),
        at(e.disruptedAt()),
        at(at));
    int position = 0;
    for (AssetRef asset : e.assets()) {
      sql.update(
          "INSERT INTO incident_asset (incident_id, position, asset_id, name) VALUES (?, ?, ?, ?)",
          e.incidentId(),
          position++,
          asset.assetId(),
          asset.name());
    }
    for (String name : e.unresolvedAssets()) {
      sql.update(
          "INSERT INTO incident_asset (incident_id, position, asset_id, name)"
              + " VALUES (?, ?, NULL, ?)",
          e.incidentId(),
          position++,
          name);
    }
    for (AffectedProcess p : e.affectedProcesses()) {
      sql.update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
          e.incidentId(),
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          at(p.rtoDeadline()),
          at(p.mtpdDeadline()));
    }
  }

  @EventHandler
  void on(AlertCorrelated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    String nextPosition =
        "INSERT INTO incident_asset (incident_id, position, asset_id, name)"
            + " SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ? FROM incident_asset"
            + " WHERE incident_id = ?";
    for (AssetRef asset : e.newAssets()) {
      sql.update(nextPosition, e.incidentId(), asset.assetId(), asset.name(), e.incidentId());
    }
    for (String name : e.newUnresolvedAssets()) {
      sql.update(nextPosition, e.incidentId(), null, name, e.incidentId());
    }
    for (AffectedProcess p : e.newAffectedProcesses()) {
      sql.update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
          e.incidentId(),
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          at(p.rtoDeadline()),
          at(p.mtpdDeadline()));
    }
  }

  /** The hint's row now names the asset; its processes join with their deadlines. */
  @EventHandler
  void on(UnresolvedAssetResolved e) {
    sql.update(
        "UPDATE incident_asset SET asset_id = ?, name = ? WHERE incident_id = ?"
            + " AND asset_id IS NULL AND lower(name) = lower(?)",
        e.asset().assetId(),
        e.asset().name(),
        e.incidentId(),
        e.hint());
    for (AffectedProcess p : e.newAffectedProcesses()) {
      sql.update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT DO NOTHING",
          e.incidentId(),
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          at(p.rtoDeadline()),
          at(p.mtpdDeadline()));
    }
  }

  @EventHandler
  void on(IncidentAlertUpdated e) {
    sql.update(
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
    sql.update(
        "UPDATE incident SET status = ? WHERE incident_id = ?", e.to().name(), e.incidentId());
    sql.update(
        "INSERT INTO incident_transition (incident_id, sequence, from_status, to_status, reason,"
            + " principal, role, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.from().name(),
        e.to().name(),
        e.reason(),
        principal,
        role,
        at(at));
  }

  @EventHandler
  void on(
      DecisionRecorded e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "INSERT INTO incident_decision (incident_id, sequence, decision_id, known, unknown,"
            + " options, risks, what, rationale, mandate, principal, role, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.decisionId(),
        e.known(),
        e.unknown(),
        e.options(),
        e.risks(),
        e.what(),
        e.rationale(),
        e.mandate(),
        principal,
        role,
        at(at));
  }

  @EventHandler
  void on(IncidentClosed e, @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "UPDATE incident SET status = ?, closed_at = ?, summary = ? WHERE incident_id = ?",
        IncidentStatus.CLOSED.name(),
        at(at),
        e.summary(),
        e.incidentId());
    for (Restoration r : e.restorations()) {
      sql.update(
          "UPDATE incident_process SET restored_at = ? WHERE incident_id = ? AND process_id = ?",
          at(r.restoredAt()),
          e.incidentId(),
          r.processId());
    }
  }

  /** Empties {@link AlertCorrelation}'s alerts too: they share this processor and reference us. */
  @ResetHandler
  void reset() {
    sql.update("DELETE FROM incident_decision");
    sql.update("DELETE FROM incident_alert");
    sql.update("DELETE FROM incident_transition");
    sql.update("DELETE FROM incident_process");
    sql.update("DELETE FROM incident_asset");
    sql.update("DELETE FROM incident");
  }

  @QueryHandler
  public Optional<IncidentView> find(FindIncident query) {
    return incidents("SELECT * FROM incident WHERE incident_id = ?", query.incidentId()).stream()
        .findFirst();
  }

  @QueryHandler
  public List<IncidentView> list(ListIncidents query) {
    if (query.after() == null) {
      return incidents(
          "SELECT * FROM incident ORDER BY opened_at DESC, incident_id LIMIT ?", query.limit() + 1);
    }
    List<Object> key = Page.parse(query.after(), 2, k -> List.of(Instant.parse(k[0]), k[1]));
    return incidents(
        "SELECT * FROM incident WHERE opened_at < ? OR opened_at = ? AND incident_id > ?"
            + " ORDER BY opened_at DESC, incident_id LIMIT ?",
        key.get(0),
        key.get(0),
        key.get(1),
        query.limit() + 1);
  }

  /** The sort key of an incident in {@link ListIncidents}, for its cursor. */
  public static String key(IncidentView incident) {
    return Page.key(incident.openedAt(), incident.id());
  }

  /** The incidents the query selects, each with its assets, processes, transitions, decisions. */
  private List<IncidentView> incidents(String query, Object... args) {
    Map<String, Row> rows = new LinkedHashMap<>();
    sql.list(query, Row::new, args).forEach(row -> rows.put(row.id, row));
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = List.copyOf(rows.keySet());
    sql.list(
        "SELECT * FROM incident_asset WHERE incident_id = ANY (?) ORDER BY incident_id, position",
        r -> {
          Row row = rows.get(r.getString("incident_id"));
          String assetId = r.getString("asset_id");
          if (assetId == null) {
            row.unresolved.add(r.getString("name"));
          } else {
            row.assets.add(new AssetView(assetId, r.getString("name")));
          }
          return row;
        },
        ids);
    sql.list(
        "SELECT * FROM incident_process WHERE incident_id = ANY (?)"
            + " ORDER BY incident_id, rto_deadline, name, process_id",
        r -> {
          Row row = rows.get(r.getString("incident_id"));
          String processId = r.getString("process_id");
          row.processes.add(
              new AffectedProcessView(
                  processId,
                  r.getString("name"),
                  duration(r, "rto_seconds"),
                  duration(r, "mtpd_seconds"),
                  instant(r, "rto_deadline"),
                  instant(r, "mtpd_deadline")));
          Instant restoredAt = instant(r, "restored_at");
          if (restoredAt != null) {
            row.restorations.add(new RestorationView(processId, restoredAt));
          }
          return row;
        },
        ids);
    sql.list(
        "SELECT * FROM incident_transition WHERE incident_id = ANY (?)"
            + " ORDER BY incident_id, sequence",
        r -> {
          Row row = rows.get(r.getString("incident_id"));
          row.transitions.add(
              new TransitionView(
                  IncidentStatus.valueOf(r.getString("from_status")),
                  IncidentStatus.valueOf(r.getString("to_status")),
                  r.getString("reason"),
                  r.getString("principal"),
                  r.getString("role"),
                  instant(r, "at")));
          return row;
        },
        ids);
    sql.list(
        "SELECT * FROM incident_decision WHERE incident_id = ANY (?)"
            + " ORDER BY incident_id, sequence",
        r -> {
          Row row = rows.get(r.getString("incident_id"));
          row.decisions.add(
              new DecisionView(
                  r.getString("decision_id"),
                  new Picture(texts(r, "known"), texts(r, "unknown")),
                  new Judgement(texts(r, "options"), texts(r, "risks")),
                  new Decision(
                      r.getString("what"), r.getString("rationale"), r.getString("mandate")),
                  r.getString("principal"),
                  r.getString("role"),
                  instant(r, "at")));
          return row;
        },
        ids);
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
      disruptedAt = instant(r, "disrupted_at");
      openedAt = instant(r, "opened_at");
      closedAt = instant(r, "closed_at");
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

  // ---- merge and split: the assets and processes follow the alerts ----

  @EventHandler
  void on(
      IncidentMergedInto e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "UPDATE incident SET status = ? WHERE incident_id = ?",
        IncidentStatus.MERGED.name(),
        e.incidentId());
    sql.update(
        "INSERT INTO incident_transition (incident_id, sequence, from_status, to_status, reason,"
            + " principal, role, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.from().name(),
        IncidentStatus.MERGED.name(),
        "Merged into " + e.intoIncidentId() + ": " + e.reason(),
        principal,
        role,
        at(at));
  }

  @EventHandler
  void on(IncidentAbsorbed e, @org.axonframework.eventhandling.Timestamp Instant at) {
    takeIn(e.incidentId(), e.parts(), at);
  }

  @EventHandler
  void on(IncidentSplitOff e, @org.axonframework.eventhandling.Timestamp Instant at) {
    AlertPart first = e.parts().alerts().get(0);
    sql.update(
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
        at(e.parts().disruptedAt()),
        at(at));
    takeIn(e.incidentId(), e.parts(), at);
  }

  /** The assets and processes that joined an incident by a merge or split. */
  private void takeIn(String incidentId, IncidentParts parts, Instant at) {
    String nextPosition =
        "INSERT INTO incident_asset (incident_id, position, asset_id, name)"
            + " SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ? FROM incident_asset"
            + " WHERE incident_id = ?";
    for (AssetRef asset : parts.assets()) {
      sql.update(nextPosition, incidentId, asset.assetId(), asset.name(), incidentId);
    }
    for (String name : parts.unresolvedAssets()) {
      sql.update(nextPosition, incidentId, null, name, incidentId);
    }
    for (AffectedProcess p : parts.affectedProcesses()) {
      sql.update(
          "INSERT INTO incident_process (incident_id, process_id, name, rto_seconds,"
              + " mtpd_seconds, rto_deadline, mtpd_deadline) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (incident_id, process_id) DO NOTHING",
          incidentId,
          p.processId(),
          p.name(),
          p.rto().toSeconds(),
          p.mtpd().toSeconds(),
          at(p.rtoDeadline()),
          at(p.mtpdDeadline()));
    }
  }
}
