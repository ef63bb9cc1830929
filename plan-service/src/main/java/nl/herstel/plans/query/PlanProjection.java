package nl.herstel.plans.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.ContractJson;
import nl.herstel.plans.api.PlanEvents.PlanPublished;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PlanQueries.ListPlans;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The plans read model in PostgreSQL: each plan's current version and the processes it covers. Its
 * rows commit in the same transaction as the processor's token, so no event is applied twice.
 */
@ProcessingGroup("plans-read-model")
public class PlanProjection {
  private static final ObjectMapper JSON = ContractJson.mapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<ScenarioCard>> CARDS = new TypeReference<>() {};

  private final JdbcTransactions db;

  public PlanProjection(JdbcTransactions db) {
    this.db = db;
  }

  @EventHandler
  void on(PlanPublished e, @org.axonframework.eventhandling.Timestamp Instant at) {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_plan (plan_id, name, version, status, activation_roles,"
                  + " scenario_cards, published_at) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?)"
                  + " ON CONFLICT (plan_id) DO UPDATE SET name = EXCLUDED.name,"
                  + " version = EXCLUDED.version, status = EXCLUDED.status,"
                  + " activation_roles = EXCLUDED.activation_roles,"
                  + " scenario_cards = EXCLUDED.scenario_cards,"
                  + " published_at = EXCLUDED.published_at")) {
        s.setString(1, e.planId());
        s.setString(2, e.name());
        s.setInt(3, e.version());
        s.setString(4, write(e.activationRoles()));
        s.setString(5, write(e.scenarioCards()));
        s.setTimestamp(6, Timestamp.from(at));
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM plan_covered_process WHERE plan_id = ?")) {
        s.setString(1, e.planId());
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_covered_process (plan_id, process_id, position) VALUES (?, ?, ?)")) {
        List<String> processIds = e.coveredProcessIds();
        for (int i = 0; i < processIds.size(); i++) {
          s.setString(1, e.planId());
          s.setString(2, processIds.get(i));
          s.setInt(3, i);
          s.addBatch();
        }
        s.executeBatch();
      }
    } catch (SQLException ex) {
      throw new DataAccessException("Could not update the plans read model", ex);
    }
  }

  @QueryHandler
  public Optional<PlanView> find(FindPlan query) {
    return plans("SELECT * FROM plan_plan WHERE plan_id = ?", query.planId()).stream().findFirst();
  }

  @QueryHandler
  public List<PlanView> list(ListPlans query) {
    return plans("SELECT * FROM plan_plan ORDER BY name, plan_id");
  }

  private List<PlanView> plans(String sql, Object... args) {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.put(r.getString("plan_id"), Row.of(r));
          }
        }
      }
      if (!rows.isEmpty()) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT plan_id, process_id FROM plan_covered_process WHERE plan_id = ANY (?)"
                    + " ORDER BY plan_id, position")) {
          s.setArray(1, c.createArrayOf("varchar", rows.keySet().toArray()));
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              rows.get(r.getString("plan_id")).covered.add(r.getString("process_id"));
            }
          }
        }
      }
    } catch (SQLException ex) {
      throw new DataAccessException("Could not read plans", ex);
    }
    return rows.values().stream().map(Row::view).toList();
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Could not write plan details as JSON", ex);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Could not read plan details from JSON", ex);
    }
  }

  private record Row(
      String id,
      String name,
      int version,
      String status,
      List<String> activationRoles,
      List<ScenarioCard> scenarioCards,
      Instant publishedAt,
      List<String> covered) {

    static Row of(ResultSet r) throws SQLException {
      return new Row(
          r.getString("plan_id"),
          r.getString("name"),
          r.getInt("version"),
          r.getString("status"),
          read(r.getString("activation_roles"), STRINGS),
          read(r.getString("scenario_cards"), CARDS),
          r.getTimestamp("published_at").toInstant(),
          new ArrayList<>());
    }

    PlanView view() {
      return new PlanView(
          id,
          name,
          version,
          status,
          List.copyOf(covered),
          activationRoles,
          scenarioCards,
          publishedAt);
    }
  }
}
