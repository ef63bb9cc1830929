package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A threat's likelihood was rated anew at the BIA.
 *
 * @param threatId the threat; the subject
 * @param likelihood how likely now, 1 (rare) to 5 (almost certain)
 * @param occurredAt when it was rated
 */
public record ThreatLikelihoodChanged(String threatId, int likelihood, Instant occurredAt)
    implements IntegrationEvent {

  public ThreatLikelihoodChanged {
    Objects.requireNonNull(threatId, "threatId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return threatId;
  }
}
