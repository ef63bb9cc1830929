package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.lessons.api.ActionDetails;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.ActionTarget;
import nl.herstel.lessons.api.ImprovementCommands.AddProgressNote;
import nl.herstel.lessons.api.ImprovementCommands.ChangeActionStatus;
import nl.herstel.lessons.api.ImprovementCommands.RecordImprovementAction;
import nl.herstel.lessons.api.ImprovementCommands.ReviseImprovementAction;
import nl.herstel.lessons.api.ImprovementEvents.ActionStatusChanged;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRecorded;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRevised;
import nl.herstel.lessons.api.ImprovementEvents.ProgressNoteAdded;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * An improvement action (DOMAIN.md, "Improve"): what must get better after an incident, in the BIA,
 * a plan or scenario card, a backup policy or training; who does it, by when, how urgent, and how
 * far it got. Its own aggregate: an action outlives the incident and evaluation it came from.
 */
public class ImprovementAction {
  @AggregateIdentifier private String actionId;
  private ActionDetails details;
  private ActionStatus status;
  private String incidentId;
  private String evaluationId;

  protected ImprovementAction() {}

  @CommandHandler
  public ImprovementAction(RecordImprovementAction command) {
    apply(
        new ImprovementActionRecorded(
            command.actionId(),
            checked(command.details()),
            command.incidentId(),
            command.evaluationId()));
  }

  @CommandHandler
  long handle(ReviseImprovementAction command) {
    ExpectedVersion.check("Improvement action", actionId, command.expectedVersion());
    if (status.closed()) {
      throw new Conflict(
          "status", "Improvement action " + actionId + " is " + status + " and no longer changes");
    }
    ActionDetails change = command.details();
    ActionDetails merged =
        new ActionDetails(
            change.title() == null ? details.title() : change.title(),
            change.description() == null
                ? details.description()
                : change.description().isBlank() ? null : change.description(),
            change.owner() == null ? details.owner() : change.owner(),
            change.due() == null ? details.due() : change.due(),
            change.priority() == null ? details.priority() : change.priority(),
            change.target() == null ? details.target() : change.target());
    apply(
        new ImprovementActionRevised(actionId, checked(merged), status, incidentId, evaluationId));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  long handle(ChangeActionStatus command) {
    ExpectedVersion.check("Improvement action", actionId, command.expectedVersion());
    ActionStatus next = command.status();
    if (!status.mayBecome(next)) {
      throw new Conflict(
          "status",
          "Improvement action " + actionId + " is " + status + "; it cannot become " + next);
    }
    String reason =
        command.reason() == null || command.reason().isBlank() ? null : command.reason();
    if (next == ActionStatus.WONT_DO && reason == null) {
      throw new RuleViolation("reason", "Say why the action will not be done");
    }
    apply(
        new ActionStatusChanged(actionId, status, next, reason, details, incidentId, evaluationId));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  long handle(AddProgressNote command) {
    if (command.text() == null || command.text().isBlank()) {
      throw new RuleViolation("text", "A note says something");
    }
    apply(new ProgressNoteAdded(actionId, command.text().strip()));
    return AggregateLifecycle.getVersion();
  }

  @EventSourcingHandler
  void on(ImprovementActionRecorded event) {
    actionId = event.actionId();
    details = event.details();
    status = ActionStatus.OPEN;
    incidentId = event.incidentId();
    evaluationId = event.evaluationId();
  }

  @EventSourcingHandler
  void on(ImprovementActionRevised event) {
    details = event.details();
  }

  @EventSourcingHandler
  void on(ActionStatusChanged event) {
    status = event.status();
  }

  static ActionDetails checked(ActionDetails details) {
    ActionTarget target = details.target();
    if (details.title().isBlank()) {
      throw new RuleViolation("title", "An action has a title");
    }
    if (details.owner().isBlank()) {
      throw new RuleViolation("owner", "An action has an owner");
    }
    if (target.kind() == ActionTarget.Kind.SCENARIO_CARD
        && (target.planId() == null || target.planId().isBlank())) {
      throw new RuleViolation("target.planId", "A scenario card is named with its plan's id");
    }
    if (target.kind() != ActionTarget.Kind.SCENARIO_CARD && target.planId() != null) {
      throw new RuleViolation("target.planId", "Only a scenario card names a plan");
    }
    return new ActionDetails(
        details.title().strip(),
        details.description() == null || details.description().isBlank()
            ? null
            : details.description(),
        details.owner().strip(),
        details.due(),
        details.priority(),
        target);
  }
}
