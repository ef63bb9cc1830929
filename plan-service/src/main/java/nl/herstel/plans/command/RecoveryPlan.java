package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.herstel.plans.api.PlanCommands.PublishPlan;
import nl.herstel.plans.api.PlanEvents.PlanPublished;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A recovery plan (herstelplan, IT disaster recovery plan): the playbook during an incident. It
 * names the business processes it recovers, who may activate it (the mandate) and its scenario
 * cards; see DOMAIN.md, step 2. For now a plan is published as version 1 when it is created.
 */
public class RecoveryPlan {
  static final int MAX_NAME = 200;

  @AggregateIdentifier private String planId;
  private int version;

  protected RecoveryPlan() {}

  @CommandHandler
  public RecoveryPlan(PublishPlan command) {
    String name = command.name() == null ? "" : command.name().strip();
    if (name.isEmpty()) {
      throw new RuleViolation("name", "A plan needs a name");
    }
    if (name.length() > MAX_NAME) {
      throw new RuleViolation("name", "A plan's name is at most " + MAX_NAME + " characters");
    }
    if (command.coveredProcessIds().isEmpty()) {
      throw new RuleViolation("coveredProcessIds", "A plan covers at least one business process");
    }
    requireDistinct("coveredProcessIds", "process", command.coveredProcessIds());
    if (command.activationRoles().isEmpty()) {
      throw new RuleViolation("activationRoles", "At least one role must be able to activate it");
    }
    requireDistinct("activationRoles", "role", command.activationRoles());
    for (String role : command.activationRoles()) {
      if (!Roles.ALL.contains(role)) {
        throw new RuleViolation(
            "activationRoles",
            "'" + role + "' is not a Herstel role; known roles: " + String.join(", ", Roles.ALL));
      }
    }
    List<ScenarioCard> cards = command.scenarioCards();
    for (int i = 0; i < cards.size(); i++) {
      checkCard("scenarioCards[" + i + "]", cards.get(i));
    }
    apply(
        new PlanPublished(
            command.planId(),
            name,
            1,
            command.coveredProcessIds(),
            command.activationRoles(),
            cards));
  }

  @EventSourcingHandler
  void on(PlanPublished event) {
    planId = event.planId();
    version = event.version();
  }

  private static void checkCard(String field, ScenarioCard card) {
    if (card == null) {
      throw new RuleViolation(field, "A scenario card must not be null");
    }
    if (card.scenario() == null) {
      throw new RuleViolation(field + ".scenario", "A scenario card names its scenario");
    }
    if (card.title() == null || card.title().isBlank()) {
      throw new RuleViolation(field + ".title", "A scenario card needs a title");
    }
    if (card.steps().isEmpty()) {
      throw new RuleViolation(field + ".steps", "A scenario card has at least one step");
    }
    for (String step : card.steps()) {
      if (step == null || step.isBlank()) {
        throw new RuleViolation(field + ".steps", "A step must not be blank");
      }
    }
  }

  private static void requireDistinct(String field, String what, List<String> values) {
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        throw new RuleViolation(field, "The " + what + " '" + value + "' is named more than once");
      }
    }
  }
}
