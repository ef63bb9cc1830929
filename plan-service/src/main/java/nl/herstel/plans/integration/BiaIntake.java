package nl.herstel.plans.integration;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.ProcessChanged;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.plans.api.PlanCommands.RequestPlanReview;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Keeps plan-service's copy of the BIA (processes with their recovery targets, assets with supplier
 * terms, dependencies, threats), so coverage and the system inventory need no second input, and
 * flags the plans a change concerns for review: a covered process whose targets, dependencies or
 * existence change; a supplier asset a plan names; a threat a scenario card answers. Another
 * service's data needs no aggregate here: rows are written in the consumer's transaction, together
 * with the inbox entry that makes each event apply once, and so are the review requests sent to the
 * plans. Targets only move forward in time, so a late or replayed event never overwrites newer
 * ones.
 */
public class BiaIntake {
  private static final Logger LOG = Logger.getLogger(BiaIntake.class.getName());

  private final Sql sql;
  private final Supplier<CommandGateway> commands;

  public BiaIntake(Sql sql, Supplier<CommandGateway> commands) {
    this.sql = sql;
    this.commands = commands;
  }

  /** A process was registered at the BIA: known from now on (or its facts refreshed). */
  public void processRegistered(ProcessRegistered e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO plan_known_process (process_id, name, critical, crown_jewel, owner,"
            + " mtpd_seconds, rto_seconds, rpo_seconds, targets_at, registered_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (process_id) DO UPDATE SET name = EXCLUDED.name,"
            + " critical = EXCLUDED.critical, crown_jewel = EXCLUDED.crown_jewel,"
            + " owner = EXCLUDED.owner,"
            + " mtpd_seconds = CASE WHEN EXCLUDED.targets_at >= plan_known_process.targets_at"
            + "   THEN EXCLUDED.mtpd_seconds ELSE plan_known_process.mtpd_seconds END,"
            + " rto_seconds = CASE WHEN EXCLUDED.targets_at >= plan_known_process.targets_at"
            + "   THEN EXCLUDED.rto_seconds ELSE plan_known_process.rto_seconds END,"
            + " rpo_seconds = CASE WHEN EXCLUDED.targets_at >= plan_known_process.targets_at"
            + "   THEN EXCLUDED.rpo_seconds ELSE plan_known_process.rpo_seconds END,"
            + " targets_at = GREATEST(EXCLUDED.targets_at, plan_known_process.targets_at)",
        e.processId(),
        e.name(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        e.mtpd().toSeconds(),
        e.rto().toSeconds(),
        Sql.seconds(e.rpo()),
        Timestamp.from(e.occurredAt()),
        Timestamp.from(e.occurredAt()));
  }

  /** A process's recovery targets changed at the BIA, by hand or by an accepted revision. */
  public void recoveryTargetsSet(RecoveryTargetsSet e, IncomingEvent envelope) {
    Optional<String> before =
        sql.one(
            "SELECT name, mtpd_seconds, rto_seconds, rpo_seconds FROM plan_known_process"
                + " WHERE process_id = ? AND targets_at <= ?",
            r ->
                r.getString(1)
                    + "\u001f"
                    + targets(
                        Duration.ofSeconds(r.getLong(2)),
                        Duration.ofSeconds(r.getLong(3)),
                        Sql.duration(r, "rpo_seconds")),
            e.processId(),
            Timestamp.from(e.occurredAt()));
    if (before.isEmpty()) {
      LOG.info(
          () ->
              "Recovery targets of process "
                  + e.processId()
                  + " (event "
                  + envelope.id()
                  + ") not applied: the process is unknown or has newer targets");
      return;
    }
    sql.update(
        "UPDATE plan_known_process SET mtpd_seconds = ?, rto_seconds = ?, rpo_seconds = ?,"
            + " targets_at = ? WHERE process_id = ?",
        e.mtpd().toSeconds(),
        e.rto().toSeconds(),
        Sql.seconds(e.rpo()),
        Timestamp.from(e.occurredAt()),
        e.processId());
    String[] nameAndTargets = before.get().split("\u001f", 2);
    String after = targets(e.mtpd(), e.rto(), e.rpo());
    if (!after.equals(nameAndTargets[1])) {
      flagPlansCovering(
          List.of(e.processId()),
          "process:" + e.processId(),
          "The BIA changed the recovery targets of '"
              + nameAndTargets[0]
              + "' from "
              + nameAndTargets[1]
              + " to "
              + after);
    }
  }

  /** A process's name, description, criticality or owner changed at the BIA. */
  public void processChanged(ProcessChanged e, IncomingEvent envelope) {
    Optional<Boolean> criticalityChanged =
        sql.one(
            "SELECT critical <> ? OR crown_jewel <> ? FROM plan_known_process"
                + " WHERE process_id = ?",
            r -> r.getBoolean(1),
            e.critical(),
            e.crownJewel(),
            e.processId());
    sql.update(
        "UPDATE plan_known_process SET name = ?, critical = ?, crown_jewel = ?, owner = ?"
            + " WHERE process_id = ?",
        e.name(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        e.processId());
    if (criticalityChanged.orElse(false)) {
      flagPlansCovering(
          List.of(e.processId()),
          "process:" + e.processId(),
          "The BIA changed whether '"
              + e.name()
              + "' is critical ("
              + e.critical()
              + ") or a crown jewel ("
              + e.crownJewel()
              + ")");
    }
  }

  /** A process was retired at the BIA: plans covering it must be reconsidered. */
  public void processRetired(ProcessRetired e, IncomingEvent envelope) {
    String name = processName(e.processId());
    sql.update("UPDATE plan_known_process SET retired = true WHERE process_id = ?", e.processId());
    flagPlansCovering(
        List.of(e.processId()),
        "process:" + e.processId(),
        "The BIA retired the process '" + name + "': " + e.reason());
  }

  public void assetRegistered(AssetRegistered e, IncomingEvent envelope) {
    upsertAsset(
        e.assetId(), e.name(), e.kind().name(), e.description(), e.owner(), e.supplier(), e);
  }

  /** An asset changed; plans naming it as their supplier are flagged when its terms changed. */
  public void assetChanged(AssetChanged e, IncomingEvent envelope) {
    Optional<String> termsBefore =
        sql.one(
            "SELECT concat_ws('|', contract_reference, sla_reference, guarantee_seconds)"
                + " FROM plan_bia_asset WHERE asset_id = ?",
            r -> r.getString(1),
            e.assetId());
    upsertAsset(
        e.assetId(), e.name(), e.kind().name(), e.description(), e.owner(), e.supplier(), e);
    String termsAfter =
        e.supplier() == null
            ? ""
            : String.join(
                "|",
                java.util.stream.Stream.of(
                        e.supplier().contractReference(),
                        e.supplier().slaReference(),
                        e.supplier().guaranteedRecoveryTime() == null
                            ? null
                            : String.valueOf(e.supplier().guaranteedRecoveryTime().toSeconds()))
                    .filter(Objects::nonNull)
                    .toList());
    if (termsBefore.isPresent() && !termsBefore.get().equals(termsAfter)) {
      flagPlansNaming(
          "ASSET",
          e.assetId(),
          "asset:" + e.assetId(),
          "The BIA changed the supplier terms of '"
              + e.name()
              + "'"
              + (e.supplier() == null || e.supplier().guaranteedRecoveryTime() == null
                  ? ""
                  : "; guaranteed recovery time now " + e.supplier().guaranteedRecoveryTime()));
    }
  }

  /** An asset was retired: plans naming it as supplier, or relying on it, are flagged. */
  public void assetRetired(AssetRetired e, IncomingEvent envelope) {
    String name =
        sql.one(
                "SELECT name FROM plan_bia_asset WHERE asset_id = ?",
                r -> r.getString(1),
                e.assetId())
            .orElse(e.assetId());
    sql.update("UPDATE plan_bia_asset SET retired = true WHERE asset_id = ?", e.assetId());
    String reason = "The BIA retired the asset '" + name + "': " + e.reason();
    flagPlansNaming("ASSET", e.assetId(), "asset:" + e.assetId(), reason);
    flagPlansCovering(upstream(e.assetId()), "asset:" + e.assetId(), reason);
  }

  /** A dependency was added: plans covering a process that now relies on more are flagged. */
  public void dependencyAdded(DependencyAdded e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO plan_bia_dependency (dependency_id, from_id, from_kind, to_id, to_kind,"
            + " alternative_group) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.dependencyId(),
        e.fromId(),
        e.fromKind().name(),
        e.toId(),
        e.toKind().name(),
        e.alternativeGroup());
    flagPlansCovering(
        upstream(e.fromId()),
        "dependency:" + e.dependencyId(),
        "The BIA added a dependency: '"
            + nodeName(e.fromId())
            + "' now depends on '"
            + nodeName(e.toId())
            + "'");
  }

  /** A dependency was removed: plans covering a process that relied on it are flagged. */
  public void dependencyRemoved(DependencyRemoved e, IncomingEvent envelope) {
    List<String> upstream = upstream(e.fromId());
    sql.update("DELETE FROM plan_bia_dependency WHERE dependency_id = ?", e.dependencyId());
    flagPlansCovering(
        upstream,
        "dependency:" + e.dependencyId(),
        "The BIA removed a dependency: '"
            + nodeName(e.fromId())
            + "' no longer depends on '"
            + nodeName(e.toId())
            + "'");
  }

  public void threatRegistered(ThreatRegistered e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO plan_bia_threat (threat_id, name, likelihood, changed_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (threat_id) DO UPDATE SET name = EXCLUDED.name,"
            + " likelihood = EXCLUDED.likelihood, changed_at = EXCLUDED.changed_at",
        e.threatId(),
        e.name(),
        e.likelihood(),
        Timestamp.from(e.occurredAt()));
  }

  /** A threat's likelihood changed: plans whose cards answer it are flagged. */
  public void threatLikelihoodChanged(ThreatLikelihoodChanged e, IncomingEvent envelope) {
    Optional<Integer> before =
        sql.one(
            "SELECT likelihood FROM plan_bia_threat WHERE threat_id = ?",
            r -> r.getInt(1),
            e.threatId());
    sql.update(
        "UPDATE plan_bia_threat SET likelihood = ?, changed_at = ? WHERE threat_id = ?",
        e.likelihood(),
        Timestamp.from(e.occurredAt()),
        e.threatId());
    if (before.isPresent() && before.get() != e.likelihood()) {
      flagPlansNaming(
          "THREAT",
          e.threatId(),
          "threat:" + e.threatId(),
          "The BIA changed the likelihood of the threat '"
              + threatName(e.threatId())
              + "' from "
              + before.get()
              + " to "
              + e.likelihood());
    }
  }

  /** A threat's impact on a process was rated: plans whose cards answer it are flagged. */
  public void threatImpactRated(ThreatImpactRated e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO plan_bia_threat_impact (threat_id, process_id, impact) VALUES (?, ?, ?)"
            + " ON CONFLICT (threat_id, process_id) DO UPDATE SET impact = EXCLUDED.impact",
        e.threatId(),
        e.processId(),
        e.impact());
    flagPlansNaming(
        "THREAT",
        e.threatId(),
        "threat:" + e.threatId(),
        "The BIA rated the impact of the threat '"
            + threatName(e.threatId())
            + "' on '"
            + processName(e.processId())
            + "' at "
            + e.impact());
  }

  private void upsertAsset(
      String id,
      String name,
      String kind,
      String description,
      String owner,
      SupplierTerms terms,
      nl.herstel.contracts.IntegrationEvent e) {
    sql.update(
        "INSERT INTO plan_bia_asset (asset_id, name, kind, description, owner, contract_reference,"
            + " sla_reference, guarantee_seconds, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (asset_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,"
            + " description = EXCLUDED.description, owner = EXCLUDED.owner,"
            + " contract_reference = EXCLUDED.contract_reference,"
            + " sla_reference = EXCLUDED.sla_reference,"
            + " guarantee_seconds = EXCLUDED.guarantee_seconds, changed_at = EXCLUDED.changed_at"
            + " WHERE plan_bia_asset.changed_at <= EXCLUDED.changed_at",
        id,
        name,
        kind,
        description,
        owner,
        terms == null ? null : terms.contractReference(),
        terms == null ? null : terms.slaReference(),
        terms == null ? null : Sql.seconds(terms.guaranteedRecoveryTime()),
        Timestamp.from(e.occurredAt()));
  }

  private void flagPlansCovering(List<String> processIds, String cause, String reason) {
    if (processIds.isEmpty()) {
      return;
    }
    flag(
        sql.list(
            "SELECT DISTINCT plan_id FROM plan_link WHERE kind = 'PROCESS'"
                + " AND target_id = ANY (?) ORDER BY plan_id",
            r -> r.getString(1),
            processIds),
        cause,
        reason);
  }

  private void flagPlansNaming(String kind, String targetId, String cause, String reason) {
    flag(
        sql.list(
            "SELECT plan_id FROM plan_link WHERE kind = ? AND target_id = ? ORDER BY plan_id",
            r -> r.getString(1),
            kind,
            targetId),
        cause,
        reason);
  }

  private void flag(List<String> planIds, String cause, String reason) {
    for (String planId : planIds) {
      commands.get().sendAndWait(new RequestPlanReview(planId, cause, reason));
    }
  }

  /** Every BIA node relying on {@code nodeId}, itself included. */
  private List<String> upstream(String nodeId) {
    return sql.list(
        "WITH RECURSIVE up(node) AS (SELECT ?::varchar UNION"
            + " SELECT d.from_id FROM plan_bia_dependency d JOIN up ON d.to_id = up.node)"
            + " SELECT node FROM up",
        r -> r.getString(1),
        nodeId);
  }

  private String processName(String processId) {
    return sql.one(
            "SELECT name FROM plan_known_process WHERE process_id = ?",
            r -> r.getString(1),
            processId)
        .orElse(processId);
  }

  private String threatName(String threatId) {
    return sql.one(
            "SELECT name FROM plan_bia_threat WHERE threat_id = ?", r -> r.getString(1), threatId)
        .orElse(threatId);
  }

  private String nodeName(String id) {
    return sql.one(
            "SELECT name FROM plan_known_process WHERE process_id = ? UNION ALL"
                + " SELECT name FROM plan_bia_asset WHERE asset_id = ?",
            r -> r.getString(1),
            id,
            id)
        .orElse(id);
  }

  private static String targets(Duration mtpd, Duration rto, Duration rpo) {
    return "MTPD " + mtpd + ", RTO " + rto + (rpo == null ? "" : ", RPO " + rpo);
  }
}
