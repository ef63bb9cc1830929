package nl.herstel.contracts.incidents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A cost the incident caused, for the evaluation and the investment question the guide asks ("do we
 * have the right means or must we invest?").
 *
 * @param incidentId the incident's id; the subject
 * @param costId the cost's id
 * @param kind {@code LEGAL}, {@code HARDWARE}, {@code SOFTWARE}, {@code LABOUR} or {@code OTHER}
 * @param amount the amount, more than zero, in {@code currency}
 * @param currency the ISO 4217 currency code, e.g. {@code EUR}
 * @param description what it was spent on
 * @param incurredAt when the cost was incurred
 * @param occurredAt when it was recorded
 */
public record CostRecorded(
    String incidentId,
    String costId,
    String kind,
    BigDecimal amount,
    String currency,
    String description,
    Instant incurredAt,
    Instant occurredAt)
    implements IntegrationEvent {

  public CostRecorded {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(costId, "costId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(incurredAt, "incurredAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
