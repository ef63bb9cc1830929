package nl.herstel.contracts.lessons;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * Lessons learned ask plan-service to exercise a scenario card that failed: the card was followed
 * in an incident in which the recovery of a process breached its RTO or MTPD. plan-service lists
 * the request until an exercise is planned; see DOMAIN.md, "Exercise" and "Improve".
 *
 * @param requestId the request's id; the same incident and card always give the same id
 * @param planId the plan the card belongs to; the subject
 * @param scenarioCardId the scenario card to exercise
 * @param incidentId the incident in which it fell short
 * @param processIds the processes whose recovery breached a target
 * @param reason why, for the plan owner
 * @param occurredAt when it was requested
 */
public record ExerciseRequested(
    String requestId,
    String planId,
    String scenarioCardId,
    String incidentId,
    List<String> processIds,
    String reason,
    Instant occurredAt)
    implements IntegrationEvent {

  public ExerciseRequested {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(scenarioCardId, "scenarioCardId");
    Objects.requireNonNull(incidentId, "incidentId");
    processIds = List.copyOf(Objects.requireNonNull(processIds, "processIds"));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return planId;
  }
}
