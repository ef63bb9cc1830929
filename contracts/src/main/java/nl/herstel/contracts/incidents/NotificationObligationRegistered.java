package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * The incident obliges the organisation to notify an authority, by law (the Data Protection
 * Authority, NCSC) or by policy (police, AIVD); lessons learned measure whether it was on time.
 *
 * @param incidentId the incident's id; the subject
 * @param obligationId the obligation's id
 * @param authority {@code DATA_PROTECTION_AUTHORITY}, {@code NCSC}, {@code POLICE} or {@code AIVD}
 * @param legalBasis the law or policy that obliges it
 * @param discoveredAt when the organisation became aware of what must be notified
 * @param dueAt when the notification is due; null when no deadline applies
 * @param occurredAt when the obligation was registered
 */
public record NotificationObligationRegistered(
    String incidentId,
    String obligationId,
    String authority,
    String legalBasis,
    Instant discoveredAt,
    Instant dueAt,
    Instant occurredAt)
    implements IntegrationEvent {

  public NotificationObligationRegistered {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(obligationId, "obligationId");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(discoveredAt, "discoveredAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
