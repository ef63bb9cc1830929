package nl.herstel.contracts.bia;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A process's recovery targets were set, by hand or by accepting a target revision that lessons
 * learned proposed. MTPD: after how long an outage becomes critical; RTO: how long recovery to an
 * acceptable level may take; RPO: how much data loss is acceptable. See DOMAIN.md, BIA step 3 and
 * "Improve".
 *
 * <p>Durations travel as ISO-8601 strings in whole seconds (the schema's {@code duration} format
 * allows no fractions), so a sub-second part is dropped on construction.
 *
 * @param processId the process whose targets changed; the subject
 * @param mtpd maximum tolerable period of disruption
 * @param rto recovery time objective
 * @param rpo recovery point objective; nullable where data loss does not matter
 * @param source whether the targets were set by hand or by an accepted revision
 * @param revisionId the accepted revision proposal; nullable, set when {@code source} is {@code
 *     REVISION}
 * @param reason why the targets changed; nullable
 * @param occurredAt when the targets were set
 */
public record RecoveryTargetsSet(
    String processId,
    Duration mtpd,
    Duration rto,
    Duration rpo,
    TargetSource source,
    String revisionId,
    String reason,
    Instant occurredAt)
    implements IntegrationEvent {

  public RecoveryTargetsSet {
    Objects.requireNonNull(processId, "processId");
    mtpd = Objects.requireNonNull(mtpd, "mtpd").truncatedTo(ChronoUnit.SECONDS);
    rto = Objects.requireNonNull(rto, "rto").truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(source, "source");
    rpo = rpo == null ? null : rpo.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return processId;
  }
}
