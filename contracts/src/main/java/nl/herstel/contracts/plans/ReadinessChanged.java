package nl.herstel.contracts.plans;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * The readiness of a business process changed: whether its backups, restore tests, suppliers,
 * exercises, training and plans can deliver the BIA's RTO and RPO.
 *
 * @param processId the BIA process; the subject
 * @param outcome PASS, FAIL or UNKNOWN
 * @param failing the checks that fail, each with its reason; empty when none fails
 * @param occurredAt when the change was noticed
 */
public record ReadinessChanged(
    String processId, String outcome, List<FailingCheck> failing, Instant occurredAt)
    implements IntegrationEvent {

  public ReadinessChanged {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(outcome, "outcome");
    failing = List.copyOf(Objects.requireNonNull(failing, "failing"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }

  /**
   * A failing readiness check. A value inside {@link ReadinessChanged}.
   *
   * @param check e.g. BACKUP_INTERVAL, RANSOMWARE_COPY, EXERCISE
   * @param reason why it fails, in words
   */
  public record FailingCheck(String check, String reason) {
    public FailingCheck {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
