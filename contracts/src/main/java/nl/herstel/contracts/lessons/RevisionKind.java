package nl.herstel.contracts.lessons;

/**
 * Which figure of the BIA a revision proposal would change (DOMAIN.md, BIA step 3 and "Improve").
 */
public enum RevisionKind {
  /** A process's recovery time objective. */
  RTO,
  /** A process's maximum tolerable period of disruption. */
  MTPD,
  /** A process's recovery point objective: how much data loss is acceptable. */
  RPO
}
