package nl.herstel.incidents.command;

import static nl.herstel.incidents.command.Times.EARLIEST;
import static nl.herstel.incidents.command.Times.notBefore;
import static nl.herstel.incidents.command.Times.notInTheFuture;
import static nl.herstel.incidents.command.Times.sha256;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.incidents.api.IncidentCommands.RegisterEvidence;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.platform.domain.RuleViolation;

/**
 * The chain of custody of one evidence item (DOMAIN.md, "preserve forensic traces and the chain of
 * custody"): its SHA-256 as collected, its current custodian and since when, and the rules a
 * registration, hand-over or integrity check keeps. It answers the event to apply; its owner (an
 * {@link EvidenceItem}, or for an item registered before items had streams of their own the {@link
 * EvidenceLedger} of its incident) applies it and assigns the state back through {@link #on}.
 */
final class Custody {
  private String hash;
  private String custodian;
  private Instant since;

  /** Takes an item into custody with its hash as collected; its collector is its custodian. */
  static EvidenceRegistered register(String incidentId, RegisterEvidence command) {
    String hash = sha256("sha256", command.sha256());
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
   * Hands the item on: only its current custodian can hand it, to someone else, not before it came
   * into their custody.
   */
  EvidenceTransferred transfer(String incidentId, TransferEvidence command) {
    if (!custodian.equalsIgnoreCase(command.from())) {
      throw new RuleViolation(
          "from", "'" + command.from() + "' is not the item's custodian; '" + custodian + "' is");
    }
    if (custodian.equalsIgnoreCase(command.to())) {
      throw new RuleViolation("to", "The item is in the custody of '" + custodian + "' already");
    }
    notBefore("at", command.at(), since, "the current custody began");
    notInTheFuture("at", command.at(), command.requestedAt());
    return new EvidenceTransferred(
        incidentId, command.itemId(), custodian, command.to(), command.at(), command.reason());
  }

  /** Records an integrity check; a mismatch is recorded as such, never refused. */
  EvidenceVerified verify(String incidentId, VerifyEvidence command) {
    String observed = sha256("sha256", command.observedSha256());
    notInTheFuture("verifiedAt", command.verifiedAt(), command.requestedAt());
    return new EvidenceVerified(
        incidentId, command.itemId(), hash, observed, hash.equals(observed), command.verifiedAt());
  }

  void on(EvidenceRegistered event) {
    hash = event.sha256();
    custodian = event.collectedBy();
    since = event.collectedAt();
  }

  void on(EvidenceTransferred event) {
    custodian = event.to();
    since = event.at();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Custody c
        && Objects.equals(hash, c.hash)
        && Objects.equals(custodian, c.custodian)
        && Objects.equals(since, c.since);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hash, custodian, since);
  }
}
