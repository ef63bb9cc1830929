package nl.herstel.incidents.integration;

import java.util.EnumSet;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetIdentifierAdded;
import nl.herstel.contracts.bia.AssetIdentifierRemoved;
import nl.herstel.contracts.bia.AssetIdentifiers;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.ProcessTargetsCopy;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Keeps incident-service's copy of the business impact analysis: processes with their recovery
 * targets, assets, and the dependencies between them (DOMAIN.md, BIA step 1). An alert names
 * assets; this copy tells which processes they disrupt, without asking bia-service at the worst
 * possible moment. Each event is upserted in the consumer's transaction, with its inbox entry.
 *
 * <p>Recovery targets may change after registration; whichever event set them last (by {@code
 * occurredAt}) wins, whatever order they arrive in.
 */
public class BiaCopy {
  private final Sql sql;
  private final HintResolver hints;
  private final ProcessTargetsCopy processes;

  public BiaCopy(JdbcTransactions db, HintResolver hints) {
    this.sql = new Sql(db);
    this.hints = hints;
    this.processes =
        new ProcessTargetsCopy(
            sql, "bia_copy_process", "targets_at", EnumSet.allOf(ProcessTargetsCopy.Fact.class));
  }

  public void processRegistered(ProcessRegistered e, IncomingEvent envelope) {
    processes.registered(e);
  }

  public void recoveryTargetsSet(RecoveryTargetsSet e, IncomingEvent envelope) {
    processes.targetsSet(e);
  }

  public void assetRegistered(AssetRegistered e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO bia_copy_asset (asset_id, name, kind) VALUES (?, ?, ?)"
            + " ON CONFLICT (asset_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind",
        e.assetId(),
        e.name(),
        e.kind().name());
    hints.assetLearned(e.assetId());
  }

  /** A renamed asset is found by its new name (and may match hints queued under it). */
  public void assetChanged(AssetChanged e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO bia_copy_asset (asset_id, name, kind) VALUES (?, ?, ?)"
            + " ON CONFLICT (asset_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind",
        e.assetId(),
        e.name(),
        e.kind().name());
    hints.assetLearned(e.assetId());
  }

  /** A retired asset matches no hint any more; its name and identifiers may pass to another. */
  public void assetRetired(AssetRetired e, IncomingEvent envelope) {
    sql.update("UPDATE bia_copy_asset SET retired = TRUE WHERE asset_id = ?", e.assetId());
  }

  /**
   * An identifier, kept with what the rule looks it up by: an FQDN's first label, a CIDR range as
   * {@code cidr} (GiST-indexed for containment).
   */
  public void identifierAdded(AssetIdentifierAdded e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO bia_copy_identifier (asset_id, identifier_id, kind, value, host_label,"
            + " network) VALUES (?, ?, ?, ?, ?, ?::cidr) ON CONFLICT (asset_id, identifier_id)"
            + " DO UPDATE SET kind = EXCLUDED.kind, value = EXCLUDED.value,"
            + " host_label = EXCLUDED.host_label, network = EXCLUDED.network",
        e.assetId(),
        e.identifierId(),
        e.kind().name(),
        e.value(),
        e.kind() == IdentifierKind.FQDN ? AssetIdentifiers.hostLabel(e.value()) : null,
        e.kind() == IdentifierKind.CIDR ? e.value() : null);
    hints.assetLearned(e.assetId());
  }

  public void identifierRemoved(AssetIdentifierRemoved e, IncomingEvent envelope) {
    sql.update(
        "DELETE FROM bia_copy_identifier WHERE asset_id = ? AND identifier_id = ?",
        e.assetId(),
        e.identifierId());
  }

  public void dependencyAdded(DependencyAdded e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO bia_copy_dependency (dependency_id, from_id, from_kind, to_id, to_kind)"
            + " VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (dependency_id) DO UPDATE SET from_id = EXCLUDED.from_id,"
            + " from_kind = EXCLUDED.from_kind, to_id = EXCLUDED.to_id,"
            + " to_kind = EXCLUDED.to_kind",
        e.dependencyId(),
        e.fromId(),
        e.fromKind().name(),
        e.toId(),
        e.toKind().name());
  }
}
