package nl.herstel.bia.api;

import java.time.Duration;
import java.util.List;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;
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

  /** Record an asset that keeps processes running: software, hardware, people, suppliers, data. */
  public record RegisterAsset(
      @TargetAggregateIdentifier String assetId, String name, AssetKind kind, String description) {}

  /**
   * Record that a process is supported by an asset (or depends on another process). The owner of
   * the dependency is the dependent process.
   */
  public record AddProcessDependency(
      @TargetAggregateIdentifier String processId,
      String dependencyId,
      String toId,
      NodeKind toKind) {}

  /** Propose new recovery targets for a process, by hand or from an incident's lessons. */
  public record ProposeTargetRevision(
      @TargetAggregateIdentifier String revisionId,
      String processId,
      String incidentId,
      Duration currentRto,
      Duration actualRecoveryTime,
      Duration proposedRto,
      String rationale,
      String proposedBy) {}
}
