package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.lessons.api.LessonsCommands.ActivatedPlan;
import nl.herstel.lessons.api.LessonsCommands.OpenIncidentReview;
import nl.herstel.lessons.api.LessonsCommands.RestoredProcess;
import nl.herstel.lessons.api.LessonsEvents.ExerciseRequested;
import nl.herstel.lessons.api.LessonsEvents.IncidentReviewOpened;
import nl.herstel.lessons.api.LessonsEvents.PlanRevisionRequested;
import nl.herstel.lessons.api.LessonsEvents.RecoveryMeasured;
import nl.herstel.lessons.api.LessonsEvents.RevisionProposed;
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
 * "Improve"): the RTO for a breach, the MTPD when recovery outlasted it, the RPO when more data was
 * lost than it allows (data loss: from the point the data was restored to up to the disruption).
 * Evaluations, lessons and improvement actions will join it.
 */
public class IncidentReview {
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
    List<RestoredProcess> breached = new ArrayList<>();
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
        breached.add(restored);
        Duration proposedRto = Figures.roundedUpToTheHour(actual);
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
      if (verdict == Verdict.MTPD_BREACHED) {
        proposeMtpd(command, restored, actual);
      }
      if (restored.rpo() != null && restored.dataRestoredTo() != null) {
        Duration dataLoss = dataLoss(command.disruptedAt(), restored.dataRestoredTo());
        if (dataLoss.compareTo(restored.rpo()) > 0) {
          proposeRpo(command, restored, dataLoss);
        }
      }
    }
    if (!breached.isEmpty()) {
      requestPlanReviewsAndExercises(command, breached);
    }
  }

  /**
   * Recovery breached a target while plans were followed: each plan activated should be reviewed
   * and each scenario card followed exercised (DOMAIN.md, "Improve"). lessons does not know which
   * processes a plan covers; a plan activated for the incident counts as covering the processes it
   * disrupted.
   */
  private void requestPlanReviewsAndExercises(
      OpenIncidentReview command, List<RestoredProcess> breached) {
    List<String> processIds = breached.stream().map(RestoredProcess::processId).toList();
    String names = String.join(", ", breached.stream().map(IncidentReview::processName).toList());
    Map<String, ActivatedPlan> plans = new LinkedHashMap<>();
    command.activatedPlans().forEach(plan -> plans.put(plan.planId(), plan));
    for (ActivatedPlan plan : plans.values()) {
      apply(
          new PlanRevisionRequested(
              Figures.proposalId("plan-review", command.incidentId(), plan.planId()),
              command.incidentId(),
              plan.planId(),
              plan.planVersion(),
              processIds,
              "Recovery of "
                  + names
                  + " breached its targets while this plan was followed (incident "
                  + incidentName(command)
                  + "): review the plan."));
    }
    Set<String> cards = new HashSet<>();
    for (ActivatedPlan plan : command.activatedPlans()) {
      if (plan.scenarioCardId() == null
          || !cards.add(plan.planId() + "\u0000" + plan.scenarioCardId())) {
        continue;
      }
      apply(
          new ExerciseRequested(
              Figures.proposalId(
                  "exercise", command.incidentId(), plan.planId(), plan.scenarioCardId()),
              command.incidentId(),
              plan.planId(),
              plan.scenarioCardId(),
              processIds,
              "Recovery of "
                  + names
                  + " breached its targets while this scenario card was followed (incident "
                  + incidentName(command)
                  + "): exercise it."));
    }
  }

  /**
   * The recovery outlasted the MTPD: either the outage really became critical (then recovery must
   * get faster and the MTPD stands) or the organisation coped longer than the BIA assumed (then a
   * longer MTPD, the recovery time rounded up to the hour, is the lesson).
   */
  private void proposeMtpd(OpenIncidentReview command, RestoredProcess restored, Duration actual) {
    Duration proposed = Figures.roundedUpToTheHour(actual);
    apply(
        new RevisionProposed(
            Figures.proposalId(
                RevisionKind.MTPD.name(), command.incidentId(), restored.processId()),
            RevisionKind.MTPD,
            command.incidentId(),
            restored.processId(),
            restored.name(),
            restored.mtpd(),
            proposed,
            List.of(new Evidence(command.incidentId(), "RECOVERY_TIME", actual, restored.mtpd())),
            "Recovery of "
                + processName(restored)
                + " took "
                + readable(actual)
                + ", longer than its MTPD of "
                + readable(restored.mtpd())
                + " (incident "
                + incidentName(command)
                + "). If the outage really became critical, keep the MTPD and make recovery"
                + " faster; if the business coped, accept an MTPD of "
                + readable(proposed)
                + ". The process owner decides."));
  }

  /**
   * More data was lost than the RPO allows: either backups must be taken more often (the RPO
   * stands) or the larger loss is acceptable (an RPO of the loss, rounded up to the hour).
   */
  private void proposeRpo(OpenIncidentReview command, RestoredProcess restored, Duration dataLoss) {
    Duration proposed = Figures.roundedUpToTheHour(dataLoss);
    apply(
        new RevisionProposed(
            Figures.proposalId(RevisionKind.RPO.name(), command.incidentId(), restored.processId()),
            RevisionKind.RPO,
            command.incidentId(),
            restored.processId(),
            restored.name(),
            restored.rpo(),
            proposed,
            List.of(new Evidence(command.incidentId(), "DATA_LOSS", dataLoss, restored.rpo())),
            "The data of "
                + processName(restored)
                + " was restored to "
                + restored.dataRestoredTo()
                + ", "
                + readable(dataLoss)
                + " before the disruption began: more data was lost than its RPO of "
                + readable(restored.rpo())
                + " allows (incident "
                + incidentName(command)
                + "). Either back up more often to keep the RPO, or accept an RPO of "
                + readable(proposed)
                + ". The process owner decides."));
  }

  /**
   * The data lost: from the point the data was restored to up to the disruption; never negative.
   */
  static Duration dataLoss(Instant disruptedAt, Instant dataRestoredTo) {
    Duration loss = Duration.between(dataRestoredTo, disruptedAt).truncatedTo(ChronoUnit.SECONDS);
    return loss.isNegative() ? Duration.ZERO : loss;
  }

  private static String processName(RestoredProcess restored) {
    return restored.name() != null ? restored.name() : "process " + restored.processId();
  }

  private static String incidentName(OpenIncidentReview command) {
    return command.title() != null
        ? "'" + command.title() + "', " + command.incidentId()
        : command.incidentId();
  }

  private static String readable(Duration duration) {
    return Figures.readable(duration);
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
    return Figures.proposalId(incidentId, processId);
  }

  private static String rationale(
      OpenIncidentReview command,
      RestoredProcess restored,
      Duration actual,
      Duration proposedRto,
      Verdict verdict) {
    String process = processName(restored);
    String incident = incidentName(command);
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
}
