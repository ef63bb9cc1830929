package nl.herstel.bia.api;

import java.time.Duration;
import java.util.List;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.SupplierTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the business impact analysis. */
public final class BiaCommands {
  private BiaCommands() {}

  /**
   * Record a business process with its first recovery targets (MTPD, RTO, RPO; DOMAIN.md) and the
   * assets that support it, all in one transaction.
   */
  public record RegisterProcess(
      @TargetAggregateIdentifier String processId,
      String name,
      String description,
      boolean critical,
      boolean crownJewel,
      String owner,
      Duration mtpd,
      Duration rto,
      Duration rpo,
      List<String> supportedBy) {
    public RegisterProcess {
      supportedBy = supportedBy == null ? List.of() : List.copyOf(supportedBy);
    }
  }

  /**
   * Record an asset that keeps processes running: software, hardware, people, suppliers, data; with
   * the identifiers SOC tools may name it by. Its name and identifiers must be free.
   */
  public record RegisterAsset(
      @TargetAggregateIdentifier String assetId,
      String name,
      AssetKind kind,
      String description,
      String owner,
      SupplierTerms supplier,
      List<NewIdentifier> identifiers) {
    public RegisterAsset {
      identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** An asset registered without identifiers. */
    public RegisterAsset(
        String assetId,
        String name,
        AssetKind kind,
        String description,
        String owner,
        SupplierTerms supplier) {
      this(assetId, name, kind, description, owner, supplier, List.of());
    }
  }

  /**
   * An identifier to give an asset: {@code kind} null means the kind the value most likely is;
   * {@code value} as the caller wrote it (the asset normalises it).
   */
  public record NewIdentifier(String identifierId, IdentifierKind kind, String value) {}

  /**
   * Give an asset an identifier SOC tools may name it by. Answers an {@link IdentifierOutcome}: the
   * identifier's id (the existing one when the asset already has the value), or the asset that
   * holds the value already, in which case nothing is stored.
   */
  public record AddAssetIdentifier(
      @TargetAggregateIdentifier String assetId, NewIdentifier identifier) {}

  /**
   * What adding an identifier came to.
   *
   * @param added whether it was stored now (false: the asset had it already, or it was refused)
   * @param heldBy the other asset that holds the value, when that refused it
   * @param refusal why it was refused otherwise (the asset is retired), else null
   */
  public record IdentifierOutcome(
      String identifierId,
      IdentifierKind kind,
      String value,
      boolean added,
      String heldBy,
      String refusal) {}

  /** Remove one of an asset's identifiers, by its id or, when the id is null, by its value. */
  public record RemoveAssetIdentifier(
      @TargetAggregateIdentifier String assetId, String identifierId, String value) {}

  /**
   * Replace a process's details (name, description, critical, crown jewel, owner); its targets have
   * their own command. {@code expectedVersion} as for {@link SetRecoveryTargets}.
   */
  public record ChangeProcessDetails(
      @TargetAggregateIdentifier String processId,
      String name,
      String description,
      boolean critical,
      boolean crownJewel,
      String owner,
      Long expectedVersion) {}

  /** Replace an asset's details. {@code expectedVersion} as for {@link SetRecoveryTargets}. */
  public record ChangeAssetDetails(
      @TargetAggregateIdentifier String assetId,
      String name,
      AssetKind kind,
      String description,
      String owner,
      SupplierTerms supplier,
      Long expectedVersion) {}

  /**
   * Record that a process is supported by an asset (or depends on another process). The owner of
   * the dependency is the dependent process.
   */
  public record AddProcessDependency(
      @TargetAggregateIdentifier String processId,
      String dependencyId,
      String toId,
      NodeKind toKind,
      String alternativeGroup) {}

  /**
   * Propose new recovery targets for a process, by hand or from an incident's lessons. {@code kind}
   * says which target changes (null: RTO); an RTO revision proposes {@code proposedRto} (and maybe
   * {@code proposedMtpd}), an MTPD revision {@code proposedMtpd}, an RPO revision {@code
   * proposedRpo}. {@code currentTarget} is the changed target's value when proposed, {@code
   * evidence} what lessons measured and {@code proposalId} the lessons proposal, all nullable. A
   * THREAT_LIKELIHOOD revision names no process but {@code threatId} and proposes {@code
   * proposedLikelihood} (1–5) instead of {@code currentLikelihood}.
   */
  public record ProposeTargetRevision(
      @TargetAggregateIdentifier String revisionId,
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
    public ProposeTargetRevision {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A revision of a process's target, by hand or from lessons. */
    public ProposeTargetRevision(
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
        String proposalId) {
      this(
          revisionId,
          processId,
          incidentId,
          currentRto,
          actualRecoveryTime,
          proposedRto,
          rationale,
          proposedBy,
          proposedMtpd,
          kind,
          currentTarget,
          proposedRpo,
          evidence,
          proposalId,
          null,
          null,
          null);
    }

    /** A new likelihood for a threat, from lessons: how often its category occurred. */
    public static ProposeTargetRevision likelihood(
        String revisionId,
        String threatId,
        String incidentId,
        int currentLikelihood,
        int proposedLikelihood,
        String rationale,
        String proposedBy,
        List<RevisionEvidence> evidence,
        String proposalId) {
      return new ProposeTargetRevision(
          revisionId,
          null,
          incidentId,
          null,
          null,
          null,
          rationale,
          proposedBy,
          null,
          RevisionKind.THREAT_LIKELIHOOD,
          null,
          null,
          evidence,
          proposalId,
          threatId,
          currentLikelihood,
          proposedLikelihood);
    }

    /** An RTO revision, by hand or from an RTO breach. */
    public ProposeTargetRevision(
        String revisionId,
        String processId,
        String incidentId,
        Duration currentRto,
        Duration actualRecoveryTime,
        Duration proposedRto,
        String rationale,
        String proposedBy,
        Duration proposedMtpd) {
      this(
          revisionId,
          processId,
          incidentId,
          currentRto,
          actualRecoveryTime,
          proposedRto,
          rationale,
          proposedBy,
          proposedMtpd,
          RevisionKind.RTO,
          currentRto,
          null,
          List.of(),
          null);
    }
  }

  /**
   * Set a process's recovery targets by hand. {@code expectedVersion}, when given, is the version
   * the caller last read (If-Match); a process changed since is a conflict.
   */
  public record SetRecoveryTargets(
      @TargetAggregateIdentifier String processId,
      Duration mtpd,
      Duration rto,
      Duration rpo,
      String reason,
      Long expectedVersion) {}

  /**
   * Apply an accepted target revision to its process: the proposed RTO (or the current one), the
   * decision's MTPD (or the proposal's, or the current one) and the proposed RPO (or the current
   * one).
   */
  public record ApplyTargetRevision(
      @TargetAggregateIdentifier String processId,
      String revisionId,
      Duration proposedRto,
      Duration mtpd,
      String reason,
      Long expectedVersion,
      Duration proposedRpo) {
    public ApplyTargetRevision(
        String processId,
        String revisionId,
        Duration proposedRto,
        Duration mtpd,
        String reason,
        Long expectedVersion) {
      this(processId, revisionId, proposedRto, mtpd, reason, expectedVersion, null);
    }
  }

  /** Accept or reject a target revision; answers the revision's proposal. */
  public record DecideTargetRevision(
      @TargetAggregateIdentifier String revisionId, boolean accept, String reason) {}

  /** Record that an asset depends on another asset. */
  public record AddAssetDependency(
      @TargetAggregateIdentifier String assetId,
      String dependencyId,
      String toId,
      String alternativeGroup) {}

  /** Remove one of a process's dependencies. */
  public record RemoveProcessDependency(
      @TargetAggregateIdentifier String processId, String dependencyId) {}

  /** Remove one of an asset's dependencies. */
  public record RemoveAssetDependency(
      @TargetAggregateIdentifier String assetId, String dependencyId) {}

  /** Retire a process: it stays in the history but nothing new may depend on it. */
  public record RetireProcess(
      @TargetAggregateIdentifier String processId, String reason, Long expectedVersion) {}

  /** Retire an asset: it stays in the history but nothing new may depend on it. */
  public record RetireAsset(@TargetAggregateIdentifier String assetId, String reason) {}

  /** Replace a process's impact assessment (every category × horizon rated 0–4). */
  public record AssessImpacts(
      @TargetAggregateIdentifier String processId,
      List<ImpactRating> ratings,
      Long expectedVersion) {
    public AssessImpacts {
      ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }
  }

  /** Add a threat to the catalogue (ransomware, flood, supplier failure, ...). */
  public record RegisterThreat(
      @TargetAggregateIdentifier String threatId,
      String name,
      String description,
      int likelihood) {}

  /** Change how likely a threat is, 1 (rare) to 5 (almost certain). */
  public record RateThreatLikelihood(@TargetAggregateIdentifier String threatId, int likelihood) {}

  /** Rate how hard a threat would hit a process, 1 (minor) to 5 (catastrophic). */
  public record RateThreatImpact(
      @TargetAggregateIdentifier String threatId, String processId, int impact) {}

  /** Record that a process's BIA was reviewed, and when the next review is due. */
  public record ReviewProcess(
      @TargetAggregateIdentifier String processId,
      java.time.LocalDate reviewedOn,
      java.time.LocalDate nextReviewDue,
      String notes,
      Long expectedVersion) {}
}
