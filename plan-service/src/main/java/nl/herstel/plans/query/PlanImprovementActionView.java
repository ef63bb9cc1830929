package nl.herstel.plans.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement action lessons-service agreed on for a plan, as plan-service last heard of it.
 *
 * @param scenarioCardId the card it improves; null when it improves the plan as a whole
 * @param reason why it will not be done, for WONT_DO
 * @param updatedAt when lessons-service last changed it
 */
public record PlanImprovementActionView(
    String actionId,
    String planId,
    String scenarioCardId,
    String title,
    String status,
    String reason,
    String owner,
    LocalDate due,
    String priority,
    String incidentId,
    Instant updatedAt) {}
