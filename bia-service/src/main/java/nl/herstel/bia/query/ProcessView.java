package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A business process as the BIA currently knows it, with the processes and assets it depends on.
 * {@code version} is the aggregate's sequence number, for If-Match.
 */
public record ProcessView(
    String id,
    String name,
    String description,
    boolean critical,
    boolean crownJewel,
    String owner,
    Duration mtpd,
    Duration rto,
    Duration rpo,
    String status,
    Instant registeredAt,
    List<String> supportedBy,
    long version,
    Instant retiredAt,
    String retirementReason) {}
