package nl.herstel.incidents.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
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
  private final JdbcTransactions db;
  private final BiaCopyGraph graph;
  private final Supplier<CommandGateway> commands;

  public HintResolver(JdbcTransactions db, BiaCopyGraph graph, Supplier<CommandGateway> commands) {
    this.db = db;
    this.graph = graph;
    this.commands = commands;
  }

  /** The BIA copy now knows {@code assetId} by more names: resolve the hints that name it. */
  public void assetLearned(String assetId) {
    Map<String, List<String>> incidentsByHint = new LinkedHashMap<>();
    Map<String, AssetResolver.Match> matches = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      lock(c);
      for (String hint : candidates(c, assetId)) {
        AssetResolver.Match match = AssetResolver.resolve(c, hint);
        if (match.asset() != null) {
          matches.put(hint, match);
          incidentsByHint.put(hint, incidents(c, hint));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not look for hints the BIA now knows", e);
    }
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
    AssetResolver.Match match;
    try (Connection c = db.getConnection()) {
      lock(c);
      match = AssetResolver.resolve(c, hint);
    } catch (SQLException e) {
      throw new DataAccessException("Could not resolve a queued hint", e);
    }
    if (match.asset() == null) {
      return;
    }
    List<ProcessTargets> affected =
        graph.affected(new FindAffectedProcesses(List.of(match.asset().assetId())));
    commands.get().sendAndWait(new ResolveAssetHint(incidentId, hint, match.asset(), affected));
  }

  /** Serialises the two ways in for the rest of the transaction (see the class comment). */
  private static void lock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(1, HINT_RESOLUTION_LOCK);
      s.execute();
    }
  }

  /** The advisory lock key of hint resolution ("HINT"). */
  private static final long HINT_RESOLUTION_LOCK = 0x48494e54L;

  /**
   * The queued hints the asset's id, name and identifiers may match (by their normal form, their
   * host label, or an address inside one of its CIDR ranges); the rule decides which really do.
   */
  private static List<String> candidates(Connection c, String assetId) throws SQLException {
    Set<String> keys = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    List<String> networks = new ArrayList<>();
    keys.add(assetId.toLowerCase(Locale.ROOT));
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT a.name, i.kind, i.value FROM bia_copy_asset a"
                + " LEFT JOIN bia_copy_identifier i ON i.asset_id = a.asset_id"
                + " WHERE a.asset_id = ? AND NOT a.retired")) {
      s.setString(1, assetId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String name = r.getString("name").strip().toLowerCase(Locale.ROOT);
          keys.add(name);
          labels.add(name);
          String kind = r.getString("kind");
          String value = r.getString("value");
          if (value == null) {
            continue;
          }
          keys.add(value);
          switch (kind) {
            case "HOSTNAME" -> labels.add(value);
            case "FQDN" -> labels.add(AssetIdentifiers.hostLabel(value));
            case "CIDR" -> networks.add(value);
            default -> {}
          }
        }
      }
    }
    if (keys.size() == 1) {
      return List.of();
    }
    List<String> hints = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT hint FROM unresolved_hint WHERE name_key = ANY (?) OR host_label = ANY (?)"
                + " OR (address IS NOT NULL AND address <<= ANY (?::cidr[]))")) {
      s.setArray(1, c.createArrayOf("varchar", keys.toArray()));
      s.setArray(2, c.createArrayOf("varchar", labels.toArray()));
      s.setArray(3, c.createArrayOf("varchar", networks.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          hints.add(r.getString(1));
        }
      }
    }
    return hints;
  }

  private static List<String> incidents(Connection c, String hint) throws SQLException {
    List<String> incidents = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT incident_id FROM unresolved_hint_incident WHERE hint_key = ?"
                + " ORDER BY incident_id")) {
      s.setString(1, hint.strip().toLowerCase(Locale.ROOT));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          incidents.add(r.getString(1));
        }
      }
    }
    return incidents;
  }
}
