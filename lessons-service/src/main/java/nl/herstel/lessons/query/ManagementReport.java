package nl.herstel.lessons.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The management report (DOMAIN.md, "Continuous learning"): what incidents did to the
 * organisation's processes against their targets, what they cost, what was learned and what
 * changed, for a period or for one incident. Management reads it to answer the guide's question: do
 * we have the right means, or must we invest? Every figure comes from the read models
 * lessons-service keeps; the report adds nothing of its own but the findings it draws from them.
 *
 * @param scope a period or one incident
 * @param from the first day of the period (UTC); for one incident, the day of its disruption
 * @param to the last day of the period, inclusive; for one incident, the day it closed (or today)
 * @param incidentId the incident the report is about; null for a period
 * @param title the report's title
 * @param generatedAt when the figures were read
 */
@Schema(name = "ManagementReport")
public record ManagementReport(
    Scope scope,
    LocalDate from,
    LocalDate to,
    String incidentId,
    String title,
    Instant generatedAt,
    Summary summary,
    List<ProcessOutcome> processes,
    List<TrendPoint> trend,
    List<CategoryCount> categories,
    List<CostLine> costs,
    Notifications notifications,
    List<IncidentLine> incidents,
    List<EvaluationDigest> evaluations,
    List<ActionLine> actions,
    List<BiaChange> biaChanges,
    List<Finding> findings) {

  public ManagementReport {
    processes = List.copyOf(processes);
    trend = List.copyOf(trend);
    categories = List.copyOf(categories);
    costs = List.copyOf(costs);
    incidents = List.copyOf(incidents);
    evaluations = List.copyOf(evaluations);
    actions = List.copyOf(actions);
    biaChanges = List.copyOf(biaChanges);
    findings = List.copyOf(findings);
  }

  /** What the report covers. */
  public enum Scope {
    PERIOD,
    INCIDENT
  }

  /**
   * The executive summary's figures. Shares are fractions 0..1 of the restored processes whose
   * target was known; null when there is nothing to divide by.
   *
   * @param incidents incidents in scope, a merged incident counted once (in the one it joined)
   * @param dismissed incidents dismissed as no incident; not counted in {@code incidents}
   * @param processesDisrupted distinct processes disrupted
   * @param restorations process restorations measured
   * @param meanTimeToDetect disruption → first alert; null when unknown
   * @param meanTimeToActivate first alert → plan activated; null when no plan was activated
   * @param meanTimeToRecover disruption → last process restored
   */
  public record Summary(
      int incidents,
      int dismissed,
      int processesDisrupted,
      int restorations,
      Double rtoMetShare,
      Double mtpdMetShare,
      Double rpoMetShare,
      Duration meanTimeToDetect,
      Duration meanTimeToActivate,
      Duration meanTimeToRecover,
      List<Money> totalCosts,
      int actionsOpen,
      int actionsOverdue,
      int actionsDone,
      int biaChangesAccepted,
      int biaChangesRejected,
      int biaChangesPending) {
    public Summary {
      totalCosts = List.copyOf(totalCosts);
    }
  }

  /** An amount in one currency (ISO 4217). */
  public record Money(BigDecimal amount, String currency) {}

  /**
   * How one process fared against its targets over the incidents in scope.
   *
   * @param disruptions restorations of the process measured in scope
   * @param longestRecovery the longest actual recovery time
   * @param meanRecovery the mean actual recovery time
   * @param rto the process's RTO as it applied at the last incident; null when unknown
   * @param rtoBreaches restorations that outlasted the RTO
   * @param mtpdBreaches restorations that outlasted the MTPD
   * @param largestDataLoss the most data lost (disruption − data restored to); null when unknown
   * @param rpo the RPO as it applied at the last incident; null when unknown
   * @param rpoBreaches restorations that lost more data than the RPO allows
   */
  public record ProcessOutcome(
      String processId,
      String name,
      int disruptions,
      Duration longestRecovery,
      Duration meanRecovery,
      Duration rto,
      Duration mtpd,
      int rtoBreaches,
      int mtpdBreaches,
      Duration largestDataLoss,
      Duration rpo,
      int rpoBreaches) {}

  /** One bucket of the trend (a month or a quarter). */
  public record TrendPoint(
      String label,
      LocalDate start,
      int incidents,
      int restorations,
      int rtoMet,
      Duration meanTimeToRecover,
      List<Money> costs) {
    public TrendPoint {
      costs = List.copyOf(costs);
    }
  }

  /** How often incidents of a category happened in scope. */
  public record CategoryCount(String category, int incidents) {}

  /** The costs of one kind (LEGAL, HARDWARE, SOFTWARE, LABOUR, OTHER) in one currency. */
  public record CostLine(String kind, BigDecimal amount, String currency) {}

  /** Whether the authorities were notified in time. */
  public record Notifications(int obligations, int onTime, int late, int overdue, int open) {}

  /** An incident in scope, for the list at the end of a period report. */
  public record IncidentLine(
      String incidentId,
      String title,
      String severity,
      String category,
      Instant disruptedAt,
      Instant closedAt,
      Duration timeToRecover,
      int rtoBreaches,
      List<Money> costs) {
    public IncidentLine {
      costs = List.copyOf(costs);
    }
  }

  /** The final (or latest draft) evaluation of an incident, in short. */
  public record EvaluationDigest(
      String incidentId,
      String status,
      LocalDate heldOn,
      String wentWell,
      String causeAndDamage,
      String helped,
      String hindered) {}

  /** An improvement action and how far it is. */
  public record ActionLine(
      String actionId,
      String title,
      String owner,
      String priority,
      String status,
      LocalDate dueDate,
      boolean overdue,
      String targetKind,
      String targetName,
      String incidentId) {}

  /**
   * A change to the BIA that lessons proposed, and its fate.
   *
   * @param kind what it changes: RTO, MTPD, RPO, PRIORITY, THREAT_LIKELIHOOD
   * @param status PROPOSED, ACCEPTED or REJECTED
   * @param before the value before, as text (e.g. PT8H)
   * @param after the value proposed, as text
   */
  public record BiaChange(
      String proposalId,
      String kind,
      String subjectName,
      String before,
      String after,
      String status,
      String decidedBy,
      Instant decidedAt,
      String incidentId) {}

  /**
   * A finding the report draws for the investment question: where recovery fell short of what the
   * organisation said it needs, repeatedly or expensively.
   *
   * @param kind INVEST (the means fall short), IMPROVE (the means exist; the way of working falls
   *     short) or ON_TRACK
   */
  public record Finding(String kind, String text) {}
}
