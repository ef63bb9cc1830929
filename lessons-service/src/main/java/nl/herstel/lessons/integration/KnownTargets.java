package nl.herstel.lessons.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.plans.BackupPolicyRecorded;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanRetired;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.contracts.plans.TrainingRecorded;
import nl.herstel.lessons.api.ActionTarget.Kind;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * What improvement actions may target, as the services that own it published it: the BIA's assets
 * and threats (with their current likelihood), plan-service's plans with their scenario cards,
 * backup policies and training records (processes are in {@link ProcessTargets}). Written inside
 * the consumer's transaction, with the inbox row; a retired asset or plan can no longer be
 * targeted, nor a card a newer version of its plan dropped.
 */
public class KnownTargets {
  private final Sql sql;

  public KnownTargets(Sql sql) {
    this.sql = sql;
  }

  public void assetRegistered(AssetRegistered event, IncomingEvent envelope) {
    known(Kind.ASSET, event.assetId(), "", event.name(), event.occurredAt());
  }

  public void assetRetired(AssetRetired event, IncomingEvent envelope) {
    retire("kind = ? AND target_id = ?", Kind.ASSET, event.assetId());
  }

  /** A threat is known with its likelihood, which {@link ThreatLikelihoods} holds incidents to. */
  public void threatRegistered(ThreatRegistered event, IncomingEvent envelope) {
    known(Kind.THREAT, event.threatId(), "", event.name(), event.occurredAt());
    likelihood(event.threatId(), event.likelihood(), event.occurredAt());
  }

  /** A threat's likelihood was rated anew (by hand, or by accepting a proposal of lessons). */
  public void threatLikelihoodChanged(ThreatLikelihoodChanged event, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO lessons_known_target (kind, target_id, plan_id, retired, updated_at)"
            + " VALUES (?, ?, '', FALSE, ?) ON CONFLICT (kind, target_id, plan_id) DO NOTHING",
        Kind.THREAT,
        event.threatId(),
        event.occurredAt());
    likelihood(event.threatId(), event.likelihood(), event.occurredAt());
  }

  private void likelihood(String threatId, int likelihood, Instant at) {
    sql.update(
        "UPDATE lessons_known_target SET likelihood = ?, updated_at = ?"
            + " WHERE kind = ? AND target_id = ? AND plan_id = '' AND updated_at <= ?",
        likelihood,
        at,
        Kind.THREAT,
        threatId,
        at);
  }

  /** A plan version was published: the plan and exactly the cards of this version are known. */
  public void planPublished(PlanPublished event, IncomingEvent envelope) {
    known(Kind.PLAN, event.planId(), "", event.name(), event.occurredAt());
    retire("kind = ? AND plan_id = ?", Kind.SCENARIO_CARD, event.planId());
    List<Object[]> cards = new ArrayList<>();
    for (ScenarioCard card : event.scenarioCards()) {
      if (card.id() != null) {
        cards.add(
            new Object[] {
              Kind.SCENARIO_CARD, card.id(), event.planId(), card.title(), event.occurredAt()
            });
      }
    }
    sql.batch(UPSERT, cards);
  }

  public void planRetired(PlanRetired event, IncomingEvent envelope) {
    retire("kind = ? AND target_id = ?", Kind.PLAN, event.planId());
    retire("kind = ? AND plan_id = ?", Kind.SCENARIO_CARD, event.planId());
  }

  public void trainingRecorded(TrainingRecorded event, IncomingEvent envelope) {
    known(Kind.TRAINING, event.recordId(), "", event.topic(), event.occurredAt());
  }

  public void backupPolicyRecorded(BackupPolicyRecorded event, IncomingEvent envelope) {
    known(Kind.BACKUP_POLICY, event.policyId(), "", event.name(), event.occurredAt());
  }

  private static final String UPSERT =
      "INSERT INTO lessons_known_target (kind, target_id, plan_id, name, retired, updated_at)"
          + " VALUES (?, ?, ?, ?, FALSE, ?) ON CONFLICT (kind, target_id, plan_id) DO UPDATE SET"
          + " name = EXCLUDED.name, retired = FALSE, updated_at = EXCLUDED.updated_at"
          + " WHERE lessons_known_target.updated_at <= EXCLUDED.updated_at";

  private void known(Kind kind, String id, String planId, String name, Instant at) {
    sql.update(UPSERT, kind, id, planId, name, at);
  }

  private void retire(String condition, Kind kind, String id) {
    sql.update(
        "UPDATE lessons_known_target SET retired = TRUE WHERE " + condition, kind.name(), id);
  }
}
