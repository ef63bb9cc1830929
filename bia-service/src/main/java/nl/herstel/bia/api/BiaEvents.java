package nl.herstel.bia.api;

import java.time.Duration;
import java.util.List;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.contracts.bia.TargetSource;
import org.axonframework.serialization.Revision;

/**
 * The events of the business impact analysis, as stored in its event store. A stored event names
 * its class, so these names stay as they are, even where a contract event of {@code
 * nl.herstel.contracts} is called the same (code that uses both writes the contract one with its
 * package); a changed shape gets an upcaster.
 */
public final class BiaEvents {
  private BiaEvents() {}

  /** A business process was recorded with its first recovery targets. */
  @Revision("1")
  public record ProcessRegistered(
      String processId,
      String name,
      String description,
      boolean critical,
      boolean crownJewel,
      String owner,
      Duration mtpd,
      Duration rto,
      Duration rpo) {}

  /**
   * An asset was recorded. {@code owner} and {@code supplier} are null in events stored before they
   * existed.
   */
  @Revision("1")
  public record AssetRegistered(
      String assetId,
      String name,
      AssetKind kind,
      String description,
      String owner,
      SupplierTerms supplier) {}

  /** A process's details (not its targets) were changed; carries them as they now stand. */
  @Revision("1")
  public record ProcessDetailsChanged(
      String processId,
      String name,
      String description,
      boolean critical,
      boolean crownJewel,
      String owner) {}

  /** An asset's details were changed; carries them as they now stand. */
  @Revision("1")
  public record AssetDetailsChanged(
      String assetId,
      String name,
      AssetKind kind,
      String description,
      String owner,
      SupplierTerms supplier) {}

  /**
   * A process was recorded as supported by an asset or depending on another process. Dependencies
   * of one process sharing an {@code alternativeGroup} are alternatives: any one suffices.
   */
  @Revision("1")
  public record ProcessDependencyAdded(
      String processId,
      String dependencyId,
      String toId,
      NodeKind toKind,
      String alternativeGroup) {}

  /**
   * New recovery targets were proposed for a process, or (kind THREAT_LIKELIHOOD, no process) a new
   * likelihood for a threat; they await a decision. {@code kind}, {@code currentTarget}, {@code
   * proposedRpo}, {@code evidence} and {@code proposalId} were added later, {@code threatId},
   * {@code currentLikelihood} and {@code proposedLikelihood} later still (null for every revision
   * of a process): events stored before read as RTO revisions without evidence ({@code
   * BiaLayouts}).
   */
  @Revision("1")
  public record TargetRevisionProposed(
      String revisionId,
      String processId,
      String incidentId,
      Duration currentRto,
      Duration actualRecoveryTime,
      Duration proposedRto,
      String rationale,
      String proposedBy,
      Duration proposedMtpd,
      RevisionKind kind,
      Duration currentTarget,
      Duration proposedRpo,
      List<RevisionEvidence> evidence,
      String proposalId,
      String threatId,
      Integer currentLikelihood,
      Integer proposedLikelihood) {
    public TargetRevisionProposed {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
  }

  /**
   * A process's recovery targets were set, by hand or by accepting a revision ({@code revisionId}).
   */
  @Revision("1")
  public record RecoveryTargetsSet(
      String processId,
      Duration mtpd,
      Duration rto,
      Duration rpo,
      TargetSource source,
      String revisionId,
      String reason) {}

  /**
   * A target revision was accepted or rejected; {@code proposalId} names the lessons proposal it
   * came from (null for revisions by hand and in events stored before it was added), {@code
   * threatId} the threat of a likelihood revision (then {@code processId} is null).
   */
  @Revision("1")
  public record TargetRevisionDecided(
      String revisionId,
      String processId,
      boolean accepted,
      String reason,
      String proposalId,
      String threatId) {}

  /**
   * An asset was recorded as depending on another asset. Dependencies of one asset sharing an
   * {@code alternativeGroup} are alternatives: any one suffices.
   */
  @Revision("1")
  public record AssetDependencyAdded(
      String assetId, String dependencyId, String toId, NodeKind toKind, String alternativeGroup) {}

  /** A process's dependency was removed. */
  @Revision("1")
  public record ProcessDependencyRemoved(
      String processId, String dependencyId, String toId, NodeKind toKind) {}

  /** An asset's dependency was removed. */
  @Revision("1")
  public record AssetDependencyRemoved(
      String assetId, String dependencyId, String toId, NodeKind toKind) {}

  /** A process was retired. */
  @Revision("1")
  public record ProcessRetired(String processId, String reason) {}

  /**
   * An asset gained an identifier SOC tools may name it by; {@code value} is in the normal form of
   * {@code AssetIdentifiers}.
   */
  @Revision("1")
  public record AssetIdentifierAdded(
      String assetId, String identifierId, IdentifierKind kind, String value) {}

  /** An asset lost one of its identifiers; the value is free for another asset. */
  @Revision("1")
  public record AssetIdentifierRemoved(
      String assetId, String identifierId, IdentifierKind kind, String value) {}

  /** An asset was retired. */
  @Revision("1")
  public record AssetRetired(String assetId, String reason) {}

  /** A process's impacts were assessed; the ratings replace any earlier assessment. */
  @Revision("1")
  public record ImpactsAssessed(String processId, List<ImpactRating> ratings) {}

  /** A threat was added to the catalogue. */
  @Revision("1")
  public record ThreatRegistered(
      String threatId, String name, String description, int likelihood) {}

  /** A threat's likelihood was changed. */
  @Revision("1")
  public record ThreatLikelihoodRated(String threatId, int likelihood) {}

  /** A threat's impact on a process was rated (replacing an earlier rating). */
  @Revision("1")
  public record ThreatImpactRated(String threatId, String processId, int impact) {}

  /** A process's BIA was reviewed. */
  @Revision("1")
  public record ProcessReviewed(
      String processId,
      java.time.LocalDate reviewedOn,
      java.time.LocalDate nextReviewDue,
      String notes) {}
}
