package nl.herstel.lessons.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of lessons learned. */
public final class LessonsCommands {
  private LessonsCommands() {}

  /**
   * Open the review of a closed incident: measure each restored process's recovery against the
   * targets that applied and propose a target revision for every RTO breach. Sent when
   * incident-service reports the incident closed; the review's id is the incident's id.
   *
   * @param title the incident's title as lessons knows it; nullable
   * @param severity the incident's severity as it was opened; nullable
   * @param summary how the incident was resolved; nullable
   * @param disruptedAt when the disruption began; the recovery clocks run from here
   * @param closedAt when the incident was closed
   * @param restorations when each process was restored, with the targets that applied then
   * @param activatedPlans the recovery plans activated during the incident; empty when none (or
   *     unknown)
   */
  public record OpenIncidentReview(
      @TargetAggregateIdentifier String incidentId,
      String title,
      Severity severity,
      String summary,
      Instant disruptedAt,
      Instant closedAt,
      List<RestoredProcess> restorations,
      List<ActivatedPlan> activatedPlans) {
    public OpenIncidentReview {
      restorations = restorations == null ? List.of() : List.copyOf(restorations);
      activatedPlans = activatedPlans == null ? List.of() : List.copyOf(activatedPlans);
    }

    public OpenIncidentReview(
        String incidentId,
        String title,
        Severity severity,
        String summary,
        Instant disruptedAt,
        Instant closedAt,
        List<RestoredProcess> restorations) {
      this(incidentId, title, severity, summary, disruptedAt, closedAt, restorations, List.of());
    }
  }

  /** A recovery plan activated during an incident, and the scenario card followed (or null). */
  public record ActivatedPlan(String planId, int planVersion, String scenarioCardId) {}

  /**
   * Add one incident's recovery of a process to the process's recovery record, which proposes a
   * stricter RTO once the last {@code window} recoveries all took at most {@code share} of the RTO
   * (the "consistently met with margin" rule; see {@code LessonsConfig}). Sent for every measured
   * restoration of a process with a known RTO; a second recording of the same incident changes
   * nothing.
   *
   * @param processName the process's name; nullable
   * @param window how many of the latest recoveries must all show the margin, at least 3
   * @param share the margin: the share of the RTO every recovery in the window stayed within
   */
  public record RecordRecovery(
      @TargetAggregateIdentifier String processId,
      String processName,
      String incidentId,
      Instant disruptedAt,
      Duration actualRecoveryTime,
      Duration rto,
      int window,
      double share) {}

  /**
   * A process restored during the incident, with the recovery targets the BIA had set for it when
   * the incident closed.
   *
   * @param name the process's name; nullable when lessons does not know the process
   * @param rto the recovery time objective; null when lessons does not know the process's targets
   * @param mtpd the maximum tolerable period of disruption; null likewise
   * @param dataRestoredTo the point in time the process's data was restored to; null when unknown
   * @param rpo the recovery point objective that applied; null when unknown
   */
  public record RestoredProcess(
      String processId,
      String name,
      Instant restoredAt,
      Duration rto,
      Duration mtpd,
      Instant dataRestoredTo,
      Duration rpo) {
    public RestoredProcess(
        String processId, String name, Instant restoredAt, Duration rto, Duration mtpd) {
      this(processId, name, restoredAt, rto, mtpd, null, null);
    }
  }

  /**
   * Hold how often incidents of a category occurred in the year up to a closed incident against the
   * likelihood the BIA gives the threat the category matches ({@code ThreatCategories}); the
   * threat's record proposes a higher likelihood when the count says so ({@link LikelihoodScale}).
   * Sent by the review of every closed incident, per matching threat; a second assessment for the
   * same incident changes nothing.
   *
   * @param incidentId the closed incident whose review assesses
   * @param currentLikelihood the threat's likelihood as lessons knows it, 1 to 5
   * @param windowFrom the start of the year counted (exclusive)
   * @param windowTo the end of the year counted (inclusive): when the incident closed
   * @param incidents the incidents of the category in the year: not dismissed, merged ones once
   * @param decided the decisions bia-service reported on this threat's proposals, by proposal id
   */
  public record AssessThreatLikelihood(
      @TargetAggregateIdentifier String threatId,
      String threatName,
      String category,
      int currentLikelihood,
      String incidentId,
      Instant windowFrom,
      Instant windowTo,
      List<Occurrence> incidents,
      Map<String, Boolean> decided,
      LikelihoodScale scale) {
    public AssessThreatLikelihood {
      incidents = List.copyOf(incidents);
      decided = Map.copyOf(decided);
    }
  }
}
