package nl.herstel.incidents.api;

/**
 * The authorities an incident may oblige the organisation to notify (DOMAIN.md, communication),
 * each with its legal basis as recorded when the obligation does not name one.
 */
public enum NotificationAuthority {
  /**
   * Autoriteit Persoonsgegevens, for a personal data breach: GDPR (AVG) article 33, without undue
   * delay and where feasible within 72 hours of becoming aware of it.
   */
  DATA_PROTECTION_AUTHORITY("GDPR (AVG) art. 33"),
  /**
   * The NCSC, for a serious incident at a vital or essential provider: the Wbni's duty to notify
   * without delay, and NIS2 art. 23 whose early warning is due within 24 hours.
   */
  NCSC("Wbni (meldplicht) / NIS2 art. 23"),
  /** The police, for a crime (aangifte): no statutory deadline. */
  POLICE("Aangifte (Sv art. 161)"),
  /** The AIVD, for a suspected state actor: a voluntary report, no statutory duty or deadline. */
  AIVD("Voluntary report of a suspected state actor");

  private final String legalBasis;

  NotificationAuthority(String legalBasis) {
    this.legalBasis = legalBasis;
  }

  /** The legal basis recorded when the obligation does not name its own. */
  public String defaultLegalBasis() {
    return legalBasis;
  }
}
