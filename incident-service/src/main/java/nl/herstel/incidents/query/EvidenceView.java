package nl.herstel.incidents.query;

import java.time.Instant;
import java.util.List;

/**
 * An item of evidence with its custody chain: who collected it, every hand-over since, and each
 * integrity re-verification. {@code integrity} is UNVERIFIED until the first re-verification, then
 * INTACT while every verification matched, and MISMATCH for good once one did not.
 */
public record EvidenceView(
    String itemId,
    String sha256,
    String description,
    String collectedBy,
    Instant collectedAt,
    String storageLocation,
    String custodian,
    String integrity,
    String registeredBy,
    Instant registeredAt,
    List<TransferView> transfers,
    List<VerificationView> verifications) {

  /** A hand-over from one custodian to the next; {@code by} recorded it. */
  public record TransferView(
      String from, String to, Instant at, String reason, String by, String role) {}

  /** An integrity re-verification; {@code matches} false flags the item. */
  public record VerificationView(
      String expectedSha256,
      String observedSha256,
      boolean matches,
      Instant verifiedAt,
      String by,
      String role) {}
}
