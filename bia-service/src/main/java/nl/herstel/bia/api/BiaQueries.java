package nl.herstel.bia.api;

/** The queries the BIA read model answers. */
public final class BiaQueries {
  private BiaQueries() {}

  /** One process by id. */
  public record FindProcess(String processId) {}

  /** All processes, ordered by RTO then name. */
  public record ListProcesses() {}

  /** One asset by id. */
  public record FindAsset(String assetId) {}

  /** All assets, ordered by name. */
  public record ListAssets() {}

  /** Target revisions, optionally only those with the given status. */
  public record ListRevisions(String status) {}

  /** One target revision by id. */
  public record FindRevision(String revisionId) {}

  /** Every change of a process's recovery targets, oldest first. */
  public record TargetHistory(String processId) {}

  /** One dependency by id. */
  public record FindDependency(String dependencyId) {}

  /** All dependencies, optionally only those from the given process or asset. */
  public record ListDependencies(String fromId) {}

  /** The cycles in the dependency graph (allowed, but reported). */
  public record FindCycles() {}

  /** The processes hit, transitively, when an asset fails: the first {@code limit} of them. */
  public record AssetImpact(String assetId, int limit) {}

  /** The assets whose failure alone disrupts a critical process. */
  public record SinglePointsOfFailure() {}

  /** Processes ranked by RTO, the crown jewels' assets, required targets per asset, SPOFs. */
  public record Priorities() {}

  /** Which kind of node (process or asset) an id names and whether it is retired. */
  public record FindNode(String id) {}

  /** A process's impact assessment. */
  public record FindImpacts(String processId) {}

  /** Every stored event of a process or asset, oldest first. */
  public record EventHistory(String id) {}

  /** The processes as they stood at a moment, replayed from the event store. */
  public record ProcessesAsOf(java.time.Instant asOf) {}

  /** The assets as they stood at a moment, replayed from the event store. */
  public record AssetsAsOf(java.time.Instant asOf) {}

  /** The dependencies as they stood at a moment, replayed from the event store. */
  public record DependenciesAsOf(java.time.Instant asOf) {}

  /** The threat catalogue as it stood at a moment, replayed from the event store. */
  public record ThreatsAsOf(java.time.Instant asOf) {}

  /** The threat catalogue with each threat's rated processes and risk scores. */
  public record ListThreats() {}

  /** Active processes whose review is due before the given day, or that were never reviewed. */
  public record OverdueReviews(java.time.LocalDate today) {}

  /** The strictest RTO and RPO of the processes that depend on an asset through the graph. */
  public record RequiredTargets(String assetId) {}
}
