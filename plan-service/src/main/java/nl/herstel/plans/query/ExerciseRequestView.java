package nl.herstel.plans.query;

import java.time.Instant;
import java.util.List;

/**
 * An exercise lessons-service asked for: the scenario card of a plan that fell short in an incident
 * (DOMAIN.md, "Exercise" and "Improve"). Plan it with {@code POST /api/plans/exercises} naming the
 * plan and the card.
 */
public record ExerciseRequestView(
    String id,
    String planId,
    String scenarioCardId,
    String incidentId,
    List<String> processIds,
    String reason,
    Instant requestedAt) {}
