package nl.herstel.bia.query;

import java.time.Duration;
import java.util.List;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;

/** The answers of the graph queries over the BIA: impact, priorities, cycles. */
public final class GraphViews {
  private GraphViews() {}

  /** A node of the graph, named. {@code assetKind} is null for processes. */
  public record NodeRef(String id, NodeKind kind, String name, AssetKind assetKind) {}

  /** A process hit when an asset fails, with one shortest dependency path process → … → asset. */
  public record HitProcess(
      String processId,
      String name,
      boolean critical,
      boolean crownJewel,
      Duration mtpd,
      Duration rto,
      List<NodeRef> path) {}

  /**
   * What an asset's failure disrupts, ranked by MTPD (soonest intolerable first). {@code
   * processesHit} holds the first {@code limit} of {@code totalHit}; {@code processesAtRisk} still
   * run, but on the last of their alternatives (a redundant dependency of theirs, or of what they
   * depend on, has failed).
   */
  public record AssetImpactView(
      String assetId,
      String name,
      int totalHit,
      int criticalHit,
      boolean truncated,
      List<HitProcess> processesHit,
      List<NodeRef> processesAtRisk) {}

  /**
   * An asset whose failure alone disrupts at least one critical process: no alternative covers it
   * on the way. {@code criticalProcesses} are ranked by MTPD.
   */
  public record SinglePointOfFailure(
      String assetId, String name, AssetKind kind, List<ProcessRef> criticalProcesses) {}

  /** A process, named, with its MTPD and RTO. */
  public record ProcessRef(
      String processId, String name, boolean crownJewel, Duration mtpd, Duration rto) {}

  /**
   * A process in the priority ranking. {@code highestImpact} is its highest impact score (0–4) in
   * any category at any horizon, null when not assessed.
   */
  public record RankedProcess(
      int rank,
      String processId,
      String name,
      boolean critical,
      boolean crownJewel,
      Duration rto,
      Duration mtpd,
      Duration rpo,
      Integer highestImpact) {}

  /** A crown jewel and the IT assets (software, hardware, data) it depends on, transitively. */
  public record CrownJewelAssets(String processId, String name, List<NodeRef> itAssets) {}

  /**
   * The recovery targets an asset inherits: the strictest RTO and RPO among the processes that
   * depend on it through the graph, and which process sets each (null when none depends on it). For
   * a supplier, {@code guaranteedRecoveryTime} is what its SLA promises and {@code
   * supplierMeetsRto} whether that is within the required RTO (null when either is unknown).
   */
  public record AssetRequirement(
      String assetId,
      String name,
      AssetKind kind,
      Duration requiredRto,
      String rtoSetBy,
      Duration requiredRpo,
      String rpoSetBy,
      Duration guaranteedRecoveryTime,
      Boolean supplierMeetsRto) {}

  /** The prioritisation of the whole BIA. */
  public record PrioritiesView(
      List<RankedProcess> processes,
      List<CrownJewelAssets> crownJewels,
      List<AssetRequirement> assets) {}

  /** A set of nodes that depend on each other in a circle (a strongly connected component). */
  public record Cycle(List<NodeRef> nodes) {}
}
