package nl.herstel.plans.query;

import java.time.Instant;
import java.util.List;
import nl.herstel.plans.api.ScenarioCard;

/** A recovery plan as it is currently published. */
public record PlanView(
    String id,
    String name,
    int version,
    String status,
    List<String> coveredProcessIds,
    List<String> activationRoles,
    List<ScenarioCard> scenarioCards,
    Instant publishedAt) {}
