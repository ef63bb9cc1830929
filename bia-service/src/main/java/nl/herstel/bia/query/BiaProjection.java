package nl.herstel.bia.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierAdded;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.bia.api.BiaEvents.ImpactsAssessed;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessDetailsChanged;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.ProcessReviewed;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.bia.api.BiaEvents.ThreatImpactRated;
import nl.herstel.bia.api.BiaEvents.ThreatLikelihoodRated;
import nl.herstel.bia.api.BiaEvents.ThreatRegistered;
import nl.herstel.bia.api.BiaQueries.FindAsset;
import nl.herstel.bia.api.BiaQueries.FindDependency;
import nl.herstel.bia.api.BiaQueries.FindImpacts;
import nl.herstel.bia.api.BiaQueries.FindProcess;
import nl.herstel.bia.api.BiaQueries.FindRevision;
import nl.herstel.bia.api.BiaQueries.ListAssets;
import nl.herstel.bia.api.BiaQueries.ListDependencies;
import nl.herstel.bia.api.BiaQueries.ListProcesses;
import nl.herstel.bia.api.BiaQueries.ListRevisions;
import nl.herstel.bia.api.BiaQueries.ListThreats;
import nl.herstel.bia.api.BiaQueries.OverdueReviews;
import nl.herstel.bia.api.BiaQueries.TargetHistory;
import nl.herstel.bia.api.ImpactCategory;
import nl.herstel.bia.api.ImpactRating;
import nl.herstel.bia.query.AssetView.IdentifierView;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The BIA read model in PostgreSQL: processes, assets, dependencies and target revisions. Its rows
 * commit in the same transaction as the processor's token, so no event is applied twice.
 */
@ProcessingGroup("bia-read-model")
public class BiaProjection {
  private final JdbcTransactions db;

  public BiaProjection(JdbcTransactions db) {
    this.db = db;
  }

