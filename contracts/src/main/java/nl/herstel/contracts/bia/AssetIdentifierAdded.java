package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An asset gained an identifier by which SOC tools may name it (a host name, FQDN, address, CIDR
 * range, cloud resource id, CMDB id or alias). An identifier belongs to at most one asset; the
 * value is in the normal form of {@link AssetIdentifiers}.
 *
 * @param assetId the asset's id; the subject
 * @param identifierId the identifier's id, unique within the asset
 * @param kind what kind of identifier it is
 * @param value the identifier in normal form
 * @param occurredAt when it was added
 */
public record AssetIdentifierAdded(
    String assetId, String identifierId, IdentifierKind kind, String value, Instant occurredAt)
    implements IntegrationEvent {

  public AssetIdentifierAdded {
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
