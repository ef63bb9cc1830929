package nl.herstel.plans.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanStatus;
import nl.herstel.plans.query.PlanView.BundleRecord;
import nl.herstel.plans.query.PlanView.SupplierCheck;

/**
 * Everything a bundle of a plan holds: the published version's content, the covered processes with
 * their BIA targets, the systems behind them (the inventory), the supplier checks, and the bundles
 * taken before.
 *
 * @param publishedVersion the version in force, null when the plan was never published
 * @param readiness the readiness of each covered process when the bundle was taken
 */
public record PlanBundleSource(
    String planId,
    String name,
    PlanStatus status,
    Integer publishedVersion,
    Instant publishedAt,
    PlanContent content,
    List<Process> processes,
    List<InventoryItem> inventory,
    List<SupplierCheck> supplierChecks,
    List<BundleRecord> earlierBundles,
    List<ReadinessView.ProcessReadiness> readiness) {

  /** A covered process with its BIA targets. */
  public record Process(
      String id, String name, boolean crownJewel, Duration mtpd, Duration rto, Duration rpo) {}
}
