package nl.herstel.contracts.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A business process an incident disrupts, found through the BIA dependency graph, with the clocks
 * that started when the disruption began: recovery within the RTO (how long recovery to an
 * acceptable level may take) and before the MTPD (after how long the outage becomes critical); see
 * DOMAIN.md. A value inside {@link IncidentOpened}, not an event.
 *
 * <p>Durations travel as ISO-8601 strings in whole seconds (the schema's {@code duration} format
 * allows no fractions), so a sub-second part is dropped on construction.
 *
 * @param processId the disrupted process
 * @param name the process's name
 * @param rto the process's recovery time objective
 * @param mtpd the process's maximum tolerable period of disruption
 * @param rtoDeadline the disruption's start plus the RTO
 * @param mtpdDeadline the disruption's start plus the MTPD
 * @param rpo the process's recovery point objective (how much data, counted back from the
 *     disruption, may be lost); null when the BIA set none. Added later: absent in older payloads.
 */
public record AffectedProcess(
    String processId,
    String name,
    Duration rto,
    Duration mtpd,
    Instant rtoDeadline,
    Instant mtpdDeadline,
    Duration rpo) {

  public AffectedProcess {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(name, "name");
    rto = Objects.requireNonNull(rto, "rto").truncatedTo(ChronoUnit.SECONDS);
    mtpd = Objects.requireNonNull(mtpd, "mtpd").truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(rtoDeadline, "rtoDeadline");
    Objects.requireNonNull(mtpdDeadline, "mtpdDeadline");
    rpo = rpo == null ? null : rpo.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A process without a known RPO. */
  public AffectedProcess(
      String processId,
      String name,
      Duration rto,
      Duration mtpd,
      Instant rtoDeadline,
      Instant mtpdDeadline) {
    this(processId, name, rto, mtpd, rtoDeadline, mtpdDeadline, null);
  }
}
