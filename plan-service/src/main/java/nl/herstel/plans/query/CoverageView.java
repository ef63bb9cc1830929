package nl.herstel.plans.query;

import java.time.Duration;
import java.util.List;

/**
 * A business process known from the BIA, its recovery targets (RTO: how long recovery may take;
 * MTPD: after how long an outage becomes critical; RPO: how much data loss is acceptable; see
 * DOMAIN.md) and the published plans that cover it.
 */
public record CoverageView(
    String processId,
    String name,
    boolean critical,
    boolean crownJewel,
    Duration rto,
    Duration mtpd,
    Duration rpo,
    CoverageStatus status,
    List<String> planIds) {}
