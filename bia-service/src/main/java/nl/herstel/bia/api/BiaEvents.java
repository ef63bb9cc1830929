package nl.herstel.bia.api;

import java.time.Duration;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;

/** The events of the business impact analysis, as stored in its event store. */
public final class BiaEvents {
  private BiaEvents() {}

  /** A business process was recorded with its first recovery targets. */
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

  /** An asset was recorded. */
  public record AssetRegistered(String assetId, String name, AssetKind kind, String description) {}

  /** A process was recorded as supported by an asset or depending on another process. */
  public record ProcessDependencyAdded(
      String processId, String dependencyId, String toId, NodeKind toKind) {}

  /** New recovery targets were proposed for a process; they await the owner's decision. */
  public record TargetRevisionProposed(
      String revisionId,
      String processId,
      String incidentId,
      Duration currentRto,
      Duration actualRecoveryTime,
      Duration proposedRto,
      String rationale,
      String proposedBy) {}
}
