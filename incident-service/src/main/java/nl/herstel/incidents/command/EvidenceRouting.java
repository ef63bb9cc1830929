package nl.herstel.incidents.command;

import java.util.function.Supplier;
import nl.herstel.incidents.api.EvidenceCommands.AdmitEvidence;
import nl.herstel.incidents.api.EvidenceCommands.OpenEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.TransferEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.TransferIncidentEvidence;
import nl.herstel.incidents.api.EvidenceCommands.VerifyEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.VerifyIncidentEvidence;
import nl.herstel.incidents.api.IncidentCommands.RegisterEvidence;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.platform.domain.Conflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Evidence custody across two aggregates, on the command side: a new item needs an incident that is
 * not closed ({@link Incident}) and opens a stream of its own ({@link EvidenceItem}); a hand-over
 * or integrity check goes to where the item lives: its own stream, or, for an item registered
 * before items had streams of their own, its incident's stream ({@link RecordStreams} knows which).
 * Each handler sends its commands in its own command's unit of work, so they run in one database
 * transaction: a refused item stores nothing, not even its stream's row.
 */
public class EvidenceRouting {
  private final Supplier<CommandGateway> commands;
  private final RecordStreams streams;

  public EvidenceRouting(Supplier<CommandGateway> commands, RecordStreams streams) {
    this.commands = commands;
    this.streams = streams;
  }

  /** The incident admits the item, the item's stream is recorded, then the item opens. */
  @CommandHandler
  public void handle(RegisterEvidence command) {
    commands.get().sendAndWait(new AdmitEvidence(command.incidentId(), command.itemId()));
    if (!streams.open(command.itemId(), command.incidentId(), RecordStreams.EVIDENCE_ITEM, null)) {
      throw new Conflict("Evidence item " + command.itemId() + " is registered already");
    }
    commands.get().sendAndWait(new OpenEvidenceItem(command.itemId(), command));
  }

  @CommandHandler
  public void handle(TransferEvidence command) {
    if (streams.ownStream(command.incidentId(), command.itemId())) {
      commands.get().sendAndWait(new TransferEvidenceItem(command.itemId(), command));
    } else {
      commands.get().sendAndWait(new TransferIncidentEvidence(command.incidentId(), command));
    }
  }

  /** Answers whether the item's hash matched. */
  @CommandHandler
  public Boolean handle(VerifyEvidence command) {
    if (streams.ownStream(command.incidentId(), command.itemId())) {
      return commands.get().sendAndWait(new VerifyEvidenceItem(command.itemId(), command));
    }
    return commands.get().sendAndWait(new VerifyIncidentEvidence(command.incidentId(), command));
  }
}
