package nl.herstel.plans.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement action lessons-service agreed on for a plan or what proves it, as plan-service
 * last heard of it.
 *
 * @param planId the plan it is shown on
 * @param scenarioCardId the card it improves; null when it improves something else
 * @param targetKind PLAN, SCENARIO_CARD, BACKUP_POLICY (of an asset the plan covers) or TRAINING (a
 *     training record for the plan)
 * @param targetId the plan's, card's, policy's or training record's id
 * @param reason why it will not be done, for WONT_DO
 * @param updatedAt when lessons-service last changed it
 */
public record PlanImprovementActionView(
    String actionId,
    String planId,
    String scenarioCardId,
    String targetKind,
    String targetId,
    String title,
    String status,
    String reason,
    String owner,
    LocalDate due,
    String priority,
    String incidentId,
    Instant updatedAt) {}
