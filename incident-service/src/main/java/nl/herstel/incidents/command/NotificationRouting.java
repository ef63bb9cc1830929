package nl.herstel.incidents.command;

import java.util.function.Supplier;
import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationOverdue;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RegisterNotificationObligation;
import nl.herstel.incidents.api.NotificationClock;
import nl.herstel.incidents.api.NotificationCommands.AdmitNotificationObligation;
import nl.herstel.incidents.api.NotificationCommands.CheckNotificationClock;
import nl.herstel.incidents.api.NotificationCommands.OpenNotificationObligation;
import nl.herstel.incidents.api.NotificationCommands.RecordIncidentNotificationOverdue;
import nl.herstel.incidents.api.NotificationCommands.RecordObligationOverdue;
import nl.herstel.incidents.api.NotificationCommands.SubmitIncidentNotification;
import nl.herstel.incidents.api.NotificationCommands.SubmitNotification;
import nl.herstel.platform.domain.Conflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Notification obligations across two aggregates, on the command side: a new obligation needs an
 * incident that is not closed ({@link Incident}), claims its incident and authority (one obligation
 * per authority and incident, {@link RecordStreams}) and opens a stream of its own ({@link
 * NotificationObligation}); a submission or the overdue clock goes to where the obligation lives:
 * its own stream, with the incident's clock state (suspended while dismissed), or, for an
 * obligation registered before obligations had streams of their own, its incident's stream. Each
 * handler sends its commands in its own command's unit of work, so they run in one database
 * transaction: a refused obligation stores nothing, not even its claim.
 */
public class NotificationRouting {
  private final Supplier<CommandGateway> commands;
  private final RecordStreams streams;

  public NotificationRouting(Supplier<CommandGateway> commands, RecordStreams streams) {
    this.commands = commands;
    this.streams = streams;
  }

  /** The incident admits the obligation, its claim is recorded, then the obligation opens. */
  @CommandHandler
  public void handle(RegisterNotificationObligation command) {
    commands
        .get()
        .sendAndWait(
            new AdmitNotificationObligation(
                command.incidentId(), command.obligationId(), command.authority()));
    String claim = command.incidentId() + "/" + command.authority().name();
    if (!streams.open(
        command.obligationId(),
        command.incidentId(),
        RecordStreams.NOTIFICATION_OBLIGATION,
        claim)) {
      if (streams.claimant(claim).isPresent()) {
        throw new Conflict(
            "Incident "
                + command.incidentId()
                + " has an obligation to notify "
                + command.authority());
      }
      throw new Conflict("Notification obligation " + command.obligationId() + " exists already");
    }
    commands.get().sendAndWait(new OpenNotificationObligation(command.obligationId(), command));
  }

  @CommandHandler
  public void handle(RecordNotificationSubmission command) {
    if (streams.ownStream(command.incidentId(), command.obligationId())) {
      commands.get().sendAndWait(new SubmitNotification(command.obligationId(), command));
    } else {
      commands.get().sendAndWait(new SubmitIncidentNotification(command.incidentId(), command));
    }
  }

  /** Sent by the deadline clock; answers what happened. */
  @CommandHandler
  public DeadlineOutcome handle(RecordNotificationOverdue command) {
    if (!streams.ownStream(command.incidentId(), command.obligationId())) {
      return commands
          .get()
          .sendAndWait(new RecordIncidentNotificationOverdue(command.incidentId(), command));
    }
    NotificationClock clock =
        commands.get().sendAndWait(new CheckNotificationClock(command.incidentId()));
    return commands
        .get()
        .sendAndWait(new RecordObligationOverdue(command.obligationId(), command, clock));
  }
}
