package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * The impact a threat would have on a business process was rated (replacing an earlier rating).
 *
 * @param threatId the threat; the subject
 * @param processId the process it would hit
 * @param impact how hard, 1 (negligible) to 5 (catastrophic)
 * @param occurredAt when it was rated
 */
public record ThreatImpactRated(String threatId, String processId, int impact, Instant occurredAt)
    implements IntegrationEvent {

  public ThreatImpactRated {
    Objects.requireNonNull(threatId, "threatId");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return threatId;
  }
}
