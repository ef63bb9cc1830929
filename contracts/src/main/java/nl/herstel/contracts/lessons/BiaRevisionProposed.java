package nl.herstel.contracts.lessons;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * Lessons learned led to a proposal to revise one of a process's recovery targets (RTO, MTPD or
 * RPO), with the evidence it rests on: an RTO or MTPD that recovery breached, an RPO that the data
 * lost exceeded, or an RTO that recoveries consistently met with a wide margin. The BIA shows it
 * pending until the process owner accepts or rejects it; see DOMAIN.md, "Improve". RTO breaches of
 * a single incident keep travelling as {@link TargetRevisionProposed}.
 *
 * <p>Durations travel as ISO-8601 strings in whole seconds, so a sub-second part is dropped on
 * construction.
 *
 * @param proposalId the proposal's id; the same evidence always gives the same id
 * @param kind which target it would revise
 * @param processId the process whose target it would revise
 * @param incidentId the incident whose review made the proposal (the latest of the evidence); the
 *     subject
 * @param currentTarget the target's value when proposed
 * @param proposedTarget the value proposed instead
 * @param evidence the measurements it rests on, at least one
 * @param rationale why, for the process owner
 * @param occurredAt when it was proposed
 */
public record BiaRevisionProposed(
    String proposalId,
    RevisionKind kind,
    String processId,
    String incidentId,
    Duration currentTarget,
    Duration proposedTarget,
    List<Evidence> evidence,
    String rationale,
    Instant occurredAt)
    implements IntegrationEvent {

  public BiaRevisionProposed {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(incidentId, "incidentId");
    currentTarget =
        Objects.requireNonNull(currentTarget, "currentTarget").truncatedTo(ChronoUnit.SECONDS);
    proposedTarget =
        Objects.requireNonNull(proposedTarget, "proposedTarget").truncatedTo(ChronoUnit.SECONDS);
    evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
