package nl.herstel.lessons.query;

import java.time.Instant;
import nl.herstel.lessons.api.EvaluationContent;
import nl.herstel.lessons.api.EvaluationStatus;

/**
 * An evaluation of an incident as the read model holds it. {@code version} is its ETag; {@code
 * finalisedAt} and {@code finalisedBy} are set once it is FINAL.
 */
public record EvaluationView(
    String id,
    String incidentId,
    EvaluationStatus status,
    EvaluationContent content,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    Instant finalisedAt,
    String finalisedBy) {}
