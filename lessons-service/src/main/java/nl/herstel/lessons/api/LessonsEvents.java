package nl.herstel.lessons.api;

import java.time.Duration;
import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;

/** The events of lessons learned, as stored in lessons-service's event store. */
public final class LessonsEvents {
  private LessonsEvents() {}

  /** The review of a closed incident was opened. */
  public record IncidentReviewOpened(
      String incidentId,
      String title,
      Severity severity,
      String summary,
      Instant disruptedAt,
      Instant closedAt) {}

  /**
   * A process's actual recovery time was measured against the targets that applied (recovery
   * information, DOMAIN.md). {@code rto}, {@code mtpd} and {@code verdict} are null when lessons
   * did not know the process's targets.
   */
  public record RecoveryMeasured(
      String incidentId,
      String processId,
      String processName,
      Instant restoredAt,
      Duration actualRecoveryTime,
      Duration rto,
      Duration mtpd,
      Verdict verdict) {}

  /**
   * A process's recovery outlasted its RTO, so lessons proposes the BIA revise the target: either
   * recovery gets faster or the longer RTO is accepted; the process owner decides in the BIA.
   */
  public record TargetRevisionProposed(
      String proposalId,
      String incidentId,
      String processId,
      String processName,
      Duration currentRto,
      Duration actualRecoveryTime,
      Duration proposedRto,
      String rationale) {}
}
