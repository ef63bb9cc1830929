package nl.herstel.lessons.api;

import java.time.Duration;

/**
 * How a process's actual recovery time compares with its recovery targets (DOMAIN.md, "Recovery
 * information"). A recovery that outlasted the MTPD also outlasted the RTO; the MTPD breach is the
 * graver finding and is the one named.
 */
public enum Verdict {
  /** Recovered within the RTO. */
  MET,
  /** Recovered after the RTO but within the MTPD. */
  RTO_BREACHED,
  /** Recovered only after the MTPD: the outage became critical. */
  MTPD_BREACHED;

  /** The verdict for {@code actual} against the targets; both targets are required. */
  public static Verdict of(Duration actual, Duration rto, Duration mtpd) {
    if (actual.compareTo(mtpd) > 0) {
      return MTPD_BREACHED;
    }
    return actual.compareTo(rto) > 0 ? RTO_BREACHED : MET;
  }
}
