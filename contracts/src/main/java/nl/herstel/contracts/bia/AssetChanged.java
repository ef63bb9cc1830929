package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An asset's details were changed. Carries the asset's details as they now stand, so a consumer
 * replaces its copy rather than applying a difference.
 *
 * @param assetId the asset's id; the subject
 * @param name the asset's name
 * @param kind what kind of asset it is
 * @param description what the asset is; nullable
 * @param owner who is responsible for the asset; nullable
 * @param supplier what a supplier or IT service provider has promised; nullable
 * @param occurredAt when the details were changed
 */
public record AssetChanged(
    String assetId,
    String name,
    AssetKind kind,
    String description,
    String owner,
    SupplierTerms supplier,
    Instant occurredAt)
    implements IntegrationEvent {

  public AssetChanged {
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
