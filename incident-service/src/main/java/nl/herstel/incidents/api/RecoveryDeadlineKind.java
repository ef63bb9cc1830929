package nl.herstel.incidents.api;

/**
 * The two recovery deadlines of a disrupted process (DOMAIN.md): RTO, by when recovery to an
 * acceptable level must be done, and MTPD, after which the outage becomes critical to the
 * organisation.
 */
public enum RecoveryDeadlineKind {
  RTO,
  MTPD
}
