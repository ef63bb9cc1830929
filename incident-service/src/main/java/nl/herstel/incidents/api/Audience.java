package nl.herstel.incidents.api;

/**
 * Who a crisis communication was addressed to (DOMAIN.md, "Communication and coordination"): the
 * own organisation, customers, suppliers, regulators and authorities, the media, or partners such
 * as insurers and sector peers.
 */
public enum Audience {
  INTERNAL,
  MANAGEMENT,
  CUSTOMERS,
  SUPPLIERS,
  PARTNERS,
  REGULATORS,
  AUTHORITIES,
  MEDIA,
  PUBLIC
}
