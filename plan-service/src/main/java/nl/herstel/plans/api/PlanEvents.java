package nl.herstel.plans.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The events of recovery plans and network documents, as stored in plan-service's event store.
 * Every event that changes a plan's content or status carries the plan's new version; the ones that
 * carry content carry all of it, so each version can be shown and compared on its own.
 */
public final class PlanEvents {
  private PlanEvents() {}

  /**
   * How the first plans were stored: created and published at once as version 1, with only name,
   * processes, roles and cards. Still read from existing event stores; no longer applied.
   */
  @Revision("1")
  public record PlanPublished(
      String planId,
      String name,
      int version,
      List<String> coveredProcessIds,
      List<String> activationRoles,
      List<ScenarioCard> scenarioCards) {
    public PlanPublished {
      coveredProcessIds = List.copyOf(coveredProcessIds);
      activationRoles = List.copyOf(activationRoles);
      scenarioCards = List.copyOf(scenarioCards);
    }

    /** The content this version had. */
    public PlanContent content() {
      return new PlanContent(
          name,
          null,
          null,
          coveredProcessIds,
          activationRoles,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          ScenarioCard.identified(scenarioCards),
          null);
    }
  }

  /** A plan was drafted: its version 1, in DRAFT. */
  @Revision("1")
  public record PlanDrafted(String planId, int version, PlanContent content, String reason) {}

  /** A plan's content changed: a new version, back in DRAFT until it is published again. */
  @Revision("1")
  public record PlanContentRevised(
      String planId, int version, PlanContent content, String reason) {}

  /** A plan moved through its review: to IN_REVIEW, APPROVED, or back to DRAFT. */
  @Revision("1")
  public record PlanStatusChanged(
      String planId, int version, String name, PlanStatus from, PlanStatus to, String reason) {}

  /**
   * A version of a plan was published: from now on it is the playbook in force. Carries the whole
   * content, so whoever reads it needs nothing else.
   */
  @Revision("1")
  public record PlanVersionPublished(
      String planId, int version, PlanContent content, String reason) {}

  /** A plan was retired: it no longer covers anything and can no longer be activated. */
  @Revision("1")
  public record PlanRetired(String planId, int version, String reason) {}

  /**
   * Something the plan depends on changed at the BIA (a covered process's targets, dependencies or
   * retirement, a linked threat or supplier), so the plan needs a review. Not a new version.
   *
   * @param cause what changed, e.g. {@code process:<id>}, {@code threat:<id>}
   */
  @Revision("1")
  public record PlanReviewRequested(
      String planId,
      int version,
      String name,
      java.time.LocalDate reviewDue,
      String cause,
      String reason) {}

  /**
   * A bundle of the published plan was taken (to keep it at hand offline).
   *
   * @param sha256 hex SHA-256 of the bundle's bytes as handed out, so a copy can be recognised
   */
  @Revision("1")
  public record PlanBundleTaken(
      String planId,
      int version,
      String bundleId,
      String format,
      boolean encrypted,
      String sha256) {}

  /** A network description or diagram was registered (DOMAIN.md, step 2: kept current). */
  @Revision("1")
  public record NetworkDocumentRegistered(
      String documentId,
      String title,
      String documentVersion,
      String owner,
      String location,
      Instant lastVerifiedAt,
      Duration verificationInterval) {}

  /** A network document got a new version, or another owner, location or interval. */
  @Revision("1")
  public record NetworkDocumentRevised(
      String documentId,
      String title,
      String documentVersion,
      String owner,
      String location,
      Duration verificationInterval) {}

  /** Someone checked that a network document still matches the network. */
  @Revision("1")
  public record NetworkDocumentVerified(String documentId, Instant verifiedAt, String note) {}
}
