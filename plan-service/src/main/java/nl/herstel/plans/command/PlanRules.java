package nl.herstel.plans.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanContent.CallTreeEntry;
import nl.herstel.plans.api.PlanContent.Contact;
import nl.herstel.plans.api.PlanContent.Mandate;
import nl.herstel.plans.api.PlanContent.MessageTemplate;
import nl.herstel.plans.api.PlanContent.SupplierAgreement;
import nl.herstel.plans.api.PlanContent.Team;
import nl.herstel.plans.api.PlanContent.TeamMember;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.plans.api.Step;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.security.Roles;

/**
 * The rules a plan's content must keep, whatever its status: every reference inside the plan
 * resolves (contacts, roles, steps), step dependencies form no cycle, and the call tree reaches
 * someone when the network is down. A broken rule names the field as the client wrote it.
 */
final class PlanRules {
  static final int MAX_NAME = 200;

  private PlanRules() {}

  /** The content, with names stripped and card and step ids filled in, or a RuleViolation. */
  static PlanContent check(PlanContent content) {
    if (content == null) {
      throw new RuleViolation(null, "A plan needs content");
    }
    String name = content.name() == null ? "" : content.name().strip();
    if (name.isEmpty()) {
      throw new RuleViolation("name", "A plan needs a name");
    }
    if (name.length() > MAX_NAME) {
      throw new RuleViolation("name", "A plan's name is at most " + MAX_NAME + " characters");
    }
    if (content.coveredProcessIds().isEmpty() && content.suppliers().isEmpty()) {
      throw new RuleViolation(
          "coveredProcessIds",
          "A plan covers at least one business process, or is at least a supplier call list with"
              + " the agreements made (suppliers)");
    }
    requireDistinct("coveredProcessIds", "process", content.coveredProcessIds());
    if (content.activationRoles().isEmpty()) {
      throw new RuleViolation("activationRoles", "At least one role must be able to activate it");
    }
    requireDistinct("activationRoles", "role", content.activationRoles());
    for (String role : content.activationRoles()) {
      if (!Roles.ALL.contains(role)) {
        throw new RuleViolation(
            "activationRoles",
            "'" + role + "' is not a Herstel role; known roles: " + String.join(", ", Roles.ALL));
      }
    }

    Map<String, Contact> contacts = new HashMap<>();
    for (int i = 0; i < content.contacts().size(); i++) {
      Contact contact = content.contacts().get(i);
      if (contacts.put(contact.id(), contact) != null) {
        throw new RuleViolation(
            "contacts[" + i + "].id", "The contact id '" + contact.id() + "' is used twice");
      }
    }
    Set<String> roles = new LinkedHashSet<>(Roles.ALL);
    Set<String> teamIds = new HashSet<>();
    for (int i = 0; i < content.teams().size(); i++) {
      Team team = content.teams().get(i);
      String field = "teams[" + i + "]";
      if (!teamIds.add(team.id())) {
        throw new RuleViolation(field + ".id", "The team id '" + team.id() + "' is used twice");
      }
      for (int j = 0; j < team.members().size(); j++) {
        TeamMember member = team.members().get(j);
        String memberField = field + ".members[" + j + "]";
        requireContact(contacts, memberField + ".contactId", member.contactId());
        if (member.deputyContactId() != null) {
          requireContact(contacts, memberField + ".deputyContactId", member.deputyContactId());
          if (member.deputyContactId().equals(member.contactId())) {
            throw new RuleViolation(
                memberField + ".deputyContactId", "A member cannot be their own deputy");
          }
        }
        roles.add(member.role());
      }
    }
    for (int i = 0; i < content.mandates().size(); i++) {
      Mandate mandate = content.mandates().get(i);
      if (!roles.contains(mandate.role())) {
        throw new RuleViolation(
            "mandates[" + i + "].role",
            "'"
                + mandate.role()
                + "' is neither a Herstel role nor a role in the plan's teams; known roles: "
                + String.join(", ", roles));
      }
    }
    checkCallTree(content.callTree(), contacts);
    Set<String> supplierIds = new HashSet<>();
    for (int i = 0; i < content.suppliers().size(); i++) {
      SupplierAgreement supplier = content.suppliers().get(i);
      if (!supplierIds.add(supplier.id())) {
        throw new RuleViolation(
            "suppliers[" + i + "].id", "The supplier id '" + supplier.id() + "' is used twice");
      }
      if (supplier.contactId() != null) {
        requireContact(contacts, "suppliers[" + i + "].contactId", supplier.contactId());
      }
      if (supplier.guaranteedRecoveryTime() != null
          && supplier.guaranteedRecoveryTime().isNegative()) {
        throw new RuleViolation(
            "suppliers[" + i + "].guaranteedRecoveryTime", "A recovery time is not negative");
      }
    }
    if (content.communication() != null && !content.communication().audiences().isEmpty()) {
      Set<String> audiences = new HashSet<>();
      content.communication().audiences().forEach(a -> audiences.add(a.name()));
      List<MessageTemplate> templates = content.communication().templates();
      for (int i = 0; i < templates.size(); i++) {
        if (!audiences.contains(templates.get(i).audience())) {
          throw new RuleViolation(
              "communication.templates[" + i + "].audience",
              "'" + templates.get(i).audience() + "' is not an audience of the communication plan");
        }
      }
    }
    List<ScenarioCard> cards = ScenarioCard.identified(content.scenarioCards());
    Set<String> cardIds = new HashSet<>();
    for (int i = 0; i < cards.size(); i++) {
      ScenarioCard card = cards.get(i);
      checkCard("scenarioCards[" + i + "]", card, roles);
      if (!cardIds.add(card.id())) {
        throw new RuleViolation(
            "scenarioCards[" + i + "].id", "The card id '" + card.id() + "' is used twice");
      }
    }
    return new PlanContent(
            name,
            content.owner(),
            content.description(),
            content.coveredProcessIds(),
            content.activationRoles(),
            content.activationCriteria(),
            content.terminationCriteria(),
            content.mandates(),
            content.contacts(),
            content.teams(),
            content.callTree(),
            content.suppliers(),
            content.communication(),
            content.scenarioCards(),
            content.reviewDue())
        .withScenarioCards(cards);
  }

