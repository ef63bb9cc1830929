package nl.herstel.incidents.command;

import static nl.herstel.incidents.command.Times.EARLIEST;
import static nl.herstel.incidents.command.Times.notBefore;
import static nl.herstel.incidents.command.Times.notInTheFuture;
import static nl.herstel.incidents.command.Times.sha256;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.herstel.incidents.api.IncidentCommands.RegisterEvidence;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;

/**
 * The chain of custody of an {@link Incident}'s evidence items (DOMAIN.md, evidence): per item its
 * SHA-256 as collected, its current custodian and since when, and the rules a registration,
 * hand-over or integrity check must keep. It answers the event to apply; the incident applies it
 * and assigns the state back through {@link #on}.
 */
final class EvidenceLedger {
  private final Map<String, String> hashes = new HashMap<>();
  private final Map<String, String> custodians = new HashMap<>();
  private final Map<String, Instant> custodySince = new HashMap<>();

  /** Takes an item into custody with its hash as collected; its collector is its custodian. */
  EvidenceRegistered register(String incidentId, RegisterEvidence command) {
    String hash = sha256("sha256", command.sha256());
    if (hashes.containsKey(command.itemId())) {
      throw new Conflict("Evidence item " + command.itemId() + " is registered already");
    }
    notBefore("collectedAt", command.collectedAt(), EARLIEST, "the earliest accepted time");
    notInTheFuture("collectedAt", command.collectedAt(), command.requestedAt());
    return new EvidenceRegistered(
        incidentId,
        command.itemId(),
        hash,
        command.description(),
        command.collectedBy(),
        command.collectedAt(),
        command.storageLocation());
  }

  /**
   * Hands an item on: only its current custodian can hand it, to someone else, not before it came
   * into their custody.
   */
  EvidenceTransferred transfer(String incidentId, TransferEvidence command) {
    requireItem(command.itemId());
    String custodian = custodians.get(command.itemId());
    if (!custodian.equalsIgnoreCase(command.from())) {
      throw new RuleViolation(
          "from", "'" + command.from() + "' is not the item's custodian; '" + custodian + "' is");
    }
    if (custodian.equalsIgnoreCase(command.to())) {
      throw new RuleViolation("to", "The item is in the custody of '" + custodian + "' already");
    }
    notBefore("at", command.at(), custodySince.get(command.itemId()), "the current custody began");
    notInTheFuture("at", command.at(), command.requestedAt());
    return new EvidenceTransferred(
        incidentId, command.itemId(), custodian, command.to(), command.at(), command.reason());
  }

  /** Records an integrity check; a mismatch is recorded as such, never refused. */
  EvidenceVerified verify(String incidentId, VerifyEvidence command) {
    requireItem(command.itemId());
    String observed = sha256("sha256", command.observedSha256());
    String expected = hashes.get(command.itemId());
    boolean matches = expected.equals(observed);
    notInTheFuture("verifiedAt", command.verifiedAt(), command.requestedAt());
    return new EvidenceVerified(
        incidentId, command.itemId(), expected, observed, matches, command.verifiedAt());
  }

  private void requireItem(String itemId) {
    if (!hashes.containsKey(itemId)) {
      throw new RuleViolation(
          "itemId", "Evidence item '" + itemId + "' is not in this incident's custody");
    }
  }

  void on(EvidenceRegistered event) {
    hashes.put(event.itemId(), event.sha256());
    custodians.put(event.itemId(), event.collectedBy());
    custodySince.put(event.itemId(), event.collectedAt());
  }

  void on(EvidenceTransferred event) {
    custodians.put(event.itemId(), event.to());
    custodySince.put(event.itemId(), event.at());
  }
}
