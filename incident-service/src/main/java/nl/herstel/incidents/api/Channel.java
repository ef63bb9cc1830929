package nl.herstel.incidents.api;

/**
 * How a crisis communication went out. Whether it avoided the possibly compromised infrastructure
 * (out-of-band: a separate phone, a messenger outside the domain, a face-to-face meeting) is a flag
 * of its own, so that any channel can be out-of-band (DOMAIN.md, "Communication and coordination").
 */
public enum Channel {
  EMAIL,
  PHONE,
  SMS,
  CHAT,
  WEBSITE,
  SOCIAL_MEDIA,
  PRESS,
  MEETING,
  LETTER,
  PORTAL,
  OTHER
}
