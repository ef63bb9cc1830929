package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import nl.herstel.bia.api.BiaCommands.DecideTargetRevision;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.platform.domain.Conflict;
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
  private String processId;
  private Duration proposedRto;
  private Duration proposedMtpd;
  private boolean decided;

  /** What was proposed, as answered to the one who decides. */
  public record Proposal(String processId, Duration proposedRto, Duration proposedMtpd) {}

  protected TargetRevision() {}

  @CommandHandler
  public TargetRevision(ProposeTargetRevision command) {
    if (command.proposedRto() == null
        || command.proposedRto().isNegative()
        || command.proposedRto().isZero()) {
      throw new RuleViolation("proposedRto", "The proposed RTO must be a positive duration");
    }
    if (command.proposedMtpd() != null
        && command.proposedRto().compareTo(command.proposedMtpd()) > 0) {
      throw new RuleViolation("proposedRto", "The proposed RTO must not exceed the proposed MTPD");
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
            command.proposedBy(),
            command.proposedMtpd()));
  }

  /** Accepts or rejects the revision once; answers the proposal. */
  @CommandHandler
  public Proposal handle(DecideTargetRevision command) {
    if (decided) {
      throw new Conflict("Target revision " + revisionId + " has already been decided");
    }
    apply(new TargetRevisionDecided(revisionId, processId, command.accept(), command.reason()));
    return new Proposal(processId, proposedRto, proposedMtpd);
  }

  @EventSourcingHandler
  void on(TargetRevisionProposed event) {
    revisionId = event.revisionId();
    processId = event.processId();
    proposedRto = event.proposedRto();
    proposedMtpd = event.proposedMtpd();
  }

  @EventSourcingHandler
  void on(TargetRevisionDecided event) {
    decided = true;
  }
}
