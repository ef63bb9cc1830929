package nl.herstel.incidents.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentStatus;

/**
 * An incident as the read model currently knows it.
 *
 * @param assets the named assets the BIA knows
 * @param unresolvedAssets the named assets it does not know, by name
 * @param affectedProcesses the disrupted processes, most urgent RTO deadline first
 * @param restorations when processes were restored, as recorded at closure
 * @param transitions the lifecycle transitions, oldest first
 */
public record IncidentView(
    String id,
    String title,
    String description,
    Severity severity,
    IncidentStatus status,
    String source,
    String sourceId,
    Instant disruptedAt,
    Instant openedAt,
    List<AssetView> assets,
    List<String> unresolvedAssets,
    List<AffectedProcessView> affectedProcesses,
    Instant closedAt,
    String summary,
    List<RestorationView> restorations,
    List<TransitionView> transitions) {

  /** A lifecycle transition: from, to, why, by whom under which role, when. */
  public record TransitionView(
      IncidentStatus from, IncidentStatus to, String reason, String by, String role, Instant at) {}

  /** A BIA asset an alert named. */
  public record AssetView(String assetId, String name) {}

  /** A disrupted process with its RTO and MTPD and the deadlines they give. */
  public record AffectedProcessView(
      String processId,
      String name,
      Duration rto,
      Duration mtpd,
      Instant rtoDeadline,
      Instant mtpdDeadline) {}

  /** When a process was restored. */
  public record RestorationView(String processId, Instant restoredAt) {}
}