  @EventHandler
  void on(
      ProcessRegistered e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq,
      @MetaDataValue("principal") String principal,
      @MetaDataValue("role") String role) {
    bumpGraphVersion();
    history(
        e.processId(),
        seq,
        e.mtpd(),
        e.rto(),
        e.rpo(),
        "REGISTRATION",
        null,
        "Registered with the process",
        principal,
        role,
        at);
    update(
        "INSERT INTO bia_process (process_id, name, description, critical, crown_jewel, owner,"
            + " mtpd_seconds, rto_seconds, rpo_seconds, status, registered_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
        e.processId(),
        e.name(),
        e.description(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        e.mtpd().toSeconds(),
        e.rto().toSeconds(),
        e.rpo() == null ? null : e.rpo().toSeconds(),
        Timestamp.from(at),
        seq);
  }

  @EventHandler
  void on(
      RecoveryTargetsSet e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq,
      @MetaDataValue("principal") String principal,
      @MetaDataValue("role") String role) {
    bumpGraphVersion();
    history(
        e.processId(),
        seq,
        e.mtpd(),
        e.rto(),
        e.rpo(),
        e.source().name(),
        e.revisionId(),
        e.reason(),
        principal,
        role,
        at);
    update(
        "UPDATE bia_process SET mtpd_seconds = ?, rto_seconds = ?, rpo_seconds = ?, version = ?"
            + " WHERE process_id = ?",
        e.mtpd().toSeconds(),
        e.rto().toSeconds(),
        seconds(e.rpo()),
        seq,
        e.processId());
  }

  @EventHandler
  void on(
      ProcessRetired e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq) {
    bumpGraphVersion();
    update(
        "UPDATE bia_process SET status = 'RETIRED', retired_at = ?, retirement_reason = ?,"
            + " version = ? WHERE process_id = ?",
        Timestamp.from(at),
        e.reason(),
        seq,
        e.processId());
  }

  @EventHandler
  void on(AssetRetired e, @org.axonframework.eventhandling.Timestamp Instant at) {
    bumpGraphVersion();
    update(
        "UPDATE bia_asset SET status = 'RETIRED', retired_at = ?, retirement_reason = ?"
            + " WHERE asset_id = ?",
        Timestamp.from(at),
        e.reason(),
        e.assetId());
  }

  @EventHandler
  void on(AssetDependencyAdded e, @org.axonframework.eventhandling.Timestamp Instant at) {
    bumpGraphVersion();
    update(
        "INSERT INTO bia_dependency (dependency_id, from_id, from_kind, to_id, to_kind, added_at,"
            + " alternative_group) VALUES (?, ?, 'ASSET', ?, ?, ?, ?)",
        e.dependencyId(),
        e.assetId(),
        e.toId(),
        e.toKind().name(),
        Timestamp.from(at),
        e.alternativeGroup());
  }

  @EventHandler
  void on(ProcessDependencyRemoved e, @SequenceNumber Long seq) {
    bumpGraphVersion();
    update("DELETE FROM bia_dependency WHERE dependency_id = ?", e.dependencyId());
    update("UPDATE bia_process SET version = ? WHERE process_id = ?", seq, e.processId());
  }

  @EventHandler
  void on(AssetDependencyRemoved e) {
    bumpGraphVersion();
    update("DELETE FROM bia_dependency WHERE dependency_id = ?", e.dependencyId());
  }

  @EventHandler
  void on(
      TargetRevisionDecided e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    update(
        "UPDATE bia_revision SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
            + " WHERE revision_id = ?",
        e.accepted() ? "ACCEPTED" : "REJECTED",
        principal,
        Timestamp.from(at),
        e.reason(),
        e.revisionId());
  }

  @EventHandler
  void on(
      ImpactsAssessed e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq,
      @MetaDataValue("principal") String principal) {
    bumpGraphVersion();
    update("DELETE FROM bia_impact WHERE process_id = ?", e.processId());
    for (ImpactRating rating : e.ratings()) {
      update(
          "INSERT INTO bia_impact (process_id, category, horizon_seconds, score, assessed_by,"
              + " assessed_at) VALUES (?, ?, ?, ?, ?, ?)",
          e.processId(),
          rating.category().name(),
          rating.horizon().toSeconds(),
          rating.score(),
          principal,
          Timestamp.from(at));
    }
    update("UPDATE bia_process SET version = ? WHERE process_id = ?", seq, e.processId());
  }

  /** The ratings of a process, by horizon then category, with who assessed them and when. */
  public record StoredImpacts(List<ImpactRating> ratings, String assessedBy, Instant assessedAt) {}

  @QueryHandler
  public StoredImpacts impacts(FindImpacts query) {
    List<ImpactRating> ratings = new ArrayList<>();
    String by = null;
    Instant at = null;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT * FROM bia_impact WHERE process_id = ? ORDER BY horizon_seconds,"
                    + " category")) {
      s.setString(1, query.processId());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ratings.add(
              new ImpactRating(
                  ImpactCategory.valueOf(r.getString("category")),
                  Duration.ofSeconds(r.getLong("horizon_seconds")),
                  r.getInt("score")));
          by = r.getString("assessed_by");
          at = r.getTimestamp("assessed_at").toInstant();
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read impacts", e);
    }
    return new StoredImpacts(ratings, by, at);
  }

  @EventHandler
  void on(ThreatRegistered e, @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "INSERT INTO bia_threat (threat_id, name, description, likelihood, registered_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        e.threatId(),
        e.name(),
        e.description(),
        e.likelihood(),
        Timestamp.from(at));
  }

  @EventHandler
  void on(ThreatLikelihoodRated e) {
    update(
        "UPDATE bia_threat SET likelihood = ? WHERE threat_id = ?", e.likelihood(), e.threatId());
  }

  @EventHandler
  void on(ThreatImpactRated e) {
    update(
        "INSERT INTO bia_threat_impact (threat_id, process_id, impact) VALUES (?, ?, ?)"
            + " ON CONFLICT (threat_id, process_id) DO UPDATE SET impact = EXCLUDED.impact",
        e.threatId(),
        e.processId(),
        e.impact());
  }

  @QueryHandler
  public List<ThreatView> threats(ListThreats query) {
    Map<String, ThreatView> threats = new java.util.LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM bia_threat ORDER BY name");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          threats.put(
              r.getString("threat_id"),
              new ThreatView(
                  r.getString("threat_id"),
                  r.getString("name"),
                  r.getString("description"),
                  r.getInt("likelihood"),
                  new ArrayList<>()));
        }
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT i.threat_id, i.process_id, p.name, i.impact FROM bia_threat_impact i"
                      + " LEFT JOIN bia_process p ON p.process_id = i.process_id"
                      + " ORDER BY i.impact DESC, p.name");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ThreatView threat = threats.get(r.getString("threat_id"));
          if (threat != null) {
            threat
                .risks()
                .add(
                    new ThreatView.Risk(
                        r.getString("process_id"),
                        r.getString("name"),
                        r.getInt("impact"),
                        r.getInt("impact") * threat.likelihood()));
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read threats", e);
    }
    return new ArrayList<>(threats.values());
  }

  @EventHandler
  void on(
      ProcessReviewed e, @SequenceNumber Long seq, @MetaDataValue("principal") String principal) {
    update(
        "UPDATE bia_process SET last_reviewed_on = ?, review_due = ?, reviewed_by = ?,"
            + " version = ? WHERE process_id = ?",
        java.sql.Date.valueOf(e.reviewedOn()),
        java.sql.Date.valueOf(e.nextReviewDue()),
        principal,
        seq,
        e.processId());
  }

  /** A process whose review is overdue; dates are null when it was never reviewed. */
  public record ReviewView(
      String processId,
      String name,
      String owner,
      java.time.LocalDate lastReviewedOn,
      java.time.LocalDate reviewDue,
      String reviewedBy) {}

  @QueryHandler
  public List<ReviewView> overdue(OverdueReviews query) {
    List<ReviewView> overdue = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT process_id, name, owner, last_reviewed_on, review_due, reviewed_by"
                    + " FROM bia_process WHERE status = 'ACTIVE'"
                    + " AND (review_due IS NULL OR review_due < ?)"
                    + " ORDER BY review_due NULLS FIRST, name")) {
      s.setDate(1, java.sql.Date.valueOf(query.today()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          java.sql.Date last = r.getDate("last_reviewed_on");
          java.sql.Date due = r.getDate("review_due");
          overdue.add(
              new ReviewView(
                  r.getString("process_id"),
                  r.getString("name"),
                  r.getString("owner"),
                  last == null ? null : last.toLocalDate(),
                  due == null ? null : due.toLocalDate(),
                  r.getString("reviewed_by")));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read overdue reviews", e);
    }
    return overdue;
  }

  private void bumpGraphVersion() {
    update("UPDATE bia_graph_version SET version = version + 1");
  }

  private void history(
      String processId,
      Long seq,
      Duration mtpd,
      Duration rto,
      Duration rpo,
      String source,
      String revisionId,
      String reason,
      String principal,
      String role,
      Instant at) {
    update(
        "INSERT INTO bia_target_history (process_id, seq, mtpd_seconds, rto_seconds, rpo_seconds,"
            + " source, revision_id, reason, set_by, set_by_role, set_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processId,
        seq,
        mtpd.toSeconds(),
        rto.toSeconds(),
        seconds(rpo),
        source,
        revisionId,
        reason,
        principal,
        role,
        Timestamp.from(at));
  }

  @EventHandler
  void on(
      AssetRegistered e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq) {
    bumpGraphVersion();
    SupplierTerms supplier = e.supplier();
    update(
        "INSERT INTO bia_asset (asset_id, name, kind, description, owner, contract_reference,"
            + " sla_reference, guaranteed_recovery_seconds, status, registered_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
        e.assetId(),
        e.name(),
        e.kind().name(),
        e.description(),
        e.owner(),
        supplier == null ? null : supplier.contractReference(),
        supplier == null ? null : supplier.slaReference(),
        supplier == null ? null : seconds(supplier.guaranteedRecoveryTime()),
        Timestamp.from(at),
        seq);
  }

  @EventHandler
  void on(
      AssetIdentifierAdded e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq) {
    update(
        "INSERT INTO bia_asset_identifier (asset_id, identifier_id, kind, value, added_at,"
            + " sequence) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.assetId(),
        e.identifierId(),
        e.kind().name(),
        e.value(),
        Timestamp.from(at),
        seq);
    update("UPDATE bia_asset SET version = ? WHERE asset_id = ?", seq, e.assetId());
  }

  @EventHandler
  void on(AssetIdentifierRemoved e, @SequenceNumber Long seq) {
    update(
        "DELETE FROM bia_asset_identifier WHERE asset_id = ? AND identifier_id = ?",
        e.assetId(),
        e.identifierId());
    update("UPDATE bia_asset SET version = ? WHERE asset_id = ?", seq, e.assetId());
  }

  @EventHandler
  void on(AssetDetailsChanged e, @SequenceNumber Long seq) {
    bumpGraphVersion();
    SupplierTerms supplier = e.supplier();
    update(
        "UPDATE bia_asset SET name = ?, kind = ?, description = ?, owner = ?,"
            + " contract_reference = ?, sla_reference = ?, guaranteed_recovery_seconds = ?,"
            + " version = ? WHERE asset_id = ?",
        e.name(),
        e.kind().name(),
        e.description(),
        e.owner(),
        supplier == null ? null : supplier.contractReference(),
        supplier == null ? null : supplier.slaReference(),
        supplier == null ? null : seconds(supplier.guaranteedRecoveryTime()),
        seq,
        e.assetId());
  }

  @EventHandler
  void on(ProcessDetailsChanged e, @SequenceNumber Long seq) {
    bumpGraphVersion();
    update(
        "UPDATE bia_process SET name = ?, description = ?, critical = ?, crown_jewel = ?,"
            + " owner = ?, version = ? WHERE process_id = ?",
        e.name(),
        e.description(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        seq,
        e.processId());
  }

  @EventHandler
  void on(
      ProcessDependencyAdded e,
      @org.axonframework.eventhandling.Timestamp Instant at,
      @SequenceNumber Long seq) {
    bumpGraphVersion();
    update("UPDATE bia_process SET version = ? WHERE process_id = ?", seq, e.processId());
    update(
        "INSERT INTO bia_dependency (dependency_id, from_id, from_kind, to_id, to_kind, added_at,"
            + " alternative_group) VALUES (?, ?, 'PROCESS', ?, ?, ?, ?)",
        e.dependencyId(),
        e.processId(),
        e.toId(),
        e.toKind().name(),
        Timestamp.from(at),
        e.alternativeGroup());
  }

  @EventHandler
  void on(TargetRevisionProposed e, @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "INSERT INTO bia_revision (revision_id, process_id, incident_id, current_rto_seconds,"
            + " actual_seconds, proposed_rto_seconds, rationale, proposed_by, status, proposed_at,"
            + " proposed_mtpd_seconds)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
        e.revisionId(),
        e.processId(),
        e.incidentId(),
        seconds(e.currentRto()),
        seconds(e.actualRecoveryTime()),
        e.proposedRto().toSeconds(),
        e.rationale(),
        e.proposedBy(),
        Timestamp.from(at),
        seconds(e.proposedMtpd()));
  }

  @QueryHandler
  public Optional<ProcessView> find(FindProcess query) {
    List<ProcessView> found =
        processes("SELECT * FROM bia_process WHERE process_id = ?", query.processId());
    return found.stream().findFirst();
  }

  @QueryHandler
  public List<ProcessView> list(ListProcesses query) {
    return processes("SELECT * FROM bia_process ORDER BY rto_seconds, name");
  }

  @QueryHandler
  public Optional<AssetView> find(FindAsset query) {
    return withIdentifiers(
            assets("SELECT * FROM bia_asset WHERE asset_id = ?", query.assetId()),
            "SELECT * FROM bia_asset_identifier WHERE asset_id = ? ORDER BY sequence",
            query.assetId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<AssetView> list(ListAssets query) {
    return withIdentifiers(
        assets("SELECT * FROM bia_asset ORDER BY name"),
        "SELECT * FROM bia_asset_identifier ORDER BY asset_id, sequence");
  }

  private List<AssetView> withIdentifiers(List<AssetView> assets, String sql, Object... args) {
    Map<String, List<IdentifierView>> identifiers = new HashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          identifiers
              .computeIfAbsent(r.getString("asset_id"), k -> new ArrayList<>())
              .add(
                  new IdentifierView(
                      r.getString("identifier_id"),
                      IdentifierKind.valueOf(r.getString("kind")),
                      r.getString("value")));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read asset identifiers", e);
    }
    return assets.stream()
        .map(a -> a.withIdentifiers(identifiers.getOrDefault(a.id(), List.of())))
        .toList();
  }

  @QueryHandler
  public List<RevisionView> list(ListRevisions query) {
    return query.status() == null
        ? revisions("SELECT * FROM bia_revision ORDER BY proposed_at")
        : revisions(
            "SELECT * FROM bia_revision WHERE status = ? ORDER BY proposed_at", query.status());
  }

  @QueryHandler
  public Optional<RevisionView> find(FindRevision query) {
    return revisions("SELECT * FROM bia_revision WHERE revision_id = ?", query.revisionId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<TargetChangeView> history(TargetHistory query) {
    List<TargetChangeView> changes = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT * FROM bia_target_history WHERE process_id = ? ORDER BY seq")) {
      s.setString(1, query.processId());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          changes.add(
              new TargetChangeView(
                  r.getString("process_id"),
                  r.getLong("seq"),
                  duration(r, "mtpd_seconds"),
                  duration(r, "rto_seconds"),
                  duration(r, "rpo_seconds"),
                  r.getString("source"),
                  r.getString("revision_id"),
                  r.getString("reason"),
                  r.getString("set_by"),
                  r.getString("set_by_role"),
                  r.getTimestamp("set_at").toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the target history", e);
    }
    return changes;
  }

  @QueryHandler
  public Optional<DependencyView> find(FindDependency query) {
    return dependencies(
            "SELECT * FROM bia_dependency WHERE dependency_id = ?", query.dependencyId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<DependencyView> list(ListDependencies query) {
    return query.fromId() == null
        ? dependencies("SELECT * FROM bia_dependency ORDER BY added_at, dependency_id")
        : dependencies(
            "SELECT * FROM bia_dependency WHERE from_id = ? ORDER BY added_at, dependency_id",
            query.fromId());
  }

  private List<DependencyView> dependencies(String sql, Object... args) {
    List<DependencyView> dependencies = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          dependencies.add(
              new DependencyView(
                  r.getString("dependency_id"),
                  r.getString("from_id"),
                  NodeKind.valueOf(r.getString("from_kind")),
                  r.getString("to_id"),
                  NodeKind.valueOf(r.getString("to_kind")),
                  r.getString("alternative_group"),
                  r.getTimestamp("added_at").toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read dependencies", e);
    }
    return dependencies;
  }

  private List<RevisionView> revisions(String sql, Object... args) {
    List<RevisionView> revisions = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          revisions.add(
              new RevisionView(
                  r.getString("revision_id"),
                  r.getString("process_id"),
                  r.getString("incident_id"),
                  duration(r, "current_rto_seconds"),
                  duration(r, "actual_seconds"),
                  duration(r, "proposed_rto_seconds"),
                  r.getString("rationale"),
                  r.getString("proposed_by"),
                  r.getString("status"),
                  r.getTimestamp("proposed_at").toInstant(),
                  duration(r, "proposed_mtpd_seconds"),
                  r.getString("decided_by"),
                  instant(r, "decided_at"),
                  r.getString("decision_reason")));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read target revisions", e);
    }
    return revisions;
  }

  private List<ProcessView> processes(String sql, Object... args) {
    List<ProcessView> processes = new ArrayList<>();
    Map<String, List<String>> supportedBy = new HashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, args);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String id = r.getString("process_id");
            List<String> assets = new ArrayList<>();
            supportedBy.put(id, assets);
            processes.add(
                new ProcessView(
                    id,
                    r.getString("name"),
                    r.getString("description"),
                    r.getBoolean("critical"),
                    r.getBoolean("crown_jewel"),
                    r.getString("owner"),
                    duration(r, "mtpd_seconds"),
                    duration(r, "rto_seconds"),
                    duration(r, "rpo_seconds"),
                    r.getString("status"),
                    r.getTimestamp("registered_at").toInstant(),
                    assets,
                    r.getLong("version"),
                    instant(r, "retired_at"),
                    r.getString("retirement_reason")));
          }
        }
      }
      if (!supportedBy.isEmpty()) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT from_id, to_id FROM bia_dependency WHERE from_id = ANY (?)"
                    + " ORDER BY added_at")) {
          s.setArray(1, c.createArrayOf("varchar", supportedBy.keySet().toArray()));
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              supportedBy.get(r.getString("from_id")).add(r.getString("to_id"));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read processes", e);
    }
    return processes;
  }

  private List<AssetView> assets(String sql, Object... args) {
    List<AssetView> assets = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          assets.add(
              new AssetView(
                  r.getString("asset_id"),
                  r.getString("name"),
                  AssetKind.valueOf(r.getString("kind")),
                  r.getString("description"),
                  r.getString("owner"),
                  supplierTerms(r),
                  r.getString("status"),
                  r.getTimestamp("registered_at").toInstant(),
                  instant(r, "retired_at"),
                  r.getString("retirement_reason"),
                  r.getLong("version"),
                  List.of()));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read assets", e);
    }
    return assets;
  }

  private static SupplierTerms supplierTerms(ResultSet r) throws SQLException {
    SupplierTerms terms =
        new SupplierTerms(
            r.getString("contract_reference"),
            r.getString("sla_reference"),
            duration(r, "guaranteed_recovery_seconds"));
    return terms.equals(new SupplierTerms(null, null, null)) ? null : terms;
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update the BIA read model", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp value = r.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Duration duration(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Duration.ofSeconds(value);
  }
}
