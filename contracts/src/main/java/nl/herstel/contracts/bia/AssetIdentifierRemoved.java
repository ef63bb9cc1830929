package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An asset lost one of its identifiers: SOC tools naming it so no longer reach this asset, and the
 * value is free for another asset. The value is in the normal form of {@link AssetIdentifiers}.
 *
 * @param assetId the asset's id; the subject
 * @param identifierId the identifier's id, unique within the asset
 * @param kind what kind of identifier it is
 * @param value the identifier in normal form
 * @param occurredAt when it was removed
 */
public record AssetIdentifierRemoved(
    String assetId, String identifierId, IdentifierKind kind, String value, Instant occurredAt)
    implements IntegrationEvent {

  public AssetIdentifierRemoved {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(identifierId, "identifierId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return assetId;
  }
}
