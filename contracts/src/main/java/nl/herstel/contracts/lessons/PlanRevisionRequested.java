package nl.herstel.contracts.lessons;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * Lessons learned ask plan-service to review a recovery plan: it was activated in an incident in
 * which the recovery of a process breached its RTO or MTPD. plan-service flags the plan for review
 * with the incident as the cause; see DOMAIN.md, "Improve".
 *
 * @param requestId the request's id; the same incident and plan always give the same id
 * @param planId the plan to review; the subject
 * @param planVersion the plan's version that was activated
 * @param incidentId the incident that showed the shortfall
 * @param processIds the processes whose recovery breached a target
 * @param reason why, for the plan owner
 * @param occurredAt when it was requested
 */
public record PlanRevisionRequested(
    String requestId,
    String planId,
    int planVersion,
    String incidentId,
    List<String> processIds,
    String reason,
    Instant occurredAt)
    implements IntegrationEvent {

  public PlanRevisionRequested {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(planId, "planId");
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
