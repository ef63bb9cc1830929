package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An asset that keeps business processes running (software, hardware, people, a supplier, data or a
 * facility) was recorded in the business impact analysis; see DOMAIN.md, BIA step 1.
 *
 * @param assetId the asset's id; the subject
 * @param name the asset's name
 * @param kind what kind of asset it is
 * @param description what the asset is; nullable
 * @param occurredAt when the asset was registered
 */
public record AssetRegistered(
    String assetId, String name, AssetKind kind, String description, Instant occurredAt)
    implements IntegrationEvent {

  public AssetRegistered {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return assetId;
  }
}
