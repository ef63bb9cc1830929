package nl.herstel.contracts.bia;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A revision of a process's recovery targets was proposed in the BIA and awaits the process owner's
 * or BCM manager's decision; it came from an evaluation (lessons-service) or was made by hand.
 *
 * @param revisionId the revision's id
 * @param processId the process whose targets it would change; the subject
 * @param incidentId the incident whose evaluation led to it; nullable for proposals made by hand
 * @param currentRto the RTO when it was proposed
 * @param proposedRto the RTO it proposes
 * @param proposedMtpd the MTPD it proposes; nullable when the MTPD stays
 * @param rationale why
 * @param proposedBy who proposed it
 * @param occurredAt when it was proposed
 */
public record RevisionProposed(
    String revisionId,
    String processId,
    String incidentId,
    Duration currentRto,
    Duration proposedRto,
    Duration proposedMtpd,
    String rationale,
    String proposedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public RevisionProposed {
    Objects.requireNonNull(revisionId, "revisionId");
    Objects.requireNonNull(processId, "processId");
    currentRto = Objects.requireNonNull(currentRto, "currentRto").truncatedTo(ChronoUnit.SECONDS);
    proposedRto =
        Objects.requireNonNull(proposedRto, "proposedRto").truncatedTo(ChronoUnit.SECONDS);
    proposedMtpd = proposedMtpd == null ? null : proposedMtpd.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(proposedBy, "proposedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }
}
