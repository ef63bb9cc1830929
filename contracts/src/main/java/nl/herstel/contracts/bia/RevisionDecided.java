package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A proposed revision was accepted or rejected: of a process's recovery targets, or of a threat's
 * likelihood. An accepted target revision is followed by the {@link RecoveryTargetsSet} it caused
 * (source {@code REVISION}, same {@code revisionId}); an accepted likelihood revision by the {@link
 * ThreatLikelihoodChanged} it caused.
 *
 * @param revisionId the revision decided on
 * @param processId the process whose targets it revised; the subject. Null only for a revision of a
 *     threat's likelihood (then {@code threatId} is set); always set in events published before
 *     {@code threatId} was added
 * @param accepted whether it was accepted
 * @param reason why
 * @param decidedBy who decided
 * @param occurredAt when it was decided
 * @param proposalId the lessons-service proposal the revision came from; null for revisions made by
 *     hand and in events published before it was added
 * @param threatId the threat whose likelihood it revised (then the subject); null for target
 *     revisions
 */
public record RevisionDecided(
    String revisionId,
    String processId,
    boolean accepted,
    String reason,
    String decidedBy,
    Instant occurredAt,
    String proposalId,
    String threatId)
    implements IntegrationEvent {

  /** A decision on a revision of a process's targets that no lessons proposal started. */
  public RevisionDecided(
      String revisionId,
      String processId,
      boolean accepted,
      String reason,
      String decidedBy,
      Instant occurredAt) {
    this(revisionId, processId, accepted, reason, decidedBy, occurredAt, null, null);
  }

  /** A decision on a revision of a process's targets. */
  public RevisionDecided(
      String revisionId,
      String processId,
      boolean accepted,
      String reason,
      String decidedBy,
      Instant occurredAt,
      String proposalId) {
    this(revisionId, processId, accepted, reason, decidedBy, occurredAt, proposalId, null);
  }

  public RevisionDecided {
    Objects.requireNonNull(revisionId, "revisionId");
    if (processId == null && threatId == null) {
      throw new NullPointerException("processId or threatId");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId != null ? processId : threatId;
  }
}
