package nl.herstel.lessons.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;

/**
 * The story of one incident as lessons learned know it from incident-service (DOMAIN.md, "Recovery
 * information"), with the figures the evaluation and the management report use.
 *
 * <p>Time to detect runs from the disruption to the first alert (the incident's opening); time to
 * activate from the disruption to the first plan activation; time to recover from the disruption to
 * the incident's RECOVERED transition, or when it never had one, to its last process's restoration.
 * Each is null while its end is unknown.
 *
 * @param incidentId the incident
 * @param title its title; null when lessons knows it only through a merge
 * @param severity its severity; null likewise
 * @param category its latest category (RANSOMWARE, FLOOD …); null while unclassified
 * @param status its latest state as incident-service published it
 * @param dismissed whether it is (or was, when closed) dismissed as a false positive
 * @param splitFrom the incident it was split off from; null if opened by an alert
 * @param mergedInto the incident it was merged into; null if not merged. A merged incident is not
 *     counted on its own: its processes live on in the other.
 * @param disruptedAt when the disruption began
 * @param openedAt when its first alert came in
 * @param plan the plan activated first; null if none was
 * @param recoveredAt when it last became RECOVERED; null if not (or relapsed)
 * @param closedAt when it was closed; null while open
 * @param timeToDetect disruption to first alert
 * @param timeToActivate disruption to plan activation
 * @param timeToRecover disruption to recovery
 * @param processes per disrupted process: targets, restoration, data loss and breaches
 * @param assets per asset hit: the recovery time of the incident's processes it stands for
 * @param costs every cost recorded, in the order incurred, with those of incidents merged into it,
 *     with those of incidents merged into it
 * @param costsByKind the costs summed per kind and currency
 * @param costTotals the costs summed per currency
 * @param notifications every notification obligation (also of incidents merged into it) and how
 *     timely it was met
 * @param tasks how many recovery tasks were created, started and done
 * @param decisions how many decisions were recorded
 * @param transitions every move along its lifecycle, in order
 */
public record IncidentStoryView(
    String incidentId,
    String title,
    Severity severity,
    String category,
    String status,
    boolean dismissed,
    String splitFrom,
    String mergedInto,
    Instant disruptedAt,
    Instant openedAt,
    ActivatedPlan plan,
    Instant recoveredAt,
    Instant closedAt,
    Duration timeToDetect,
    Duration timeToActivate,
    Duration timeToRecover,
    List<ProcessStory> processes,
    List<AssetRecovery> assets,
    List<Cost> costs,
    List<CostSum> costsByKind,
    List<CostSum> costTotals,
    List<Notification> notifications,
    TaskCounts tasks,
    int decisions,
    List<Transition> transitions) {

  /** The recovery plan activated for the incident, under which mandate and by whom. */
  public record ActivatedPlan(
      String planId,
      Integer version,
      String name,
      String scenarioCardId,
      String scenarioTitle,
      String mandate,
      String activatedBy,
      Instant activatedAt) {}

  /**
   * One disrupted process: its targets as the incident knew them, its latest restoration (recovery
   * time against RTO and MTPD, data loss against RPO; null while not restored) and when its RTO or
   * MTPD deadline was breached (null if not).
   */
  public record ProcessStory(
      String processId,
      String name,
      Duration rto,
      Duration mtpd,
      Duration rpo,
      Instant restoredAt,
      Instant dataRestoredTo,
      Duration recoveryTime,
      Duration dataLoss,
      Boolean rtoMet,
      Boolean mtpdMet,
      Boolean rpoMet,
      Instant rtoBreachedAt,
      Instant mtpdBreachedAt) {}

  /**
   * The recovery time of an asset the incident hit: the longest recovery time of a process the
   * incident disrupted (lessons does not know which of the incident's processes each asset carries,
   * so every asset of the incident stands for all of them); null while none was restored.
   */
  public record AssetRecovery(String assetId, Duration recoveryTime) {}

  /** A cost the incident caused. */
  public record Cost(
      String costId,
      String kind,
      BigDecimal amount,
      String currency,
      String description,
      Instant incurredAt) {}

  /** A sum of costs of one kind (null for the total over kinds) in one currency. */
  public record CostSum(String kind, String currency, BigDecimal amount) {}

  /**
   * A notification obligation and how it was met: ON_TIME (submitted by its due time or without
   * one), LATE (submitted after it), OVERDUE (due time passed, not submitted) or OPEN (not yet
   * due).
   */
  public record Notification(
      String obligationId,
      String authority,
      Instant dueAt,
      Instant submittedAt,
      Instant overdueAt,
      Timeliness timeliness) {}

  /** How timely a notification obligation was met. */
  public enum Timeliness {
    ON_TIME,
    LATE,
    OVERDUE,
    OPEN
  }

  /** How many recovery tasks were created, ever started, and are done now. */
  public record TaskCounts(int created, int started, int done) {}

  /** A move along the incident's lifecycle, why and by whom. */
  public record Transition(String from, String to, String reason, String by, Instant at) {}
}
