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
}
