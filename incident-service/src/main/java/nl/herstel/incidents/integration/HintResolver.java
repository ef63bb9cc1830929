package nl.herstel.incidents.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.herstel.contracts.bia.AssetIdentifiers;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentCommands.ResolveAssetHint;
import nl.herstel.incidents.api.IncidentQueries.FindAffectedProcesses;
import nl.herstel.incidents.query.AssetResolver;
import nl.herstel.incidents.query.BiaCopyGraph;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Unresolved assets resolve themselves: when the BIA copy learns an asset or an identifier, this
 * process manager looks in the unresolved queue for the hints it may now match, checks each with
 * the one resolution rule ({@link AssetResolver}), and tells every incident that named a matched
 * hint to resolve it ({@link ResolveAssetHint}). It runs in the transaction that applies the BIA
 * event, so the copy, the commands' events and the consumer's inbox entry commit together.
 *
 * <p>It also looks the other way: a hint that reaches the queue after the BIA learned its asset
 * (the queue is a projection, a moment behind the alert) is resolved as it is queued. Both ways
 * take one transaction-scoped advisory lock after writing and before looking, so of two that
 * overlap the second sees what the first committed, and no hint falls between them.
 */
public class HintResolver {
  /** The advisory lock key of hint resolution ("HINT"). */
  private static final long HINT_RESOLUTION_LOCK = 0x48494e54L;

  private final JdbcTransactions db;
  private final Sql sql;
  private final BiaCopyGraph graph;
  private final Supplier<CommandGateway> commands;

  public HintResolver(JdbcTransactions db, BiaCopyGraph graph, Supplier<CommandGateway> commands) {
    this.db = db;
    this.sql = new Sql(db);
    this.graph = graph;
    this.commands = commands;
  }

  /** The BIA copy now knows {@code assetId} by more names: resolve the hints that name it. */
  public void assetLearned(String assetId) {
    Map<String, List<String>> incidentsByHint = new LinkedHashMap<>();
    Map<String, AssetResolver.Match> matches = new LinkedHashMap<>();
    db.inTransaction(
        () -> {
          lock();
          for (String hint : candidates(assetId)) {
            AssetResolver.Match match = AssetResolver.resolve(sql, hint);
            if (match.asset() != null) {
              matches.put(hint, match);
              incidentsByHint.put(hint, incidents(hint));
            }
          }
          return null;
        });
    for (Map.Entry<String, AssetResolver.Match> entry : matches.entrySet()) {
      String matched = entry.getValue().asset().assetId();
      List<ProcessTargets> affected = graph.affected(new FindAffectedProcesses(List.of(matched)));
      for (String incidentId : incidentsByHint.get(entry.getKey())) {
        commands
            .get()
            .sendAndWait(
                new ResolveAssetHint(
                    incidentId, entry.getKey(), entry.getValue().asset(), affected));
      }
    }
  }

  /**
   * {@code incidentId} named {@code hint} and it was queued as unresolved: if the BIA copy knows it
   * by now, the incident resolves it at once.
   */
  public void hintQueued(String hint, String incidentId) {
    AssetResolver.Match match =
        db.inTransaction(
            () -> {
              lock();
              return AssetResolver.resolve(sql, hint);
            });
    if (match.asset() == null) {
      return;
    }
    List<ProcessTargets> affected =
        graph.affected(new FindAffectedProcesses(List.of(match.asset().assetId())));
    commands.get().sendAndWait(new ResolveAssetHint(incidentId, hint, match.asset(), affected));
  }

  /**
   * Serialises the two ways in for the rest of the transaction (see the class comment); joins the
   * caller's transaction, so the lock holds until it commits.
   */
  private void lock() {
    sql.one("SELECT pg_advisory_xact_lock(?)", r -> Boolean.TRUE, HINT_RESOLUTION_LOCK);
  }

  /**
   * The queued hints the asset's id, name and identifiers may match (by their normal form, their
   * host label, or an address inside one of its CIDR ranges); the rule decides which really do.
   */
  private List<String> candidates(String assetId) {
    Set<String> keys = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    List<String> networks = new ArrayList<>();
    keys.add(assetId.toLowerCase(Locale.ROOT));
    sql.list(
        "SELECT a.name, i.kind, i.value FROM bia_copy_asset a"
            + " LEFT JOIN bia_copy_identifier i ON i.asset_id = a.asset_id"
            + " WHERE a.asset_id = ? AND NOT a.retired",
        r -> {
          String name = r.getString("name").strip().toLowerCase(Locale.ROOT);
          keys.add(name);
          labels.add(name);
          String kind = r.getString("kind");
          String value = r.getString("value");
          if (value == null) {
            return null;
          }
          keys.add(value);
          switch (kind) {
            case "HOSTNAME" -> labels.add(value);
            case "FQDN" -> labels.add(AssetIdentifiers.hostLabel(value));
            case "CIDR" -> networks.add(value);
            default -> {}
          }
          return null;
        },
        assetId);
    if (keys.size() == 1) {
      return List.of();
    }
    return sql.list(
        "SELECT hint FROM unresolved_hint WHERE name_key = ANY (?) OR host_label = ANY (?)"
            + " OR (address IS NOT NULL AND address <<= ANY (?::cidr[]))",
        r -> r.getString(1),
        List.copyOf(keys),
        List.copyOf(labels),
        networks);
  }

  private List<String> incidents(String hint) {
    return sql.list(
        "SELECT incident_id FROM unresolved_hint_incident WHERE hint_key = ?"
            + " ORDER BY incident_id",
        r -> r.getString(1),
        hint.strip().toLowerCase(Locale.ROOT));
  }
}
