package nl.herstel.plans.api;

/**
 * The scenarios a scenario card (scenariokaart) can be written for, from the threat analysis: cyber
 * criminals, but also loss of internet or power, fire and flooding; see DOMAIN.md, BIA step 2 and
 * recovery plan "Scenario cards". Published on the wire by its name.
 */
public enum Scenario {
  RANSOMWARE,
  DDOS,
  POWER_OUTAGE,
  FIRE,
  WATER_LEAK,
  INTERNET_OUTAGE,
  SUPPLIER_FAILURE,
  OTHER
}
