package nl.herstel.contracts.lessons;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * Lessons learned from an incident led to a proposal to revise a process's RTO (how long recovery
 * to an acceptable level may take), for example because the actual recovery took longer than the
 * target. The BIA shows it pending until the process owner accepts or rejects it; see DOMAIN.md,
 * "Improve".
 *
 * <p>Durations travel as ISO-8601 strings in whole seconds (the schema's {@code duration} format
 * allows no fractions), so a sub-second part is dropped on construction.
 *
 * @param proposalId the proposal's id
 * @param processId the process whose target the proposal would revise
 * @param incidentId the incident the lesson came from; the subject
 * @param currentRto the process's RTO when the incident happened
 * @param actualRecoveryTime how long recovery actually took
 * @param proposedRto the RTO proposed instead
 * @param rationale why the revision is proposed
 * @param occurredAt when the revision was proposed
 */
public record TargetRevisionProposed(
    String proposalId,
    String processId,
    String incidentId,
    Duration currentRto,
    Duration actualRecoveryTime,
    Duration proposedRto,
    String rationale,
    Instant occurredAt)
    implements IntegrationEvent {

  public TargetRevisionProposed {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(incidentId, "incidentId");
    currentRto = Objects.requireNonNull(currentRto, "currentRto").truncatedTo(ChronoUnit.SECONDS);
    actualRecoveryTime =
        Objects.requireNonNull(actualRecoveryTime, "actualRecoveryTime")
            .truncatedTo(ChronoUnit.SECONDS);
    proposedRto =
        Objects.requireNonNull(proposedRto, "proposedRto").truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
