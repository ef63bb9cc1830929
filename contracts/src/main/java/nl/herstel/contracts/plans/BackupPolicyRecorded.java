package nl.herstel.contracts.plans;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A backup policy of a BIA asset was registered or revised (DOMAIN.md, "Backup strategy"): it
 * exists, so improvement actions may target it. The settings themselves stay in plan-service.
 *
 * @param policyId the backup policy; the subject
 * @param assetId the BIA asset it backs up
 * @param name its name
 * @param occurredAt when it was registered or revised
 */
public record BackupPolicyRecorded(String policyId, String assetId, String name, Instant occurredAt)
    implements IntegrationEvent {

  public BackupPolicyRecorded {
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return policyId;
  }
}
