package nl.herstel.plans.api;

/** The teams of a recovery organisation (DOMAIN.md, "Roles and responsibilities"). */
public enum TeamKind {
  RECOVERY_MANAGEMENT,
  NETWORK,
  APPLICATION,
  SERVER,
  COMMUNICATION,
  FACILITIES,
  OTHER
}
