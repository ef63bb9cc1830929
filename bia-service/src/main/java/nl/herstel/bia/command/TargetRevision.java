package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A proposal to change a process's recovery targets, from an incident's lessons or by hand; the
 * process owner decides on it. This is where the improvement cycle closes (DOMAIN.md, "Improve").
 */
public class TargetRevision {
  @AggregateIdentifier private String revisionId;

  protected TargetRevision() {}

  @CommandHandler
  public TargetRevision(ProposeTargetRevision command) {
    if (command.proposedRto() == null
        || command.proposedRto().isNegative()
        || command.proposedRto().isZero()) {
      throw new RuleViolation("proposedRto", "The proposed RTO must be a positive duration");
    }
    apply(
        new TargetRevisionProposed(
            command.revisionId(),
            command.processId(),
            command.incidentId(),
            command.currentRto(),
            command.actualRecoveryTime(),
            command.proposedRto(),
            command.rationale(),
            command.proposedBy()));
  }

  @EventSourcingHandler
  void on(TargetRevisionProposed event) {
    revisionId = event.revisionId();
  }
}
