package nl.herstel.incidents.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.UnresolvedAssetResolved;
import nl.herstel.incidents.api.IncidentQueries.CountUnresolvedAssets;
import nl.herstel.incidents.api.IncidentQueries.FindUnresolvedAsset;
import nl.herstel.incidents.api.IncidentQueries.ListUnresolvedAssets;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.incidents.query.UnresolvedAssetView.IncidentCount;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The unresolved queue in PostgreSQL: every hint alerts named that no asset matched, with the
 * incidents and how many alerts named it. A hint leaves the queue when every incident that named it
 * resolved it. Besides the hint, each row keeps the forms the {@code HintResolver} looks it up by
 * when the BIA learns an asset: its normal form, its address, its host label.
 */
@ProcessingGroup("unresolved-assets")
public class UnresolvedAssets {
  private final JdbcTransactions db;
  private final BiConsumer<String, String> queued;

  /**
   * @param queued told each (hint, incident) this queue takes in from an alert, so that a hint the
   *     BIA learned in the meantime is resolved at once
   */
  public UnresolvedAssets(JdbcTransactions db, BiConsumer<String, String> queued) {
    this.db = db;
    this.queued = queued;
  }

  @EventHandler
  void on(IncidentOpened e, @Timestamp Instant at) {
    e.unresolvedAssets().forEach(hint -> named(hint, e.incidentId(), at));
  }

  @EventHandler
  void on(AlertCorrelated e, @Timestamp Instant at) {
    List<String> hints =
        e.alertUnresolvedAssets() != null ? e.alertUnresolvedAssets() : e.newUnresolvedAssets();
    hints.forEach(hint -> named(hint, e.incidentId(), at));
  }

  @EventHandler
  void on(UnresolvedAssetResolved e) {
    String key = key(e.hint());
    update(
        "DELETE FROM unresolved_hint_incident WHERE hint_key = ? AND incident_id = ?",
        key,
        e.incidentId());
    update(
        "DELETE FROM unresolved_hint h WHERE hint_key = ? AND NOT EXISTS"
            + " (SELECT 1 FROM unresolved_hint_incident i WHERE i.hint_key = h.hint_key)",
        key);
  }

  /** The absorbing incident now holds the hints of the merged one's alerts. */
  @EventHandler
  void on(IncidentAbsorbed e, @Timestamp Instant at) {
    held(e.incidentId(), e.parts(), at);
  }

  /** A merged incident's hints live on in the incident that absorbed it. */
  @EventHandler
  void on(IncidentMergedInto e) {
    update("DELETE FROM unresolved_hint_incident WHERE incident_id = ?", e.incidentId());
  }

  /**
   * An incident split off another holds the hints its alerts brought (the other keeps them too).
   */
  @EventHandler
  void on(IncidentSplitOff e, @Timestamp Instant at) {
    held(e.incidentId(), e.parts(), at);
  }

  private void held(String incidentId, IncidentParts parts, Instant at) {
    for (AlertPart part : parts.alerts()) {
      for (String hint : part.unresolvedAssets()) {
        update(
            "INSERT INTO unresolved_hint_incident (hint_key, incident_id, alerts, last_seen)"
                + " SELECT hint_key, ?, 1, ? FROM unresolved_hint WHERE hint_key = ?"
                + " ON CONFLICT (hint_key, incident_id) DO UPDATE"
                + " SET alerts = unresolved_hint_incident.alerts + 1",
            incidentId,
            java.sql.Timestamp.from(at),
            key(hint));
      }
    }
  }

  @ResetHandler
  void reset() {
    update("DELETE FROM unresolved_hint");
  }

  /** The key of a hint in the queue: its text, stripped and in lower case. */
  public static String key(String hint) {
    return hint.strip().toLowerCase(Locale.ROOT);
  }

  private void named(String hint, String incidentId, Instant at) {
    Hint h = Hint.of(hint);
    String key = key(hint);
    update(
        "INSERT INTO unresolved_hint (hint_key, hint, first_seen, last_seen, alerts, address,"
            + " host_label, name_key) VALUES (?, ?, ?, ?, 1, ?::inet, ?, ?)"
            + " ON CONFLICT (hint_key) DO UPDATE SET alerts = unresolved_hint.alerts + 1,"
            + " last_seen = GREATEST(unresolved_hint.last_seen, EXCLUDED.last_seen)",
        key,
        hint.strip(),
        java.sql.Timestamp.from(at),
        java.sql.Timestamp.from(at),
        h.address(),
        h.hostLabel() == null ? "" : h.hostLabel(),
        h.key());
    update(
        "INSERT INTO unresolved_hint_incident (hint_key, incident_id, alerts, last_seen)"
            + " VALUES (?, ?, 1, ?) ON CONFLICT (hint_key, incident_id) DO UPDATE"
            + " SET alerts = unresolved_hint_incident.alerts + 1,"
            + " last_seen = GREATEST(unresolved_hint_incident.last_seen, EXCLUDED.last_seen)",
        key,
        incidentId,
        java.sql.Timestamp.from(at));
    queued.accept(hint, incidentId);
  }

  /** A page of the queue, newest first (one row more than the limit, to tell that more follow). */
  @QueryHandler
  public List<UnresolvedAssetView> list(ListUnresolvedAssets query) {
    String sql =
        "SELECT * FROM unresolved_hint"
            + (query.after() == null ? "" : " WHERE (last_seen, hint_key) < (?, ?)")
            + " ORDER BY last_seen DESC, hint_key DESC LIMIT ?";
    List<Object> args = new ArrayList<>();
    if (query.after() != null) {
      int bar = query.after().indexOf('|');
      long micros = Long.parseLong(query.after().substring(0, bar));
      args.add(
          java.sql.Timestamp.from(
              Instant.ofEpochSecond(
                  Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)));
      args.add(key(query.after().substring(bar + 1)));
    }
    args.add(query.limit() + 1);
    return views(sql, args.toArray());
  }

  @QueryHandler
  public Long count(CountUnresolvedAssets query) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM unresolved_hint");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new DataAccessException("Could not count the unresolved queue", e);
    }
  }

  @QueryHandler
  public Optional<UnresolvedAssetView> find(FindUnresolvedAsset query) {
    return views("SELECT * FROM unresolved_hint WHERE hint_key = ?", key(query.hint())).stream()
        .findFirst();
  }

  private List<UnresolvedAssetView> views(String sql, Object... args) {
    Map<String, UnresolvedAssetView> hints = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, args);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            hints.put(
                r.getString("hint_key"),
                new UnresolvedAssetView(
                    r.getString("hint"),
                    r.getTimestamp("first_seen").toInstant(),
                    r.getTimestamp("last_seen").toInstant(),
                    r.getInt("alerts"),
                    new ArrayList<>()));
          }
        }
      }
      if (hints.isEmpty()) {
        return List.of();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM unresolved_hint_incident WHERE hint_key = ANY (?)"
                  + " ORDER BY last_seen DESC, incident_id")) {
        s.setArray(1, c.createArrayOf("varchar", hints.keySet().toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            hints
                .get(r.getString("hint_key"))
                .incidents()
                .add(
                    new IncidentCount(
                        r.getString("incident_id"),
                        r.getInt("alerts"),
                        r.getTimestamp("last_seen").toInstant()));
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the unresolved queue", e);
    }
    return hints.values().stream()
        .map(
            v ->
                new UnresolvedAssetView(
                    v.hint(), v.firstSeen(), v.lastSeen(), v.alerts(), List.copyOf(v.incidents())))
        .toList();
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update the unresolved queue", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
