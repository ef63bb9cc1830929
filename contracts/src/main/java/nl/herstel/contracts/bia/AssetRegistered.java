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
 * @param owner who is responsible for the asset; nullable
 * @param supplier what a supplier or IT service provider has promised; nullable (always for assets
 *     that are not suppliers, and for events published before the field existed)
 * @param occurredAt when the asset was registered
 */
public record AssetRegistered(
    String assetId,
    String name,
    AssetKind kind,
    String description,
    String owner,
    SupplierTerms supplier,
    Instant occurredAt)
    implements IntegrationEvent {

  public AssetRegistered {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** An asset without owner or supplier terms. */
  public AssetRegistered(
      String assetId, String name, AssetKind kind, String description, Instant occurredAt) {
    this(assetId, name, kind, description, null, null, occurredAt);
  }

  @Override
  public String subject() {
    return assetId;
  }
}
