package nl.herstel.lessons.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import org.axonframework.serialization.Revision;

/** The events of lessons learned, as stored in lessons-service's event store. */
public final class LessonsEvents {
  private LessonsEvents() {}

  /** The review of a closed incident was opened. */
  @Revision("1")
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
  @Revision("1")
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
  @Revision("1")
  public record TargetRevisionProposed(
      String proposalId,
      String incidentId,
      String processId,
      String processName,
      Duration currentRto,
      Duration actualRecoveryTime,
      Duration proposedRto,
      String rationale) {}

  /**
   * Lessons propose the BIA revise one of a process's targets (RTO, MTPD or RPO) on the evidence of
   * one or more incidents: an MTPD that recovery outlasted, an RPO that the data lost exceeded, or
   * an RTO that recoveries consistently met with a wide margin. RTO breaches of one incident stay
   * {@link TargetRevisionProposed}. The process owner decides in the BIA.
   *
   * @param incidentId the incident whose review made the proposal (the latest of the evidence)
   * @param processName the process's name; nullable
   */
  @Revision("1")
  public record RevisionProposed(
      String proposalId,
      RevisionKind kind,
      String incidentId,
      String processId,
      String processName,
      Duration currentTarget,
      Duration proposedTarget,
      List<Evidence> evidence,
      String rationale) {}

  /** One incident's recovery of a process was added to the process's recovery record. */
  @Revision("1")
  public record RecoveryRecorded(
      String processId,
      String incidentId,
      Instant disruptedAt,
      Duration actualRecoveryTime,
      Duration rto) {}

  /**
   * A plan activated in the incident should be reviewed: recovery of the processes named breached a
   * target while it was followed. The same incident and plan give the same request id.
   */
  @Revision("1")
  public record PlanRevisionRequested(
      String requestId,
      String incidentId,
      String planId,
      int planVersion,
      List<String> processIds,
      String reason) {}

  /**
   * A scenario card followed in the incident should be exercised: recovery of the processes named
   * breached a target while it was followed. The same incident and card give the same request id.
   */
  @Revision("1")
  public record ExerciseRequested(
      String requestId,
      String incidentId,
      String planId,
      String scenarioCardId,
      List<String> processIds,
      String reason) {}

  /**
   * A threat's likelihood was held against how often its category occurred in the year up to a
   * closed incident.
   *
   * @param incidentsPerYear the incidents of the category counted in the year
   * @param observedLikelihood the likelihood that count amounts to on the scale
   */
  @Revision("1")
  public record ThreatLikelihoodAssessed(
      String threatId,
      String incidentId,
      String category,
      int incidentsPerYear,
      int observedLikelihood,
      int currentLikelihood) {}

  /**
   * Incidents of a category occurred more often in a year than the likelihood of the threat it
   * matches says: lessons propose the higher likelihood, with the incidents as evidence. The same
   * threat and incidents give the same proposal id; a threat has one proposal pending at a time.
   */
  @Revision("1")
  public record ThreatLikelihoodProposed(
      String proposalId,
      String threatId,
      String threatName,
      String category,
      String incidentId,
      int currentLikelihood,
      int proposedLikelihood,
      Instant windowFrom,
      Instant windowTo,
      List<Occurrence> incidents,
      String rationale) {}

  /** bia-service decided on a likelihood proposal: it no longer stands in the way of the next. */
  @Revision("1")
  public record LikelihoodProposalDecided(
      String threatId, String proposalId, int proposedLikelihood, boolean accepted) {}
}
