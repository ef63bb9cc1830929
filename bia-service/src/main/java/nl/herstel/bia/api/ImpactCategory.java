package nl.herstel.bia.api;

/** The five impact categories of the guide's BIA (DOMAIN.md, step 1). */
public enum ImpactCategory {
  FINANCIAL,
  OPERATIONAL,
  LEGAL_REGULATORY,
  REPUTATIONAL,
  HEALTH_SAFETY
}
