package nl.herstel.plans.query;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A network description or diagram with its verification cycle.
 *
 * @param verifyBy when the next check is due: the last verification plus the interval
 * @param stale the check is overdue (or the document was never verified)
 */
@Schema(description = "A network document with its verification cycle")
public record NetworkDocumentView(
    String id,
    String title,
    String documentVersion,
    String owner,
    String location,
    Instant lastVerifiedAt,
    Duration verificationInterval,
    Instant verifyBy,
    boolean stale,
    Instant updatedAt) {}
