package nl.herstel.lessons.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of lessons learned. */
public final class LessonsCommands {
  private LessonsCommands() {}

  /**
   * Open the review of a closed incident: measure each restored process's recovery against the
   * targets that applied and propose a target revision for every RTO breach. Sent when
   * incident-service reports the incident closed; the review's id is the incident's id.
   *
   * @param title the incident's title as lessons knows it; nullable
   * @param severity the incident's severity as it was opened; nullable
   * @param summary how the incident was resolved; nullable
   * @param disruptedAt when the disruption began; the recovery clocks run from here
   * @param closedAt when the incident was closed
   * @param restorations when each process was restored, with the targets that applied then
   */
  public record OpenIncidentReview(
      @TargetAggregateIdentifier String incidentId,
      String title,
      Severity severity,
      String summary,
      Instant disruptedAt,
      Instant closedAt,
      List<RestoredProcess> restorations) {
    public OpenIncidentReview {
      restorations = restorations == null ? List.of() : List.copyOf(restorations);
    }
  }

  /**
   * A process restored during the incident, with the recovery targets the BIA had set for it when
   * the incident closed.
   *
   * @param name the process's name; nullable when lessons does not know the process
   * @param rto the recovery time objective; null when lessons does not know the process's targets
   * @param mtpd the maximum tolerable period of disruption; null likewise
   */
  public record RestoredProcess(
      String processId, String name, Instant restoredAt, Duration rto, Duration mtpd) {}
}
