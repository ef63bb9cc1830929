package nl.herstel.bia.query;

import java.time.Instant;
import nl.herstel.contracts.bia.AssetKind;

/** An asset as the BIA currently knows it. */
public record AssetView(
    String id,
    String name,
    AssetKind kind,
    String description,
    String status,
    Instant registeredAt,
    Instant retiredAt,
    String retirementReason) {}
