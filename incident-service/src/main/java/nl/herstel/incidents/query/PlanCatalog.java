package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.fromJson;
import static nl.herstel.platform.jdbc.Sql.instant;

import com.fasterxml.jackson.databind.JavaType;
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
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
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

  private final Sql sql;

  public PlanCatalog(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @QueryHandler
  public Optional<PlanCopyView> plan(FindPlan query) {
    List<PlanCopyView> plans = plans("WHERE p.plan_id = ?", query.planId());
    return plans.stream().findFirst();
  }

  @QueryHandler
  public Optional<IncidentCategory> category(FindIncidentCategory query) {
    return sql.one(
        "SELECT category FROM incident_category WHERE incident_id = ?",
        r -> IncidentCategory.valueOf(r.getString(1)),
        query.incidentId());
  }

  /** Empty when the incident is not (yet) in the read model. */
  @QueryHandler
  public Optional<PlanProposal> propose(ProposePlans query) {
    if (!sql.exists("SELECT 1 FROM incident WHERE incident_id = ?", query.incidentId())) {
      return Optional.empty();
    }
    List<ProcessRef> disrupted =
        sql.list(
            "SELECT process_id, name FROM incident_process WHERE incident_id = ?"
                + " ORDER BY rto_deadline, name, process_id",
            r -> new ProcessRef(r.getString(1), r.getString(2)),
            query.incidentId());
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
    Optional<ActivatedPlanView.Activation> latest =
        sql.one(
            "SELECT plan_id, plan_version, scenario_card_id, mandate, at FROM"
                + " incident_activation WHERE incident_id = ? AND NOT refused"
                + " ORDER BY sequence DESC LIMIT 1",
            r ->
                new ActivatedPlanView.Activation(
                    r.getString("plan_id"),
                    r.getInt("plan_version"),
                    r.getString("scenario_card_id"),
                    r.getString("mandate"),
                    instant(r, "at")),
            query.incidentId());
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    ActivatedPlanView.Activation activation = latest.get();
    PlanCopyView plan = plan(new FindPlan(activation.planId())).orElse(null);
    return Optional.of(ActivatedPlanView.of(query.incidentId(), activation, plan));
  }

  private List<PlanCopyView> plans(String where, Object argument) {
    Map<String, PlanRow> rows = new LinkedHashMap<>();
    sql.list("SELECT * FROM plan_copy p " + where + " ORDER BY p.plan_id", PlanRow::new, argument)
        .forEach(row -> rows.put(row.id, row));
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = List.copyOf(rows.keySet());
    sql.list(
        "SELECT plan_id, process_id FROM plan_copy_process WHERE plan_id = ANY (?)"
            + " ORDER BY plan_id, process_id",
        r -> rows.get(r.getString(1)).processes.add(r.getString(2)),
        ids);
    sql.list(
        "SELECT * FROM plan_copy_card WHERE plan_id = ANY (?) ORDER BY plan_id, position",
        r ->
            rows.get(r.getString("plan_id"))
                .cards
                .add(
                    new PlanCopyView.Card(
                        r.getString("card_id"),
                        r.getString("scenario"),
                        r.getString("title"),
                        List.of((String[]) r.getArray("steps").getArray()),
                        fromJson(r.getString("step_details"), STEPS))),
        ids);
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
      details = fromJson(r.getString("details"), DETAILS);
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
