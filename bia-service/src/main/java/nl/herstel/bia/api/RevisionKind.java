package nl.herstel.bia.api;

/**
 * Which recovery target a target revision changes, or that it changes a threat's likelihood
 * (DOMAIN.md, BIA step 3 and "Improve"). Revisions stored before kinds existed are RTO revisions
 * (possibly with a new MTPD).
 */
public enum RevisionKind {
  /** The recovery time objective (with the MTPD when the new RTO needs a longer one). */
  RTO,
  /** The maximum tolerable period of disruption. */
  MTPD,
  /** The recovery point objective: how much data loss is acceptable. */
  RPO,
  /**
   * Not a process's target: a threat's likelihood (1–5), which lessons propose when incidents of
   * its category occur more often than it says (DOMAIN.md, step 2 and "Improve").
   */
  THREAT_LIKELIHOOD
}
