package nl.herstel.plans.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An incident's story as plan-service heard it on herstel.incidents.v1, in the order things
 * happened: what an exercise seeded from the incident replays.
 *
 * @param disruptedAt when the disruption began: the start of the timeline
 * @param closedAt when the incident was closed; null while it is open
 * @param facts every fact, oldest first
 */
public record IncidentTimeline(
    String incidentId, String title, Instant disruptedAt, Instant closedAt, List<Fact> facts) {
  public IncidentTimeline {
    facts = List.copyOf(facts);
  }

  /** Whether the incident was closed. */
  public boolean closed() {
    return closedAt != null;
  }

  /**
   * One fact of the story.
   *
   * @param at when it happened
   * @param processId the business process it concerns, if one
   * @param by who did or decided it, if the event names them
   * @param description what happened, in words
   * @param recoveryTime for a restoration, disruption → restoration
   */
  public record Fact(
      IncidentFactKind kind,
      Instant at,
      String processId,
      String by,
      String description,
      Duration recoveryTime) {}
}
