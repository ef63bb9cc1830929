package nl.herstel.bia.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.bia.api.BiaEvents.ThreatImpactRated;
import nl.herstel.bia.api.BiaEvents.ThreatLikelihoodRated;
import nl.herstel.bia.api.BiaEvents.ThreatRegistered;
import nl.herstel.bia.api.BiaQueries.ListThreats;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The threat catalogue ({@code bia_threat}) and the impact of each threat on the processes it hits
 * ({@code bia_threat_impact}); risk is impact times likelihood (see DOMAIN.md).
 */
@ProcessingGroup(ProcessProjection.READ_MODEL)
public class ThreatProjection {
  private final Sql sql;

  public ThreatProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(ThreatRegistered e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO bia_threat (threat_id, name, description, likelihood, registered_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        e.threatId(),
        e.name(),
        e.description(),
        e.likelihood(),
        at);
  }

  @EventHandler
  void on(ThreatLikelihoodRated e) {
    sql.update(
        "UPDATE bia_threat SET likelihood = ? WHERE threat_id = ?", e.likelihood(), e.threatId());
  }

  @EventHandler
  void on(ThreatImpactRated e) {
    sql.update(
        "INSERT INTO bia_threat_impact (threat_id, process_id, impact) VALUES (?, ?, ?)"
            + " ON CONFLICT (threat_id, process_id) DO UPDATE SET impact = EXCLUDED.impact",
        e.threatId(),
        e.processId(),
        e.impact());
  }

  @QueryHandler
  public List<ThreatView> threats(ListThreats query) {
    Map<String, ThreatView> threats = new LinkedHashMap<>();
    List<Object> args = new ArrayList<>();
    String after = "";
    if (query.after() != null) {
      args.addAll(Page.parse(query.after(), 2, k -> List.of(k[0], k[1])));
      after = " WHERE (name, threat_id) > (?, ?)";
    }
    args.add(query.limit() + 1);
    sql.list(
            "SELECT * FROM bia_threat" + after + " ORDER BY name, threat_id LIMIT ?",
            r ->
                new ThreatView(
                    r.getString("threat_id"),
                    r.getString("name"),
                    r.getString("description"),
                    r.getInt("likelihood"),
                    new ArrayList<>()),
            args.toArray())
        .forEach(t -> threats.put(t.id(), t));
    record Impact(String threatId, String processId, String processName, int impact) {}
    sql.list(
            "SELECT i.threat_id, i.process_id, p.name, i.impact FROM bia_threat_impact i"
                + " LEFT JOIN bia_process p ON p.process_id = i.process_id"
                + " WHERE i.threat_id = ANY (?)"
                + " ORDER BY i.impact DESC, p.name",
            r ->
                new Impact(
                    r.getString("threat_id"),
                    r.getString("process_id"),
                    r.getString("name"),
                    r.getInt("impact")),
            List.copyOf(threats.keySet()))
        .forEach(
            i -> {
              ThreatView threat = threats.get(i.threatId());
              if (threat != null) {
                threat
                    .risks()
                    .add(
                        new ThreatView.Risk(
                            i.processId(),
                            i.processName(),
                            i.impact(),
                            i.impact() * threat.likelihood()));
              }
            });
    return new ArrayList<>(threats.values());
  }

  /** The sort key of a threat in {@link ListThreats}, for its cursor. */
  public static String key(ThreatView threat) {
    return Page.key(threat.name(), threat.id());
  }
}
