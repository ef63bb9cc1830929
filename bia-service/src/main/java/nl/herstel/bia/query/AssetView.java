package nl.herstel.bia.query;

import java.time.Instant;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.SupplierTerms;

/**
 * An asset as the BIA currently knows it. {@code supplier} is null for assets that are not
 * suppliers; {@code version} is the aggregate's sequence number, for If-Match.
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
    long version) {}
