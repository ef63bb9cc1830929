package nl.herstel.incidents.command;

import java.util.HashMap;
import java.util.Map;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.platform.domain.RuleViolation;

/**
 * The evidence items an {@link Incident} registered in its own stream, before evidence items became
 * aggregates of their own ({@link EvidenceItem}): their events stay where they were stored, so
 * their chain of custody continues here, one {@link Custody} per item. New items are never added.
 */
final class EvidenceLedger {
  private final Map<String, Custody> items = new HashMap<>();

  EvidenceTransferred transfer(String incidentId, TransferEvidence command) {
    return item(command.itemId()).transfer(incidentId, command);
  }

  EvidenceVerified verify(String incidentId, VerifyEvidence command) {
    return item(command.itemId()).verify(incidentId, command);
  }

  private Custody item(String itemId) {
    Custody custody = items.get(itemId);
    if (custody == null) {
      throw new RuleViolation(
          "itemId", "Evidence item '" + itemId + "' is not in this incident's custody");
    }
    return custody;
  }

  void on(EvidenceRegistered event) {
    items.computeIfAbsent(event.itemId(), id -> new Custody()).on(event);
  }

  void on(EvidenceTransferred event) {
    items.get(event.itemId()).on(event);
  }
}
