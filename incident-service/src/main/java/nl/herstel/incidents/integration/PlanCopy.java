package nl.herstel.incidents.integration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.incidents.query.PlanCopyView;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Keeps incident-service's copy of the published recovery plans (DOMAIN.md, step 2): which
 * processes each covers, which roles may activate it, and its scenario cards with their steps. An
 * incident is proposed, and activates, a plan from this copy without asking plan-service at the
 * worst possible moment, and the recovery team sees the plan's call tree, teams and mandates on the
 * incident. Only the latest version is kept: an older one arriving late changes nothing. Each event
 * is applied in the consumer's transaction, with its inbox entry.
 */
public class PlanCopy {
  private final Sql sql;

  public PlanCopy(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  public void planPublished(PlanPublished e, IncomingEvent envelope) {
    int applied =
        sql.update(
            "INSERT INTO plan_copy (plan_id, name, version, activation_roles, published_at,"
                + " details) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO UPDATE SET"
                + " name = EXCLUDED.name, version = EXCLUDED.version,"
                + " activation_roles = EXCLUDED.activation_roles,"
                + " published_at = EXCLUDED.published_at, details = EXCLUDED.details"
                + " WHERE plan_copy.version <= EXCLUDED.version",
            e.planId(),
            e.name(),
            e.version(),
            distinct(e.activationRoles()),
            e.occurredAt(),
            json(
                new PlanCopyView.Details(
                    e.owner(),
                    e.activationCriteria(),
                    e.terminationCriteria(),
                    e.mandates(),
                    e.teams(),
                    e.callTree(),
                    e.reviewDue())));
    if (applied == 0) {
      return;
    }
    for (String table : List.of("plan_copy_process", "plan_copy_card")) {
      sql.update("DELETE FROM " + table + " WHERE plan_id = ?", e.planId());
    }
    sql.batch(
        "INSERT INTO plan_copy_process (plan_id, process_id) VALUES (?, ?)",
        distinct(e.coveredProcessIds()).stream()
            .map(processId -> new Object[] {e.planId(), processId})
            .toList());
    List<String> ids = cardIds(e.scenarioCards());
    List<Object[]> cards = new ArrayList<>();
    for (int i = 0; i < e.scenarioCards().size(); i++) {
      ScenarioCard card = e.scenarioCards().get(i);
      cards.add(
          new Object[] {
            e.planId(),
            ids.get(i),
            i,
            card.scenario(),
            card.title(),
            card.steps(),
            json(card.stepDetails())
          });
    }
    sql.batch(
        "INSERT INTO plan_copy_card (plan_id, card_id, position, scenario, title, steps,"
            + " step_details) VALUES (?, ?, ?, ?, ?, ?, ?)",
        cards);
  }

  /**
   * The ids of a plan's cards: the plan's own when every card has one (plan-service keeps them
   * stable from version to version). Plans published before cards had ids give none: then each is
   * its scenario in lower case with dashes ({@code Power failure} → {@code power-failure}),
   * numbered from the second card of the same scenario on ({@code ransomware-2}); {@code card-<n>}
   * when the scenario has no letters. plan-service derives missing ids the same way.
   */
  static List<String> cardIds(List<ScenarioCard> cards) {
    if (!cards.isEmpty() && cards.stream().allMatch(c -> c.id() != null && !c.id().isBlank())) {
      return cards.stream().map(ScenarioCard::id).toList();
    }
    List<String> ids = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < cards.size(); i++) {
      String base =
          cards
              .get(i)
              .scenario()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("^-+|-+$", "");
      if (base.isEmpty()) {
        base = "card-" + (i + 1);
      }
      if (base.length() > 200) {
        base = base.substring(0, 200);
      }
      String id = base;
      for (int n = 2; !taken.add(id); n++) {
        id = base + "-" + n;
      }
      ids.add(id);
    }
    return ids;
  }

  private static List<String> distinct(List<String> values) {
    return values.stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .distinct()
        .toList();
  }

  /** The columns are NOT NULL text: an absent value is kept as JSON {@code null}, as ever. */
  private static String json(Object value) {
    return value == null ? "null" : Sql.json(value);
  }
}
