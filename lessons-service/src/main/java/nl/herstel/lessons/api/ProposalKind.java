package nl.herstel.lessons.api;

/**
 * Which figure of the BIA a proposal of lessons would change (DOMAIN.md, "Improve"): a process's
 * recovery targets, or a threat's likelihood.
 */
public enum ProposalKind {
  /** A process's recovery time objective. */
  RTO,
  /** A process's maximum tolerable period of disruption. */
  MTPD,
  /** A process's recovery point objective. */
  RPO,
  /** A threat's likelihood, 1 (rare) to 5 (almost certain), from how often its category occurs. */
  THREAT_LIKELIHOOD
}
