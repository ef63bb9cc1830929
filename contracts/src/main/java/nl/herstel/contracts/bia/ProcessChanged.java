package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A business process's details (not its recovery targets, which travel as {@link
 * RecoveryTargetsSet}) were changed. Carries the details as they now stand, so a consumer replaces
 * its copy rather than applying a difference.
 *
 * @param processId the process's id; the subject
 * @param name the process's name
 * @param description what the process does; nullable
 * @param critical whether the process is critical rather than supporting
 * @param crownJewel whether the process is one of the organisation's crown jewels
 * @param owner who owns the process; nullable
 * @param occurredAt when the details were changed
 */
public record ProcessChanged(
    String processId,
    String name,
    String description,
    boolean critical,
    boolean crownJewel,
    String owner,
    Instant occurredAt)
    implements IntegrationEvent {

  public ProcessChanged {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }
}
