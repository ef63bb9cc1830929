package nl.herstel.plans.query;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How ready the organisation is to recover its business processes within their RTO and RPO (see
 * DOMAIN.md, "Backup strategy" and "Exercise, test, train"): per process, every check with its
 * outcome and the reason, and summaries per plan and for the organisation.
 */
public final class ReadinessView {
  private ReadinessView() {}

  /** The outcome of a check: met, not met, or not known (the facts to judge it are missing). */
  public enum Outcome {
    PASS,
    FAIL,
    UNKNOWN
  }

  /** The checks readiness makes per process. */
  public enum CheckKind {
    /** ≥ 3 copies of each data asset (the live data and ≥ 2 backups), ≥ 2 media, ≥ 1 off site. */
    THREE_TWO_ONE,
    /** Each data asset is backed up at least as often as the process's RPO. */
    BACKUP_INTERVAL,
    /** Where a ransomware threat hits the process: an offline or immutable copy of its data. */
    RANSOMWARE_COPY,
    /** A restore test within the policy's interval that met the RTO and the RPO. */
    RESTORE_TEST,
    /** Every supplier the process relies on guarantees recovery within its RTO. */
    SUPPLIER_GUARANTEE,
    /** An exercise (or a real recovery) within the last year that met the RTO. */
    EXERCISE,
    /** Every role of the covering plans is held by a member with current training. */
    TRAINED_ROLES,
    /** A published plan covers the process and is not overdue for review. */
    PLAN_CURRENT
  }

  @Schema(name = "ReadinessCheck", description = "One readiness check of a process")
  public record Check(CheckKind check, Outcome outcome, String reason) {}

  /**
   * The readiness of one business process.
   *
   * @param outcome FAIL if any check fails, else UNKNOWN if any is unknown, else PASS
   * @param planIds the published plans covering the process
   * @param assetIds the BIA assets the process relies on, directly or through others
   */
  @Schema(name = "ProcessReadiness", description = "The readiness of one business process")
  public record ProcessReadiness(
      String processId,
      String name,
      boolean crownJewel,
      Duration rto,
      Duration rpo,
      Outcome outcome,
      List<String> planIds,
      List<String> assetIds,
      List<Check> checks) {

    /** The checks that fail. */
    public List<CheckKind> failing() {
      return checks.stream().filter(c -> c.outcome() == Outcome.FAIL).map(Check::check).toList();
    }
  }

  /** How many processes pass, fail or are unknown. */
  @Schema(name = "ReadinessCounts", description = "Processes per readiness outcome")
  public record Counts(int processes, int pass, int fail, int unknown) {
    static Counts of(List<ProcessReadiness> all) {
      int pass = 0;
      int fail = 0;
      int unknown = 0;
      for (ProcessReadiness p : all) {
        switch (p.outcome()) {
          case PASS -> pass++;
          case FAIL -> fail++;
          case UNKNOWN -> unknown++;
        }
      }
      return new Counts(all.size(), pass, fail, unknown);
    }
  }

  /** The readiness of the processes a plan covers. */
  @Schema(name = "PlanReadiness", description = "The readiness of the processes a plan covers")
  public record PlanSummary(String planId, String name, Outcome outcome, Counts counts) {}

  /** One process in the organisation's summary, with the checks it fails. */
  @Schema(name = "ProcessReadinessBrief", description = "A process's outcome and failing checks")
  public record ProcessBrief(
      String processId, String name, Outcome outcome, List<CheckKind> failing) {}

  /** The readiness of the whole organisation. */
  @Schema(
      name = "ReadinessSummary",
      description = "Readiness of the organisation, plans, processes")
  public record Summary(
      Counts organisation, List<PlanSummary> plans, List<ProcessBrief> processes) {}
}
