package nl.herstel.contracts.plans;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A restore test of a backup was recorded: how far back the data came (restore point, against the
 * RPO), how long it took (against the RTO), and whether it came back intact.
 *
 * @param testId the restore test; the subject
 * @param assetId the BIA asset restored
 * @param policyId the backup policy restored from
 * @param startedAt when the restore began (the moment of the simulated loss)
 * @param restorePoint the moment the data was restored to
 * @param duration how long the restore took
 * @param integrityVerified the hash after equals the hash before; null when not both were given
 * @param result SUCCEEDED, PARTIAL or FAILED
 * @param occurredAt when it was recorded
 */
public record RestoreTestRecorded(
    String testId,
    String assetId,
    String policyId,
    Instant startedAt,
    Instant restorePoint,
    Duration duration,
    Boolean integrityVerified,
    String result,
    Instant occurredAt)
    implements IntegrationEvent {

  public RestoreTestRecorded {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(restorePoint, "restorePoint");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return testId;
  }
}
