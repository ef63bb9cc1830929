package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A business process was retired from the BIA: it stays in the history, but nothing new may depend
 * on it and plans need no longer cover it.
 *
 * @param processId the retired process; the subject
 * @param reason why it was retired; nullable
 * @param occurredAt when it was retired
 */
public record ProcessRetired(String processId, String reason, Instant occurredAt)
    implements IntegrationEvent {

  public ProcessRetired {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }
}
