package nl.herstel.incidents.api;

import java.util.List;

/** The queries the incident read model, the BIA copy and the event store answer. */
public final class IncidentQueries {
  private IncidentQueries() {}

  /** One incident by id. */
  public record FindIncident(String incidentId) {}

  /** The most recently opened incidents, newest first. */
  public record ListIncidents(int limit) {}

  /** Every stored event of one incident with its metadata, in order; empty when unknown. */
  public record FindIncidentHistory(String incidentId) {}

  /**
   * Which of the named assets the BIA copy knows, by asset id or by exact name, ignoring case.
   * Answered with an {@code AssetResolution}.
   */
  public record ResolveAssets(List<String> references) {}

  /**
   * The processes that depend on the given assets, directly or through other assets and processes,
   * with their recovery targets.
   */
  public record FindAffectedProcesses(List<String> assetIds) {}
}
