package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.herstel.lessons.api.LessonsCommands.OpenIncidentReview;
import nl.herstel.lessons.api.LessonsCommands.RestoredProcess;
import nl.herstel.lessons.api.LessonsEvents.IncidentReviewOpened;
import nl.herstel.lessons.api.LessonsEvents.RecoveryMeasured;
import nl.herstel.lessons.api.LessonsEvents.TargetRevisionProposed;
import nl.herstel.lessons.api.Verdict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * What an organisation learns from one closed incident, identified by the incident's id. It turns
 * the incident's restorations into recovery information (how long recovering each process actually
 * took, held against its RTO and MTPD; DOMAIN.md, "Recovery information") and, for every RTO
 * breach, proposes a revision of the BIA's targets, which closes the improvement cycle (DOMAIN.md,
 * "Improve"). Evaluations, lessons and improvement actions will join it.
 */
public class IncidentReview {
  private static final Duration HOUR = Duration.ofHours(1);

  @AggregateIdentifier private String incidentId;

  protected IncidentReview() {}

  /**
   * Opens the review. An incident is reviewed once: should it be closed again (say after being
   * reopened), the first measurement stands and nothing new is recorded.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(OpenIncidentReview command) {
    if (incidentId != null) {
      return;
    }
    check(command);
    apply(
        new IncidentReviewOpened(
            command.incidentId(),
            command.title(),
            command.severity(),
            command.summary(),
            command.disruptedAt(),
            command.closedAt()));
    for (RestoredProcess restored : command.restorations()) {
      Duration actual =
          Duration.between(command.disruptedAt(), restored.restoredAt())
              .truncatedTo(ChronoUnit.SECONDS);
      Verdict verdict =
          restored.rto() == null ? null : Verdict.of(actual, restored.rto(), restored.mtpd());
      apply(
          new RecoveryMeasured(
              command.incidentId(),
              restored.processId(),
              restored.name(),
              restored.restoredAt(),
              actual,
              restored.rto(),
              restored.mtpd(),
              verdict));
      if (verdict == Verdict.RTO_BREACHED || verdict == Verdict.MTPD_BREACHED) {
        Duration proposedRto = roundedUpToTheHour(actual);
        apply(
            new TargetRevisionProposed(
                proposalId(command.incidentId(), restored.processId()),
                command.incidentId(),
                restored.processId(),
                restored.name(),
                restored.rto(),
                actual,
                proposedRto,
                rationale(command, restored, actual, proposedRto, verdict)));
      }
    }
  }

  @EventSourcingHandler
  void on(IncidentReviewOpened event) {
    incidentId = event.incidentId();
  }

  private static void check(OpenIncidentReview command) {
    if (command.disruptedAt() == null) {
      throw new RuleViolation("disruptedAt", "When the disruption began is required");
    }
    Set<String> seen = new HashSet<>();
    for (RestoredProcess restored : command.restorations()) {
      if (restored.processId() == null || restored.restoredAt() == null) {
        throw new RuleViolation("restorations", "A restoration names a process and a time");
      }
      if (!seen.add(restored.processId())) {
        throw new RuleViolation(
            "restorations", "Process " + restored.processId() + " is restored more than once");
      }
      if (restored.restoredAt().isBefore(command.disruptedAt())) {
        throw new RuleViolation(
            "restorations",
            "Process " + restored.processId() + " cannot be restored before the disruption began");
      }
    }
  }

  /** The same proposal id for the same incident and process, however often it is computed. */
  static String proposalId(String incidentId, String processId) {
    return UUID.nameUUIDFromBytes(
            ("proposal:" + incidentId + ":" + processId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** RTOs are set in whole hours: the actual recovery time, rounded up to the next whole hour. */
  static Duration roundedUpToTheHour(Duration actual) {
    long hours = actual.toSeconds() / HOUR.toSeconds();
    return actual.equals(Duration.ofHours(hours)) ? actual : Duration.ofHours(hours + 1);
  }

  private static String rationale(
      OpenIncidentReview command,
      RestoredProcess restored,
      Duration actual,
      Duration proposedRto,
      Verdict verdict) {
    String process = restored.name() != null ? restored.name() : "process " + restored.processId();
    String incident =
        command.title() != null
            ? "'" + command.title() + "', " + command.incidentId()
            : command.incidentId();
    StringBuilder text =
        new StringBuilder()
            .append("Recovery of ")
            .append(process)
            .append(" took ")
            .append(readable(actual))
            .append(" against an RTO of ")
            .append(readable(restored.rto()))
            .append(" (incident ")
            .append(incident)
            .append(").");
    if (verdict == Verdict.MTPD_BREACHED) {
      text.append(" It also outlasted the MTPD of ")
          .append(readable(restored.mtpd()))
          .append(": the outage became critical, so recovery must get faster or the MTPD be")
          .append(" revised as well.");
    }
    text.append(" Either make recovery faster or accept an RTO of ")
        .append(readable(proposedRto))
        .append("; the process owner decides.");
    return text.toString();
  }

  /** A duration as people write it: 11h, 10h30m, 45m, 2h0m5s. */
  static String readable(Duration duration) {
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0 || (hours > 0 && seconds > 0)) {
      text.append(minutes).append('m');
    }
    if (seconds > 0 || text.isEmpty()) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
