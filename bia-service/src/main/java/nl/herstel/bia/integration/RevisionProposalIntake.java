package nl.herstel.bia.integration;

import java.util.UUID;
import java.util.function.Supplier;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.platform.kafka.IncomingEvent;
import nl.herstel.platform.kafka.IntegrationEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Turns lessons-service's proposals into pending target revisions, which the process owner then
 * accepts or rejects. The revision id is derived from the proposal id, so a redelivered proposal
 * can never open a second revision. The contract event is written with its package: the internal
 * event that records the revision bears the same name.
 */
public class RevisionProposalIntake
    implements IntegrationEventHandler<nl.herstel.contracts.lessons.TargetRevisionProposed> {
  private final Supplier<CommandGateway> commands;

  public RevisionProposalIntake(Supplier<CommandGateway> commands) {
    this.commands = commands;
  }

  @Override
  public void handle(
      nl.herstel.contracts.lessons.TargetRevisionProposed event, IncomingEvent envelope) {
    commands
        .get()
        .sendAndWait(
            new ProposeTargetRevision(
                UUID.nameUUIDFromBytes(("revision:" + event.proposalId()).getBytes()).toString(),
                event.processId(),
                event.incidentId(),
                event.currentRto(),
                event.actualRecoveryTime(),
                event.proposedRto(),
                event.rationale(),
                "lessons-service",
                null));
  }
}
