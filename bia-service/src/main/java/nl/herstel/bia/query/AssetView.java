package nl.herstel.bia.query;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.SupplierTerms;

/**
 * An asset as the BIA currently knows it. {@code supplier} is null for assets that are not
 * suppliers; {@code version} is the aggregate's sequence number, for If-Match; {@code identifiers}
 * are the other names SOC tools may use for it, in the order they were added.
 */
public record AssetView(
    String id,
    String name,
    AssetKind kind,
    String description,
    String owner,
    SupplierTerms supplier,
    String status,
    Instant registeredAt,
    Instant retiredAt,
    String retirementReason,
    long version,
    List<IdentifierView> identifiers) {

  public AssetView {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
  }

  /** The same asset with other identifiers. */
  public AssetView withIdentifiers(List<IdentifierView> replaced) {
    return new AssetView(
        id,
        name,
        kind,
        description,
        owner,
        supplier,
        status,
        registeredAt,
        retiredAt,
        retirementReason,
        version,
        replaced);
  }

  /**
   * A name SOC tools may use for the asset besides its business name.
   *
   * @param value in normal form: lower case, IPv6 compressed, a CIDR without host bits
   */
  public record IdentifierView(String id, IdentifierKind kind, String value) {}
}
