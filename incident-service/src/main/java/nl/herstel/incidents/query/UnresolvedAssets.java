package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.instant;

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
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
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
@DisallowReplay
public class UnresolvedAssets {
  private final Sql sql;
  private final BiConsumer<String, String> queued;

  /**
   * @param queued told each (hint, incident) this queue takes in from an alert, so that a hint the
   *     BIA learned in the meantime is resolved at once
   */
  public UnresolvedAssets(JdbcTransactions db, BiConsumer<String, String> queued) {
    this.sql = new Sql(db);
    this.queued = queued;
  }

  @EventHandler
  void on(IncidentOpened e, @Timestamp Instant at) {
    e.unresolvedAssets().forEach(hint -> named(hint, e.incidentId(), at));
  }

  @EventHandler
  void on(AlertCorrelated e, @Timestamp Instant at) {
    e.alertUnresolvedAssets().forEach(hint -> named(hint, e.incidentId(), at));
  }

  @EventHandler
  void on(UnresolvedAssetResolved e) {
    String key = key(e.hint());
    sql.update(
        "DELETE FROM unresolved_hint_incident WHERE hint_key = ? AND incident_id = ?",
        key,
        e.incidentId());
    sql.update(
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
    sql.update("DELETE FROM unresolved_hint_incident WHERE incident_id = ?", e.incidentId());
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
        sql.update(
            "INSERT INTO unresolved_hint_incident (hint_key, incident_id, alerts, last_seen)"
                + " SELECT hint_key, ?, 1, ? FROM unresolved_hint WHERE hint_key = ?"
                + " ON CONFLICT (hint_key, incident_id) DO UPDATE"
                + " SET alerts = unresolved_hint_incident.alerts + 1",
            incidentId,
            at(at),
            key(hint));
      }
    }
  }

  @ResetHandler
  void reset() {
    sql.update("DELETE FROM unresolved_hint");
  }

  /** The key of a hint in the queue: its text, stripped and in lower case. */
  public static String key(String hint) {
    return hint.strip().toLowerCase(Locale.ROOT);
  }

  private void named(String hint, String incidentId, Instant at) {
    Hint h = Hint.of(hint);
    String key = key(hint);
    sql.update(
        "INSERT INTO unresolved_hint (hint_key, hint, first_seen, last_seen, alerts, address,"
            + " host_label, name_key) VALUES (?, ?, ?, ?, 1, ?::inet, ?, ?)"
            + " ON CONFLICT (hint_key) DO UPDATE SET alerts = unresolved_hint.alerts + 1,"
            + " last_seen = GREATEST(unresolved_hint.last_seen, EXCLUDED.last_seen)",
        key,
        hint.strip(),
        at(at),
        at(at),
        h.address(),
        h.hostLabel() == null ? "" : h.hostLabel(),
        h.key());
    sql.update(
        "INSERT INTO unresolved_hint_incident (hint_key, incident_id, alerts, last_seen)"
            + " VALUES (?, ?, 1, ?) ON CONFLICT (hint_key, incident_id) DO UPDATE"
            + " SET alerts = unresolved_hint_incident.alerts + 1,"
            + " last_seen = GREATEST(unresolved_hint_incident.last_seen, EXCLUDED.last_seen)",
        key,
        incidentId,
        at(at));
    queued.accept(hint, incidentId);
  }

  /** A page of the queue, newest first (one row more than the limit, to tell that more follow). */
  @QueryHandler
  public List<UnresolvedAssetView> list(ListUnresolvedAssets query) {
    String select =
        "SELECT * FROM unresolved_hint"
            + (query.after() == null ? "" : " WHERE (last_seen, hint_key) < (?, ?)")
            + " ORDER BY last_seen DESC, hint_key DESC LIMIT ?";
    List<Object> args = new ArrayList<>();
    if (query.after() != null) {
      int bar = query.after().indexOf('|');
      long micros = Long.parseLong(query.after().substring(0, bar));
      args.add(
          at(
              Instant.ofEpochSecond(
                  Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)));
      args.add(key(query.after().substring(bar + 1)));
    }
    args.add(query.limit() + 1);
    return views(select, args.toArray());
  }

  @QueryHandler
  public Long count(CountUnresolvedAssets query) {
    return sql.one("SELECT count(*) FROM unresolved_hint", r -> r.getLong(1)).orElseThrow();
  }

  @QueryHandler
  public Optional<UnresolvedAssetView> find(FindUnresolvedAsset query) {
    return views("SELECT * FROM unresolved_hint WHERE hint_key = ?", key(query.hint())).stream()
        .findFirst();
  }

  private List<UnresolvedAssetView> views(String query, Object... args) {
    Map<String, UnresolvedAssetView> hints = new LinkedHashMap<>();
    sql.list(
            query,
            r ->
                Map.entry(
                    r.getString("hint_key"),
                    new UnresolvedAssetView(
                        r.getString("hint"),
                        instant(r, "first_seen"),
                        instant(r, "last_seen"),
                        r.getInt("alerts"),
                        new ArrayList<>())),
            args)
        .forEach(e -> hints.put(e.getKey(), e.getValue()));
    if (hints.isEmpty()) {
      return List.of();
    }
    sql.list(
        "SELECT * FROM unresolved_hint_incident WHERE hint_key = ANY (?)"
            + " ORDER BY last_seen DESC, incident_id",
        r ->
            hints
                .get(r.getString("hint_key"))
                .incidents()
                .add(
                    new IncidentCount(
                        r.getString("incident_id"), r.getInt("alerts"), instant(r, "last_seen"))),
        List.copyOf(hints.keySet()));
    return hints.values().stream()
        .map(
            v ->
                new UnresolvedAssetView(
                    v.hint(), v.firstSeen(), v.lastSeen(), v.alerts(), List.copyOf(v.incidents())))
        .toList();
  }
}
