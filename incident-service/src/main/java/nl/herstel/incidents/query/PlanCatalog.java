package nl.herstel.incidents.query;

import com.fasterxml.jackson.databind.JavaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.api.PlanQueries.FindActivatedPlan;
import nl.herstel.incidents.api.PlanQueries.FindIncidentCategory;
import nl.herstel.incidents.api.PlanQueries.FindPlan;
import nl.herstel.incidents.api.PlanQueries.ProposePlans;
import nl.herstel.incidents.query.PlanProposal.ProcessRef;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.security.Roles;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers from the plan copy: one plan, and the plans proposed for an incident (its disrupted
 * processes from the incident read model, its category from the recovery read model).
 */
public class PlanCatalog {
  /** Who may activate a plan that names no role: the incident commander (DOMAIN.md, step 2). */
  public static final List<String> DEFAULT_MANDATE = List.of(Roles.INCIDENT_COMMANDER);

  private static final JavaType STEPS =
      ContractJson.mapper()
          .getTypeFactory()
          .constructCollectionType(List.class, ScenarioCard.Step.class);
  private static final JavaType DETAILS =
      ContractJson.mapper().getTypeFactory().constructType(PlanCopyView.Details.class);

  private final JdbcTransactions db;

  public PlanCatalog(JdbcTransactions db) {
    this.db = db;
  }

  @QueryHandler
  public Optional<PlanCopyView> plan(FindPlan query) {
    List<PlanCopyView> plans = plans("WHERE p.plan_id = ?", query.planId());
    return plans.stream().findFirst();
  }

  @QueryHandler
  public Optional<IncidentCategory> category(FindIncidentCategory query) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT category FROM incident_category WHERE incident_id = ?")) {
      s.setString(1, query.incidentId());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(IncidentCategory.valueOf(r.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the incident's category", e);
    }
  }

  /** Empty when the incident is not (yet) in the read model. */
  @QueryHandler
  public Optional<PlanProposal> propose(ProposePlans query) {
    List<ProcessRef> disrupted = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT 1 FROM incident WHERE incident_id = ?")) {
        s.setString(1, query.incidentId());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT process_id, name FROM incident_process WHERE incident_id = ?"
                  + " ORDER BY rto_deadline, name, process_id")) {
        s.setString(1, query.incidentId());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            disrupted.add(new ProcessRef(r.getString(1), r.getString(2)));
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the incident's processes", e);
    }
    IncidentCategory category = category(new FindIncidentCategory(query.incidentId())).orElse(null);
    List<PlanCopyView> plans =
        disrupted.isEmpty()
            ? List.of()
            : plans(
                "WHERE p.plan_id IN (SELECT plan_id FROM plan_copy_process"
                    + " WHERE process_id = ANY (?))",
                disrupted.stream().map(ProcessRef::processId).toList());
    return Optional.of(
        new PlanProposal(
            query.incidentId(), category, PlanRanking.rank(disrupted, category, plans)));
  }

  /** The plan activated on the incident (its latest activation), with the copy's details. */
  @QueryHandler
  public Optional<ActivatedPlanView> activated(FindActivatedPlan query) {
    ActivatedPlanView.Activation activation;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT plan_id, plan_version, scenario_card_id, mandate, at FROM"
                    + " incident_activation WHERE incident_id = ? AND NOT refused"
                    + " ORDER BY sequence DESC LIMIT 1")) {
      s.setString(1, query.incidentId());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        activation =
            new ActivatedPlanView.Activation(
                r.getString("plan_id"),
                r.getInt("plan_version"),
                r.getString("scenario_card_id"),
                r.getString("mandate"),
                r.getTimestamp("at").toInstant());
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the incident's activation", e);
    }
    PlanCopyView plan = plan(new FindPlan(activation.planId())).orElse(null);
    return Optional.of(ActivatedPlanView.of(query.incidentId(), activation, plan));
  }

  private static <T> T read(String json, JavaType type) {
    try {
      return ContractJson.mapper().readValue(json, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Could not read the plan copy's details", e);
    }
  }

  private List<PlanCopyView> plans(String where, Object argument) {
    Map<String, PlanRow> rows = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT * FROM plan_copy p " + where + " ORDER BY p.plan_id")) {
        if (argument instanceof List<?> list) {
          s.setArray(1, c.createArrayOf("varchar", list.toArray()));
        } else {
          s.setObject(1, argument);
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.put(r.getString("plan_id"), new PlanRow(r));
          }
        }
      }
      if (rows.isEmpty()) {
        return List.of();
      }
      var ids = c.createArrayOf("varchar", rows.keySet().toArray());
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT plan_id, process_id FROM plan_copy_process WHERE plan_id = ANY (?)"
                  + " ORDER BY plan_id, process_id")) {
        s.setArray(1, ids);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.get(r.getString(1)).processes.add(r.getString(2));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM plan_copy_card WHERE plan_id = ANY (?) ORDER BY plan_id, position")) {
        s.setArray(1, ids);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.get(r.getString("plan_id"))
                .cards
                .add(
                    new PlanCopyView.Card(
                        r.getString("card_id"),
                        r.getString("scenario"),
                        r.getString("title"),
                        List.of((String[]) r.getArray("steps").getArray()),
                        read(r.getString("step_details"), STEPS)));
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the plan copy", e);
    }
    return rows.values().stream().map(PlanRow::view).toList();
  }

  private static final class PlanRow {
    final String id;
    final String name;
    final int version;
    final List<String> roles;
    final List<String> processes = new ArrayList<>();
    final List<PlanCopyView.Card> cards = new ArrayList<>();

    final PlanCopyView.Details details;

    PlanRow(ResultSet r) throws SQLException {
      details = read(r.getString("details"), DETAILS);
      id = r.getString("plan_id");
      name = r.getString("name");
      version = r.getInt("version");
      roles = List.of((String[]) r.getArray("activation_roles").getArray());
    }

    PlanCopyView view() {
      return new PlanCopyView(
          id,
          name,
          version,
          roles,
          roles.isEmpty() ? DEFAULT_MANDATE : roles,
          List.copyOf(processes),
          List.copyOf(cards),
          details);
    }
  }
}
