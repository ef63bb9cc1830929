package nl.herstel.lessons.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.herstel.lessons.api.RecoveryPeriod;

/**
 * Recovery information aggregated over the incidents disrupted in a span of days (DOMAIN.md,
 * "Recovery information"; the guide's "herstelinformatie"): per period bucket (the trend) and in
 * total, per incident category per year, per process and per asset. The management report builds on
 * it.
 *
 * <p>What counts: an incident counts in the bucket of the day its disruption began (UTC). An
 * incident merged into another is not counted on its own (its processes count in the other); an
 * incident dismissed as a false positive is reported apart ({@code dismissed}) and left out of
 * every other figure. Recovery figures are over restored processes, each by its latest restoration.
 *
 * @param from the first day (inclusive, UTC)
 * @param to the last day (inclusive, UTC)
 * @param period the size of a bucket
 * @param category only incidents of this category; null for all
 * @param processId only incidents that disrupted this process; null for all
 * @param total the figures over the whole span
 * @param periods the figures per bucket, oldest first; buckets without incidents are left out
 * @param categoriesPerYear how often each category occurred per calendar year
 * @param processes per disrupted process, most incidents first
 * @param assets per asset hit, most incidents first
 */
public record RecoverySummary(
    LocalDate from,
    LocalDate to,
    RecoveryPeriod period,
    String category,
    String processId,
    Figures total,
    List<Figures> periods,
    List<CategoryFrequency> categoriesPerYear,
    List<ProcessFigures> processes,
    List<AssetFigures> assets) {

  /**
   * The figures of one bucket, or of the whole span ({@code periodStart} null).
   *
   * <p>Mean time to detect: disruption to first alert. To activate: disruption to the first plan
   * activation (over incidents that activated one). To recover: disruption to the RECOVERED
   * transition, or without one to the last process's restoration (over incidents that recovered).
   * Time to restore from backup: for a restoration whose data was restored to a point before the
   * disruption (from a backup, so data was lost), the time from the disruption until the process
   * was restored; its mean over those restorations. Shares are met / restored processes whose
   * target was known, between 0 and 1; null when none was.
   *
   * @param periodStart the bucket's first day; null for the total
   * @param incidents incidents counted (not merged, not dismissed)
   * @param dismissed incidents dismissed as false positives, not counted
   * @param merged incidents merged into another, not counted on their own
   * @param meanTimeToDetect mean disruption to first alert
   * @param meanTimeToActivate mean disruption to plan activation
   * @param meanTimeToRecover mean disruption to recovery
   * @param restoredProcesses processes restored (each incident's process once)
   * @param rtoMetShare share of restored processes that met their RTO
   * @param mtpdMetShare share that met their MTPD
   * @param rpoMetShare share that met their RPO
   * @param meanTimeToRestoreFromBackup mean time to restore from backup, as above
   * @param meanDataLoss mean data loss over restored processes
   * @param maxDataLoss the largest data loss
   * @param costsByKind costs summed per kind and currency
   * @param costTotals costs summed per currency
   * @param notifications how timely notification obligations were met
   */
  public record Figures(
      LocalDate periodStart,
      long incidents,
      long dismissed,
      long merged,
      Duration meanTimeToDetect,
      Duration meanTimeToActivate,
      Duration meanTimeToRecover,
      long restoredProcesses,
      Double rtoMetShare,
      Double mtpdMetShare,
      Double rpoMetShare,
      Duration meanTimeToRestoreFromBackup,
      Duration meanDataLoss,
      Duration maxDataLoss,
      List<CostSum> costsByKind,
      List<CostSum> costTotals,
      NotificationTimeliness notifications) {}

  /** A sum of costs of one kind (LEGAL … OTHER; null for the total over kinds) in one currency. */
  public record CostSum(String kind, String currency, BigDecimal amount) {}

  /**
   * Notification obligations by how they were met: submitted on time (or without a due time),
   * submitted late, overdue (due time passed, not submitted), open (not yet due).
   */
  public record NotificationTimeliness(long onTime, long late, long overdue, long open) {}

  /** How many counted incidents of a category were disrupted in a calendar year. */
  public record CategoryFrequency(int year, String category, long incidents) {}

  /**
   * One process over the span: how often it was disrupted and how its recoveries compare with its
   * targets. Targets are the BIA's current ones when lessons knows them, else the largest an
   * incident carried.
   *
   * @param processId the process
   * @param name its name
   * @param incidents counted incidents that disrupted it
   * @param restored of which it was restored
   * @param meanRecoveryTime mean recovery time
   * @param maxRecoveryTime longest recovery time
   * @param p90RecoveryTime 90th percentile of recovery time (continuous)
   * @param rto its RTO
   * @param mtpd its MTPD
   * @param rpo its RPO
   * @param rtoMet restorations within the RTO that applied then
   * @param mtpdMet restorations within the MTPD
   * @param rpoMet restorations within the RPO
   * @param rpoMissed restorations that lost more data than the RPO allows
   * @param rtoBreaches incidents in which its RTO deadline was breached
   * @param mtpdBreaches incidents in which its MTPD deadline was breached
   * @param meanDataLoss mean data loss
   * @param maxDataLoss largest data loss
   */
  public record ProcessFigures(
      String processId,
      String name,
      long incidents,
      long restored,
      Duration meanRecoveryTime,
      Duration maxRecoveryTime,
      Duration p90RecoveryTime,
      Duration rto,
      Duration mtpd,
      Duration rpo,
      long rtoMet,
      long mtpdMet,
      long rpoMet,
      long rpoMissed,
      long rtoBreaches,
      long mtpdBreaches,
      Duration meanDataLoss,
      Duration maxDataLoss) {}

  /**
   * One asset over the span. An asset's recovery time in an incident is the longest recovery time
   * of a process that incident disrupted (lessons does not know which process each asset carries).
   *
   * @param assetId the asset
   * @param incidents counted incidents that hit it
   * @param recovered of which at least one process was restored
   * @param meanRecoveryTime mean recovery time
   * @param maxRecoveryTime longest recovery time
   * @param p90RecoveryTime 90th percentile of recovery time (continuous)
   */
  public record AssetFigures(
      String assetId,
      long incidents,
      long recovered,
      Duration meanRecoveryTime,
      Duration maxRecoveryTime,
      Duration p90RecoveryTime) {}
}
