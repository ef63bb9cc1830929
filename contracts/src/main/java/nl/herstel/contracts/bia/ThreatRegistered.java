package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A threat was added to the BIA's threat analysis (dreigingsanalyse, DOMAIN.md BIA step 2): cyber
 * criminals, but also loss of internet, power or flooding. Scenario cards of recovery plans answer
 * threats.
 *
 * @param threatId the threat; the subject
 * @param name the threat's name, e.g. "Ransomware"
 * @param description what it is; nullable
 * @param likelihood how likely, 1 (rare) to 5 (almost certain)
 * @param occurredAt when it was registered
 */
public record ThreatRegistered(
    String threatId, String name, String description, int likelihood, Instant occurredAt)
    implements IntegrationEvent {

  public ThreatRegistered {
    Objects.requireNonNull(threatId, "threatId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return threatId;
  }
}
