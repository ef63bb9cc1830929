package nl.herstel.plans.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanStatus;
import nl.herstel.plans.api.ScenarioCard;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A recovery plan as it stands: its latest version and status, the version in force (the last
 * published one), whether it needs a review and why, and its whole content.
 *
 * @param version the latest version; every change counts it up (the ETag)
 * @param publishedVersion the version in force, absent until the plan is first published
 * @param reviewDue when the plan must next be reviewed
 * @param reviewOverdue the review date has passed and the plan is not retired
 * @param needsReview the BIA changed something the plan relies on since the last publication
 * @param reviewRequests why it needs a review
 * @param supplierChecks each supplier's guaranteed recovery time against the RTOs it must meet
 * @param bundles the bundles taken of the plan, newest first
 */
@Schema(description = "A recovery plan with its latest version and the version in force")
public record PlanView(
    String id,
    String name,
    String owner,
    int version,
    PlanStatus status,
    Integer publishedVersion,
    Instant publishedAt,
    Instant updatedAt,
    List<String> coveredProcessIds,
    List<String> activationRoles,
    List<ScenarioCard> scenarioCards,
    LocalDate reviewDue,
    boolean reviewOverdue,
    boolean needsReview,
    List<ReviewRequest> reviewRequests,
    PlanContent content,
    List<SupplierCheck> supplierChecks,
    List<BundleRecord> bundles) {

  /** Why a plan needs a review: what changed at the BIA, and when plan-service learned it. */
  @Schema(description = "A BIA change that flags the plan for review")
  public record ReviewRequest(String cause, String reason, Instant at) {}

  /**
   * A supplier's guaranteed recovery time held against the strictest RTO of the covered processes
   * that depend on it (or of all covered processes when the BIA names no dependency): a guarantee
   * slower than that RTO is flagged.
   *
   * @param meetsRto false when the guarantee is slower; absent when either is unknown
   */
  @Schema(description = "A supplier's guarantee against the RTO it must meet")
  public record SupplierCheck(
      String supplierId,
      String name,
      String assetId,
      Duration guaranteedRecoveryTime,
      Duration requiredRto,
      List<String> processIds,
      Boolean meetsRto) {}

  /** A bundle taken of the plan. */
  @Schema(description = "A bundle taken of the plan")
  public record BundleRecord(
      String bundleId,
      int version,
      String format,
      boolean encrypted,
      String sha256,
      Instant takenAt,
      String takenBy) {}
}
