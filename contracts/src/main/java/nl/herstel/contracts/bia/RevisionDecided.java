package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A proposed revision of recovery targets was accepted or rejected. An accepted revision is
 * followed by the {@link RecoveryTargetsSet} it caused (source {@code REVISION}, same {@code
 * revisionId}).
 *
 * @param revisionId the revision decided on
 * @param processId the process it concerns; the subject
 * @param accepted whether it was accepted
 * @param reason why
 * @param decidedBy who decided
 * @param occurredAt when it was decided
 * @param proposalId the lessons-service proposal the revision came from; null for revisions made by
 *     hand and in events published before it was added
 */
public record RevisionDecided(
    String revisionId,
    String processId,
    boolean accepted,
    String reason,
    String decidedBy,
    Instant occurredAt,
    String proposalId)
    implements IntegrationEvent {

  /** A decision on a revision that no lessons proposal started. */
  public RevisionDecided(
      String revisionId,
      String processId,
      boolean accepted,
      String reason,
      String decidedBy,
      Instant occurredAt) {
    this(revisionId, processId, accepted, reason, decidedBy, occurredAt, null);
  }

  public RevisionDecided {
    Objects.requireNonNull(revisionId, "revisionId");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }
}
