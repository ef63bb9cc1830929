package nl.herstel.bia.api;

/** The queries the BIA read model answers. */
public final class BiaQueries {
  private BiaQueries() {}

  /** One process by id. */
  public record FindProcess(String processId) {}

  /**
   * Asks for no limit: the whole list (the export); REST lists page with at most {@code
   * nl.herstel.platform.rest.Page#MAX_LIMIT}.
   */
  public static final int ALL = Integer.MAX_VALUE - 1;

  /**
   * Processes, ordered by RTO, name and id: the first {@code limit + 1} after the sort key {@code
   * after} (null: from the start).
   */
  public record ListProcesses(String after, int limit) {}

  /** One asset by id. */
  public record FindAsset(String assetId) {}

  /** Assets, ordered by name and id: {@code limit + 1} after the sort key {@code after}. */
  public record ListAssets(String after, int limit) {}

  /**
   * Target revisions, optionally only those with the given status, by proposal time and id: {@code
   * limit + 1} after the sort key {@code after}.
   */
  public record ListRevisions(String status, String after, int limit) {}

  /** One target revision by id. */
  public record FindRevision(String revisionId) {}

  /**
   * Changes of a process's recovery targets, oldest first: {@code limit + 1} after {@code after}.
   */
  public record TargetHistory(String processId, String after, int limit) {}

  /** One dependency by id. */
  public record FindDependency(String dependencyId) {}

  /**
   * Dependencies, optionally only those from the given process or asset, in the order they were
   * added: {@code limit + 1} after the sort key {@code after}.
   */
  public record ListDependencies(String fromId, String after, int limit) {}

  /** The cycles in the dependency graph (allowed, but reported). */
  public record FindCycles() {}

  /** The processes hit, transitively, when an asset fails: the first {@code limit} of them. */
  public record AssetImpact(String assetId, int limit) {}

  /**
   * The assets whose failure alone disrupts a critical process: {@code limit + 1} after the
   * position {@code after} of the list computed from the current graph.
   */
  public record SinglePointsOfFailure(String after, int limit) {}

  /** Processes ranked by RTO, the crown jewels' assets, required targets per asset, SPOFs. */
  public record Priorities() {}

  /** Which kind of node (process or asset) an id names and whether it is retired. */
  public record FindNode(String id) {}

  /** A process's impact assessment. */
  public record FindImpacts(String processId) {}

  /**
   * Stored events of a process or asset, oldest first: {@code limit + 1} after the sequence number
   * {@code after}.
   */
  public record EventHistory(String id, String after, int limit) {}

  /**
   * The processes as they stood at a moment, replayed from the event store: {@code limit + 1} after
   * the position {@code after} (the list as of a past moment does not change).
   */
  public record ProcessesAsOf(java.time.Instant asOf, String after, int limit) {}

  /** The assets as they stood at a moment, replayed: {@code limit + 1} after position after. */
  public record AssetsAsOf(java.time.Instant asOf, String after, int limit) {}

  /** The dependencies as they stood at a moment, replayed from the event store. */
  public record DependenciesAsOf(java.time.Instant asOf) {}

  /** The threat catalogue as it stood at a moment, replayed: {@code limit + 1} after position. */
  public record ThreatsAsOf(java.time.Instant asOf, String after, int limit) {}

  /**
   * The threat catalogue with each threat's rated processes and risk scores, by name and id: {@code
   * limit + 1} after the sort key {@code after}.
   */
  public record ListThreats(String after, int limit) {}

  /**
   * Active processes whose review is due before the given day, or that were never reviewed (those
   * first), then by due date, name and id: {@code limit + 1} after the sort key {@code after}.
   */
  public record OverdueReviews(java.time.LocalDate today, String after, int limit) {}

  /** The strictest RTO and RPO of the processes that depend on an asset through the graph. */
  public record RequiredTargets(String assetId) {}
}
