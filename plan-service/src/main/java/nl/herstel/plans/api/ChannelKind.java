package nl.herstel.plans.api;

/**
 * How a person can be reached. The guide asks for alternatives for when e-mail and the own network
 * are down (out-of-band communication, DOMAIN.md "Communication plan and fallback site"): phone,
 * SMS, a messenger outside the own infrastructure, a physical meeting point, radio.
 */
public enum ChannelKind {
  PHONE(true),
  SMS(true),
  MESSENGER(true),
  SATELLITE_PHONE(true),
  RADIO(true),
  MEETING_POINT(true),
  EMAIL(false),
  CHAT(false);

  private final boolean outOfBand;

  ChannelKind(boolean outOfBand) {
    this.outOfBand = outOfBand;
  }

  /** Whether it still works when the own network and mail are down. */
  public boolean outOfBand() {
    return outOfBand;
  }
}