  private static void checkCallTree(List<CallTreeEntry> callTree, Map<String, Contact> contacts) {
    boolean outOfBand = false;
    for (int i = 0; i < callTree.size(); i++) {
      CallTreeEntry entry = callTree.get(i);
      String field = "callTree[" + i + "]";
      outOfBand |=
          requireContact(contacts, field + ".contactId", entry.contactId()).reachableOutOfBand();
      for (String called : entry.calls()) {
        requireContact(contacts, field + ".calls", called);
      }
      if (entry.escalateAfter() != null && entry.escalateAfter().isNegative()) {
        throw new RuleViolation(field + ".escalateAfter", "An escalation time is not negative");
      }
    }
    if (!callTree.isEmpty() && !outOfBand) {
      throw new RuleViolation(
          "callTree",
          "Nobody in the call tree can be reached out of band (phone, SMS, messenger, satellite"
              + " phone, radio or a meeting point): with the network down, nobody would be called");
    }
  }

  private static void checkCard(String field, ScenarioCard card, Set<String> roles) {
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
    Map<String, Step> byId = new HashMap<>();
    for (int j = 0; j < card.steps().size(); j++) {
      Step step = card.steps().get(j);
      String stepField = field + ".steps[" + j + "]";
      if (step == null || step.title() == null || step.title().isBlank()) {
        throw new RuleViolation(field + ".steps", "A step must not be blank");
      }
      if (byId.put(step.id(), step) != null) {
        throw new RuleViolation(stepField + ".id", "The step id '" + step.id() + "' is used twice");
      }
      if (step.role() != null && !roles.contains(step.role())) {
        throw new RuleViolation(
            stepField + ".role",
            "'" + step.role() + "' is neither a Herstel role nor a role in the plan's teams");
      }
      if (step.expectedDuration() != null && step.expectedDuration().isNegative()) {
        throw new RuleViolation(stepField + ".expectedDuration", "A duration is not negative");
      }
    }
    for (int j = 0; j < card.steps().size(); j++) {
      Step step = card.steps().get(j);
      for (String dependency : step.dependsOn()) {
        if (!byId.containsKey(dependency)) {
          throw new RuleViolation(
              field + ".steps[" + j + "].dependsOn",
              "Step '"
                  + step.id()
                  + "' depends on '"
                  + dependency
                  + "', which is not a step of"
                  + " this card");
        }
      }
    }
    List<String> cycle = cycle(card.steps(), byId);
    if (!cycle.isEmpty()) {
      throw new RuleViolation(
          field + ".steps",
          "The steps depend on each other in a cycle: " + String.join(" → ", cycle));
    }
  }

  /** A dependency cycle among the steps, as the ids along it (first repeated at the end). */
  static List<String> cycle(List<Step> steps, Map<String, Step> byId) {
    Map<String, Integer> state = new HashMap<>();
    for (Step start : steps) {
      if (state.containsKey(start.id())) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      List<String> found = visit(start.id(), byId, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String id, Map<String, Step> byId, Map<String, Integer> state, Deque<String> path) {
    state.put(id, 1);
    path.addLast(id);
    for (String next : byId.get(id).dependsOn()) {
      Integer s = state.get(next);
      if (s != null && s == 1) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String p : path) {
          in |= p.equals(next);
          if (in) {
            cycle.add(p);
          }
        }
        cycle.add(next);
        return cycle;
      }
      if (s == null) {
        List<String> found = visit(next, byId, state, path);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    path.removeLast();
    state.put(id, 2);
    return List.of();
  }

  private static Contact requireContact(Map<String, Contact> contacts, String field, String id) {
    Contact contact = contacts.get(id);
    if (contact == null) {
      throw new RuleViolation(field, "'" + id + "' is not a contact of this plan");
    }
    return contact;
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
