package nl.herstel.incidents.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.incidents.api.EvidenceCommands.OpenEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.TransferEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.VerifyEvidenceItem;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An item of evidence in custody (DOMAIN.md, "preserve forensic traces and the chain of custody"):
 * an aggregate of its own, because the chain of custody outlives the recovery operation. Evidence
 * handed to the police or an insurer changes hands and is re-verified long after the incident
 * closed. It belongs to one incident, named in each of its events, which therefore read as before
 * evidence items had streams of their own. Whether a closed incident still takes new items is the
 * incident's rule, checked in the same transaction by {@link EvidenceRouting}.
 */
public class EvidenceItem {
  @AggregateIdentifier private String itemId;
  private String incidentId;
  private final Custody custody = new Custody();

  protected EvidenceItem() {}

  /** Takes the item into custody with its hash as collected; its collector is its custodian. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public void handle(OpenEvidenceItem command) {
    apply(Custody.register(command.registration().incidentId(), command.registration()));
  }

  /** Hands the item on, from its current custodian; see {@link Custody#transfer}. */
  @CommandHandler
  public void handle(TransferEvidenceItem command) {
    requireIncident(command.transfer().incidentId());
    apply(custody.transfer(incidentId, command.transfer()));
  }

  /** Records an integrity check; a mismatch is recorded as such, never refused. */
  @CommandHandler
  public Boolean handle(VerifyEvidenceItem command) {
    requireIncident(command.verification().incidentId());
    EvidenceVerified verified = custody.verify(incidentId, command.verification());
    apply(verified);
    return verified.matches();
  }

  /** An item is reached through its incident; under another incident it is unknown. */
  private void requireIncident(String incident) {
    if (!incidentId.equals(incident)) {
      throw new RuleViolation(
          "itemId", "Evidence item '" + itemId + "' is not in this incident's custody");
    }
  }

  @EventSourcingHandler
  void on(EvidenceRegistered event) {
    itemId = event.itemId();
    incidentId = event.incidentId();
    custody.on(event);
  }

  @EventSourcingHandler
  void on(EvidenceTransferred event) {
    custody.on(event);
  }
}
