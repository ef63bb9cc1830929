package nl.herstel.plans.integration;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanRetired;
import nl.herstel.contracts.plans.PlanReviewDue;
import nl.herstel.contracts.plans.PlanRevised;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanContent.Contact;
import nl.herstel.plans.api.PlanEvents;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which plan events leave the service, and in which contract shape (topic herstel.plans.v1). A
 * card's scenario travels as the name of {@link nl.herstel.plans.api.Scenario}, e.g. {@code
 * RANSOMWARE}; its steps both as titles (what the first consumers read) and as objects. The call
 * tree travels with each person's name and channels resolved, so a consumer can show it without the
 * plan's contact list.
 */
public class PlanContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    Instant at = message.getTimestamp();
    if (payload instanceof PlanEvents.PlanPublished e) {
      return Optional.of(published(e.planId(), e.version(), e.content(), at));
    }
    if (payload instanceof PlanEvents.PlanVersionPublished e) {
      return Optional.of(published(e.planId(), e.version(), e.content(), at));
    }
    if (payload instanceof PlanEvents.PlanDrafted e) {
      return Optional.of(
          new PlanRevised(e.planId(), e.content().name(), e.version(), "DRAFT", e.reason(), at));
    }
    if (payload instanceof PlanEvents.PlanContentRevised e) {
      return Optional.of(
          new PlanRevised(e.planId(), e.content().name(), e.version(), "DRAFT", e.reason(), at));
    }
    if (payload instanceof PlanEvents.PlanStatusChanged e) {
      return Optional.of(
          new PlanRevised(e.planId(), e.name(), e.version(), e.to().name(), e.reason(), at));
    }
    if (payload instanceof PlanEvents.PlanRetired e) {
      return Optional.of(new PlanRetired(e.planId(), e.version(), e.reason(), at));
    }
    if (payload instanceof PlanEvents.PlanReviewRequested e) {
      return Optional.of(
          new PlanReviewDue(
              e.planId(), e.name(), e.version(), e.cause(), e.reason(), e.reviewDue(), at));
    }
    return Optional.empty();
  }

  static PlanPublished published(String planId, int version, PlanContent c, Instant at) {
    Map<String, Contact> contacts = new HashMap<>();
    c.contacts().forEach(contact -> contacts.put(contact.id(), contact));
    List<PlanPublished.CallTreeEntry> callTree =
        java.util.stream.IntStream.range(0, c.callTree().size())
            .mapToObj(
                i -> {
                  PlanContent.CallTreeEntry entry = c.callTree().get(i);
                  Contact contact = contacts.get(entry.contactId());
                  return new PlanPublished.CallTreeEntry(
                      i + 1,
                      contact == null ? entry.contactId() : contact.name(),
                      contact == null ? null : contact.organisation(),
                      contact == null ? null : contact.function(),
                      entry.escalateAfter(),
                      contact == null
                          ? List.of()
                          : contact.channels().stream()
                              .map(
                                  ch ->
                                      new PlanPublished.Channel(
                                          ch.kind().name(), ch.address(), ch.kind().outOfBand()))
                              .toList());
                })
            .toList();
    return new PlanPublished(
        planId,
        c.name(),
        version,
        c.coveredProcessIds(),
        c.activationRoles(),
        c.scenarioCards().stream()
            .map(
                card ->
                    new ScenarioCard(
                        card.scenario().name(),
                        card.title(),
                        card.steps().stream().map(s -> s.title()).toList(),
                        card.id(),
                        card.threatIds(),
                        card.steps().stream()
                            .map(
                                s ->
                                    new ScenarioCard.Step(
                                        s.id(),
                                        s.title(),
                                        s.instructions(),
                                        s.role(),
                                        s.expectedDuration(),
                                        s.order() == null ? 0 : s.order(),
                                        s.dependsOn()))
                            .toList()))
            .toList(),
        at,
        c.owner(),
        c.activationCriteria(),
        c.terminationCriteria(),
        c.mandates().stream()
            .map(m -> new PlanPublished.Mandate(m.role(), m.decision().name(), m.description()))
            .toList(),
        c.teams().stream()
            .map(
                t ->
                    new PlanPublished.Team(
                        t.id(),
                        t.name(),
                        t.kind().name(),
                        t.members().stream()
                            .map(
                                m ->
                                    new PlanPublished.TeamMember(
                                        name(contacts, m.contactId()),
                                        m.role(),
                                        m.deputyContactId() == null
                                            ? null
                                            : name(contacts, m.deputyContactId())))
                            .toList()))
            .toList(),
        callTree,
        c.reviewDue());
  }

  private static String name(Map<String, Contact> contacts, String id) {
    Contact contact = contacts.get(id);
    return contact == null ? id : contact.name();
  }
}
