package nl.herstel.incidents.command;

import java.util.function.Supplier;
import nl.herstel.incidents.api.RecoveryCommands.AbsorbIncident;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryCommands.MergeIncidents;
import nl.herstel.incidents.api.RecoveryCommands.MergeIntoIncident;
import nl.herstel.incidents.api.RecoveryCommands.OpenSplitIncident;
import nl.herstel.incidents.api.RecoveryCommands.SplitIncident;
import nl.herstel.incidents.api.RecoveryCommands.SplitOffIncident;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Merging and splitting incidents: work that spans two Incident aggregates, as a small process
 * manager on the command side. Each handler sends the two halves in its own command's unit of work:
 * the halves run as nested units of work in the same database transaction, and their events are
 * stored when the outer command commits. A refused second half (the surviving incident is
 * dismissed, say) rolls the first back too: both histories record the merge or split, or neither.
 */
public class MergeAndSplit {
  private final Supplier<CommandGateway> commands;

  public MergeAndSplit(Supplier<CommandGateway> commands) {
    this.commands = commands;
  }

  /** The other incident records that it merged, then this one absorbs what it brought. */
  @CommandHandler
  public void handle(MergeIncidents command) {
    IncidentParts parts =
        commands
            .get()
            .sendAndWait(
                new MergeIntoIncident(
                    command.otherIncidentId(), command.incidentId(), command.reason()));
    commands
        .get()
        .sendAndWait(
            new AbsorbIncident(
                command.incidentId(), command.otherIncidentId(), parts, command.reason()));
  }

  /** The alerts leave this incident, then the new incident opens with them; answers what moved. */
  @CommandHandler
  public IncidentParts handle(SplitOffIncident command) {
    IncidentParts moved =
        commands
            .get()
            .sendAndWait(
                new SplitIncident(
                    command.incidentId(),
                    command.newIncidentId(),
                    command.alerts(),
                    command.reason()));
    commands
        .get()
        .sendAndWait(
            new OpenSplitIncident(
                command.newIncidentId(), command.incidentId(), moved, command.reason()));
    return moved;
  }
}
