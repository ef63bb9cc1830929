package nl.herstel.plans.command;

import java.time.Duration;
import java.util.List;
import nl.herstel.plans.api.IncidentTimeline;
import nl.herstel.plans.api.PreparednessCommands.ReplayInject;

/**
 * Turns a past incident's timeline into an exercise's script (DOMAIN.md, "Exercise, test, train": a
 * team practises a real case): every fact becomes a step, in the order it happened, at its offset
 * from the disruption divided by the time compression. A fact recorded before the disruption it
 * describes (a clock skew, a back-dated disruption) is played at the start.
 */
final class IncidentReplay {
  private IncidentReplay() {}

  static List<ReplayInject> script(IncidentTimeline timeline, int compression) {
    if (compression < 1) {
      throw new IllegalArgumentException("compression must be at least 1");
    }
    return timeline.facts().stream()
        .map(
            f -> {
              Duration offset = Duration.between(timeline.disruptedAt(), f.at());
              Duration after = offset.isNegative() ? Duration.ZERO : offset.dividedBy(compression);
              return new ReplayInject(
                  f.processId(),
                  after,
                  f.recoveryTime(),
                  f.description(),
                  f.kind(),
                  f.at(),
                  f.by());
            })
        .toList();
  }
}
