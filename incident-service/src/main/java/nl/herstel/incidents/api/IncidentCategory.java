package nl.herstel.incidents.api;

import java.util.List;

/**
 * What kind of incident this is, in the terms of the threat analysis (DOMAIN.md, BIA step 2: "cyber
 * criminals, but also loss of internet, power, or flooding"). The category picks the scenario card
 * (scenariokaart) of a recovery plan that fits.
 */
public enum IncidentCategory {
  RANSOMWARE("ransomware", "ransom", "gijzel"),
  MALWARE("malware", "virus", "worm"),
  DDOS("ddos", "denialofservice"),
  DATA_BREACH("databreach", "datalek", "breach", "leak", "exfiltration"),
  PHISHING("phishing", "accounttakeover"),
  INTERNET_OUTAGE("internet", "network", "netwerk", "connectivity"),
  POWER_OUTAGE("power", "stroom", "electricity"),
  FIRE("fire", "brand"),
  FLOOD("flood", "water", "overstroming"),
  SUPPLIER_FAILURE("supplier", "leverancier", "vendor", "provider", "thirdparty"),
  HUMAN_ERROR("humanerror", "human", "mistake", "menselijk"),
  OTHER();

  private final List<String> keywords;

  IncidentCategory(String... keywords) {
    this.keywords = List.of(keywords);
  }

  /**
   * Whether a scenario card written for {@code scenario} (free text from the plan, e.g. {@code
   * "Ransomware"}, {@code "power-failure"}) fits this category: the scenario, lower-cased and
   * without spaces or punctuation, names one of the category's keywords.
   */
  public boolean fits(String scenario) {
    String normalised = normalise(scenario);
    if (normalised.isEmpty()) {
      return false;
    }
    if (normalised.equals(normalise(name()))) {
      return true;
    }
    return keywords.stream().anyMatch(normalised::contains);
  }

  static String normalise(String text) {
    return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
