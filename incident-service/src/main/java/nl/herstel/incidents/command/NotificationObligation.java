package nl.herstel.incidents.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationOverdue;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.NotificationCommands.OpenNotificationObligation;
import nl.herstel.incidents.api.NotificationCommands.RecordObligationOverdue;
import nl.herstel.incidents.api.NotificationCommands.SubmitNotification;
import nl.herstel.platform.domain.NotFound;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A duty to notify an authority (DOMAIN.md, "Report the incident": the Data Protection Authority
 * within 72 hours, the NCSC, the police, the AIVD): an aggregate of its own, because the legal duty
 * outlives the recovery operation. It belongs to one incident, named in each of its events, which
 * therefore read as before obligations had streams of their own. The rules that need the incident
 * (not on a closed incident, one obligation per authority and incident, the clock suspended while
 * the incident is dismissed) are checked in the same transaction by {@link NotificationRouting}.
 */
public class NotificationObligation {
  @AggregateIdentifier private String obligationId;
  private String incidentId;
  private Obligation obligation;

  protected NotificationObligation() {}

  /** Registers the duty; the due time may not lie before the discovery it counts from. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public void handle(OpenNotificationObligation command) {
    apply(Obligation.register(command.registration().incidentId(), command.registration()));
  }

  /** Records the submission, once; also after the incident closed. */
  @CommandHandler
  public void handle(SubmitNotification command) {
    requireIncident(command.submission().incidentId());
    apply(obligation.submission(incidentId, command.submission()));
  }

  /** Records that the due time passed unsubmitted, once, as the incident's clock stands. */
  @CommandHandler
  public DeadlineOutcome handle(RecordObligationOverdue command) {
    if (!incidentId.equals(command.overdue().incidentId())) {
      return DeadlineOutcome.NO_LONGER_APPLIES;
    }
    DeadlineOutcome outcome =
        obligation.overdueOutcome(command.clock(), command.overdue().detectedAt());
    if (outcome == DeadlineOutcome.RECORDED) {
      apply(obligation.overdue(incidentId, obligationId, command.overdue().detectedAt()));
    }
    return outcome;
  }

  /** An obligation is reached through its incident; under another incident it is unknown. */
  private void requireIncident(String incident) {
    if (!incidentId.equals(incident)) {
      throw new NotFound("obligationId", "Notification obligation", obligationId);
    }
  }

  @EventSourcingHandler
  void on(NotificationObligationRegistered event) {
    obligationId = event.obligationId();
    incidentId = event.incidentId();
    obligation = Obligation.of(event);
  }

  @EventSourcingHandler
  void on(NotificationSubmitted event) {
    obligation = obligation.submitted(event.submittedAt());
  }

  @EventSourcingHandler
  void on(NotificationOverdue event) {
    obligation = obligation.markOverdue();
  }
}
