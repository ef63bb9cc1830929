package nl.herstel.incidents.query;

import java.util.Locale;
import nl.herstel.contracts.bia.AssetIdentifiers;

/**
 * A SOC tool's hint at an asset, read once the way the resolution rule needs it.
 *
 * @param text the hint as sent, stripped
 * @param key its normal form: lower case; an address canonical (IPv6 compressed); an FQDN without
 *     its trailing dot; for a tag {@code asset:NAME} (or {@code asset=NAME}) the name
 * @param tag whether it was such a tag, which names an asset by its name or id only
 * @param address the hint as an address, else null
 * @param hostLabel for an FQDN its first label; for a single-label host name itself; else null
 * @param fqdn whether the hint is an FQDN
 */
public record Hint(
    String text, String key, boolean tag, String address, String hostLabel, boolean fqdn) {

  /** Reads a hint. */
  public static Hint of(String hint) {
    String text = hint.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"asset:", "asset="}) {
      if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
        String name = lower.substring(prefix.length()).strip();
        return new Hint(text, name, true, null, null, false);
      }
    }
    String address = AssetIdentifiers.address(lower);
    if (address != null) {
      return new Hint(text, address, false, address, null, false);
    }
    String key =
        lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    String label = AssetIdentifiers.hostLabel(key);
    if (label != null) {
      return new Hint(text, key, false, null, label, true);
    }
    boolean single = key.matches("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
    return new Hint(text, key, false, null, single ? key : null, false);
  }
}
