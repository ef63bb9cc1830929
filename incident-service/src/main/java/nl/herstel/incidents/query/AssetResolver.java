package nl.herstel.incidents.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.platform.jdbc.Sql;

/**
 * The one rule by which incident-service finds the BIA asset a SOC hint names, in its copy of the
 * BIA. The steps are tried in order; the first that matches decides:
 *
 * <ol>
 *   <li>a tag {@code asset:NAME} (or {@code asset=NAME}) names the asset by its name or id: steps 2
 *       and 4 with NAME, nothing else;
 *   <li>the asset's id, case ignored;
 *   <li>an identifier exactly (host name, FQDN, address, CIDR, cloud resource id, CMDB id, alias),
 *       in normal form: case ignored, an IPv6 address however it is written;
 *   <li>the asset's name, case ignored;
 *   <li>an address: the most specific CIDR identifier containing it;
 *   <li>an FQDN: its first label as a host-name identifier or a name;
 *   <li>a single-label host name: the first label of FQDN identifiers.
 * </ol>
 *
 * Steps 2 to 5 match at most one asset (names and identifiers are unique in the BIA). Steps 6 and 7
 * may meet several assets ({@code web01} in two domains): then the hint stays unresolved, with a
 * warning naming them, rather than disrupting processes that may not be hit. Retired assets match
 * nothing. Every step is an index lookup ({@code lower()} b-trees, a GiST {@code inet_ops} index
 * for containment), so the cost does not grow with the number of identifiers.
 */
public final class AssetResolver {
  private static final String ASSET = "SELECT a.asset_id, a.name FROM bia_copy_asset a";
  private static final String BY_ID = ASSET + " WHERE lower(a.asset_id) = ? AND NOT a.retired";
  private static final String BY_NAME = ASSET + " WHERE lower(a.name) = ? AND NOT a.retired";
  private static final String IDENTIFIED =
      ASSET + " JOIN bia_copy_identifier i ON i.asset_id = a.asset_id WHERE NOT a.retired AND ";
  private static final String BY_IDENTIFIER = IDENTIFIED + "i.value = ?";
  private static final String BY_NETWORK =
      IDENTIFIED
          + "i.network IS NOT NULL AND i.network >>= ?::inet"
          + " ORDER BY masklen(i.network) DESC LIMIT 1";
  private static final String BY_SHORT_NAME =
      IDENTIFIED
          + "i.value = ? AND i.kind = 'HOSTNAME'"
          + " UNION SELECT a.asset_id, a.name FROM bia_copy_asset a"
          + " WHERE lower(a.name) = ? AND NOT a.retired";
  private static final String BY_HOST_LABEL = IDENTIFIED + "i.host_label = ? AND i.kind = 'FQDN'";

  private AssetResolver() {}

  /**
   * What a hint came to.
   *
   * @param asset the asset it names, or null
   * @param warning why it stays unresolved although assets came close (ambiguous), else null
   */
  public record Match(AssetRef asset, String warning) {}

  /**
   * Resolves one hint with the rule above. Run it inside a transaction to resolve several hints on
   * one connection.
   */
  public static Match resolve(Sql c, String hint) {
    Hint h = Hint.of(hint);
    if (h.key().isEmpty()) {
      return new Match(null, null);
    }
    List<AssetRef> found = query(c, BY_ID, h.key());
    if (found.isEmpty() && !h.tag()) {
      found = query(c, BY_IDENTIFIER, h.key());
    }
    if (found.isEmpty()) {
      found = query(c, BY_NAME, h.key());
    }
    if (!found.isEmpty() || h.tag()) {
      return new Match(found.isEmpty() ? null : found.get(0), null);
    }
    if (h.address() != null) {
      found = query(c, BY_NETWORK, h.address());
      return new Match(found.isEmpty() ? null : found.get(0), null);
    }
    if (h.hostLabel() == null) {
      return new Match(null, null);
    }
    found =
        h.fqdn()
            ? query(c, BY_SHORT_NAME, h.hostLabel(), h.hostLabel())
            : query(c, BY_HOST_LABEL, h.hostLabel());
    if (found.size() == 1) {
      return new Match(found.get(0), null);
    }
    if (found.isEmpty()) {
      return new Match(null, null);
    }
    return new Match(
        null,
        "'"
            + h.text()
            + "' may be any of "
            + found.stream().map(AssetRef::name).sorted().toList()
            + "; left unresolved: add it to the right asset as an identifier");
  }

  private static List<AssetRef> query(Sql c, String sql, String... args) {
    Map<String, AssetRef> assets = new LinkedHashMap<>();
    c.list(
        sql,
        r ->
            assets.putIfAbsent(
                r.getString("asset_id"),
                new AssetRef(r.getString("asset_id"), r.getString("name"))),
        (Object[]) args);
    return new ArrayList<>(assets.values());
  }
}
