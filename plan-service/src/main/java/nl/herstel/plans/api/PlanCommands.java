package nl.herstel.plans.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of recovery plans and network documents. */
public final class PlanCommands {
  private PlanCommands() {}

  /**
   * Create a recovery plan (herstelplan) with whatever content is known. With {@code publish} it is
   * published at once as version 1 (how plans were made before the review cycle existed); otherwise
   * it starts as DRAFT. Every covered process and linked threat must be known from the BIA; the
   * caller checks that before sending.
   */
  public record CreatePlan(
      @TargetAggregateIdentifier String planId,
      PlanContent content,
      boolean publish,
      String reason) {}

  /**
   * Replace a plan's content: a new version in DRAFT.
   *
   * @param expectedVersion the version the caller edited (If-Match), or null
   */
  public record RevisePlan(
      @TargetAggregateIdentifier String planId,
      PlanContent content,
      Long expectedVersion,
      String reason) {}

  /** Move a plan through its lifecycle: a new version in the new status. */
  public record TransitionPlan(
      @TargetAggregateIdentifier String planId,
      PlanStatus to,
      Long expectedVersion,
      String reason) {}

  /** Flag a plan for review because something it relies on changed at the BIA. */
  public record RequestPlanReview(
      @TargetAggregateIdentifier String planId, String cause, String reason) {}

  /** Record that a bundle of the published plan was taken. */
  public record RecordBundle(
      @TargetAggregateIdentifier String planId,
      int version,
      String bundleId,
      String format,
      boolean encrypted,
      String sha256) {}

  /** Register a network description or diagram. */
  public record RegisterNetworkDocument(
      @TargetAggregateIdentifier String documentId,
      String title,
      String documentVersion,
      String owner,
      String location,
      Instant lastVerifiedAt,
      Duration verificationInterval) {}

  /** Record a new version, owner, location or interval of a network document. */
  public record ReviseNetworkDocument(
      @TargetAggregateIdentifier String documentId,
      String title,
      String documentVersion,
      String owner,
      String location,
      Duration verificationInterval) {}

  /** Record that a network document was checked against the network. */
  public record VerifyNetworkDocument(
      @TargetAggregateIdentifier String documentId, Instant verifiedAt, String note) {}
}
