package nl.herstel.contracts.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A business process an incident disrupts, found through the BIA dependency graph, with the clocks
 * that started when the disruption began: recovery within the RTO (how long recovery to an
 * acceptable level may take) and before the MTPD (after how long the outage becomes critical); see
 * DOMAIN.md. A value inside {@link IncidentOpened}, not an event.
 *
 * @param processId the disrupted process
 * @param name the process's name
 * @param rto the process's recovery time objective
 * @param mtpd the process's maximum tolerable period of disruption
 * @param rtoDeadline the disruption's start plus the RTO
 * @param mtpdDeadline the disruption's start plus the MTPD
 */
public record AffectedProcess(
    String processId,
    String name,
    Duration rto,
    Duration mtpd,
    Instant rtoDeadline,
    Instant mtpdDeadline) {

  public AffectedProcess {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(mtpd, "mtpd");
    Objects.requireNonNull(rtoDeadline, "rtoDeadline");
    Objects.requireNonNull(mtpdDeadline, "mtpdDeadline");
  }
}
