package nl.herstel.contracts.bia;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A business process was recorded in the business impact analysis, with its first recovery targets.
 * MTPD: after how long an outage becomes critical; RTO: how long recovery to an acceptable level
 * may take; RPO: how much data loss is acceptable (the age of the last usable backup). Crown jewels
 * (kroonjuwelen) are the processes that matter most; see DOMAIN.md, BIA steps 1, 3 and 4.
 *
 * <p>Durations travel as ISO-8601 strings in whole seconds (the schema's {@code duration} format
 * allows no fractions), so a sub-second part is dropped on construction.
 *
 * @param processId the process's id; the subject
 * @param name the process's name
 * @param description what the process does; nullable
 * @param critical whether the process is critical rather than supporting
 * @param crownJewel whether the process is one of the organisation's crown jewels
 * @param owner who owns the process; nullable
 * @param mtpd maximum tolerable period of disruption
 * @param rto recovery time objective
 * @param rpo recovery point objective; nullable where data loss does not matter
 * @param occurredAt when the process was registered
 */
public record ProcessRegistered(
    String processId,
    String name,
    String description,
    boolean critical,
    boolean crownJewel,
    String owner,
    Duration mtpd,
    Duration rto,
    Duration rpo,
    Instant occurredAt)
    implements IntegrationEvent {

  public ProcessRegistered {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(name, "name");
    mtpd = Objects.requireNonNull(mtpd, "mtpd").truncatedTo(ChronoUnit.SECONDS);
    rto = Objects.requireNonNull(rto, "rto").truncatedTo(ChronoUnit.SECONDS);
    rpo = rpo == null ? null : rpo.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }
}
