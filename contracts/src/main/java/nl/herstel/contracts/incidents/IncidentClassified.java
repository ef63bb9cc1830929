package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An incident was given a category (again), in the terms of the threat analysis: ransomware,
 * flooding, a supplier failure… (DOMAIN.md, BIA step 2). Lessons learned count how often each
 * category occurs per year.
 *
 * @param incidentId the incident's id; the subject
 * @param category the category, e.g. {@code RANSOMWARE}
 * @param previous the category before; null the first time
 * @param reason why; nullable
 * @param classifiedBy who classified it
 * @param occurredAt when it was classified
 */
public record IncidentClassified(
    String incidentId,
    String category,
    String previous,
    String reason,
    String classifiedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public IncidentClassified {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(classifiedBy, "classifiedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
