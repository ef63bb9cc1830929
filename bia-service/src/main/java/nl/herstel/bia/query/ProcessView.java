package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A business process as the BIA currently knows it, with the assets that support it. */
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
    List<String> supportedBy) {}
