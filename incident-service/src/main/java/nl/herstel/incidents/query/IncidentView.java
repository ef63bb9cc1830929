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
 * @param decisions the decision log, oldest first
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
    List<TransitionView> transitions,
    List<DecisionView> decisions) {

  /**
   * A decision in the BOB structure, with who took it under which role and when.
   *
   * @param picture the facts known and unknown
   * @param judgement the options weighed and their risks
   * @param decision what was decided, why, under which mandate
   */
  public record DecisionView(
      String decisionId,
      Picture picture,
      Judgement judgement,
      Decision decision,
      String by,
      String role,
      Instant at) {}

  /** Beeldvorming: what is known and what is not. */
  public record Picture(List<String> known, List<String> unknown) {}

  /** Oordeelsvorming: the options and their risks. */
  public record Judgement(List<String> options, List<String> risks) {}

  /** Besluitvorming: what, why, and under which mandate. */
  public record Decision(String what, String rationale, String mandate) {}

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
