package nl.herstel.contracts;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule that relates an incident's category (incident-service: {@code RANSOMWARE}, {@code
 * SUPPLIER_FAILURE}…) to the threats of the BIA's threat analysis (DOMAIN.md, BIA step 2), so that
 * how often a category occurs can be held against how likely its threat was rated.
 *
 * <p>A threat matches a category when its name equals the category, or one of the names the alias
 * map lists for the category, compared normalised: case-insensitively, with every run of characters
 * other than letters and digits read as one underscore ("Supplier failure" is {@code
 * SUPPLIER_FAILURE}). Nothing else matches: "Ransomware via e-mail" does not match {@code
 * RANSOMWARE} unless an alias names it.
 */
public final class ThreatCategories {
  private final Map<String, Set<String>> aliases;

  private ThreatCategories(Map<String, Set<String>> aliases) {
    this.aliases = aliases;
  }

  /** The rule without aliases: a threat matches the category its name spells. */
  public static ThreatCategories exact() {
    return new ThreatCategories(Map.of());
  }

  /**
   * The rule with aliases, from their configured form: {@code CATEGORY=name|name;CATEGORY=name},
   * e.g. {@code RANSOMWARE=Cryptolocker|Ransomware attack;SUPPLIER_FAILURE=Cloud outage}. Blank or
   * null gives {@link #exact()}; an entry without {@code =} or without names is ignored.
   */
  public static ThreatCategories parse(String config) {
    Map<String, Set<String>> aliases = new HashMap<>();
    if (config != null) {
      for (String entry : config.split(";")) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        for (String name : entry.substring(eq + 1).split("\\|")) {
          if (!normalised(name).isEmpty()) {
            aliases
                .computeIfAbsent(normalised(entry.substring(0, eq)), c -> new HashSet<>())
                .add(normalised(name));
          }
        }
      }
    }
    return of(aliases);
  }

  /** The rule with aliases: per category, the threat names that also match it. */
  public static ThreatCategories of(Map<String, ? extends Collection<String>> aliases) {
    Map<String, Set<String>> normalised = new HashMap<>();
    aliases.forEach(
        (category, names) ->
            names.forEach(
                name ->
                    normalised
                        .computeIfAbsent(normalised(category), c -> new HashSet<>())
                        .add(normalised(name))));
    return new ThreatCategories(Map.copyOf(normalised));
  }

  /** Whether the threat named answers incidents of the category; false when either is blank. */
  public boolean matches(String threatName, String category) {
    String name = normalised(threatName);
    String cat = normalised(category);
    if (name.isEmpty() || cat.isEmpty()) {
      return false;
    }
    return name.equals(cat) || aliases.getOrDefault(cat, Set.of()).contains(name);
  }

  /** Upper case, every run of characters other than letters and digits one underscore. */
  static String normalised(String text) {
    if (text == null) {
      return "";
    }
    String upper = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    return upper.replaceAll("^_+|_+$", "");
  }
}
