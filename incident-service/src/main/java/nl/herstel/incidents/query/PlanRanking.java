package nl.herstel.incidents.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.query.PlanProposal.ProcessRef;
import nl.herstel.incidents.query.PlanProposal.ProposedCard;
import nl.herstel.incidents.query.PlanProposal.ProposedPlan;

/**
 * Ranks the recovery plans for an incident. A plan is proposed when it covers at least one
 * disrupted process. Plans with a scenario card fitting the incident's category come first (the
 * card is the playbook for this kind of incident), then those covering more of the disrupted
 * processes, then those covering the most urgent one (earliest RTO deadline), then by name.
 */
public final class PlanRanking {
  private PlanRanking() {}

  /**
   * @param disrupted the incident's disrupted processes, most urgent RTO deadline first
   */
  public static List<ProposedPlan> rank(
      List<ProcessRef> disrupted, IncidentCategory category, List<PlanCopyView> plans) {
    List<Candidate> candidates = new ArrayList<>();
    for (PlanCopyView plan : plans) {
      Set<String> covers = Set.copyOf(plan.coveredProcessIds());
      List<ProcessRef> covered =
          disrupted.stream().filter(p -> covers.contains(p.processId())).toList();
      if (covered.isEmpty()) {
        continue;
      }
      int urgency = disrupted.indexOf(covered.get(0));
      List<ProposedCard> cards = new ArrayList<>();
      for (PlanCopyView.Card card : plan.cards()) {
        cards.add(
            new ProposedCard(
                card.scenarioCardId(),
                card.scenario(),
                card.title(),
                card.steps(),
                category != null && category.fits(card.scenario())));
      }
      cards.sort(Comparator.comparing((ProposedCard c) -> !c.fits()));
      candidates.add(new Candidate(plan, covered, cards, urgency));
    }
    candidates.sort(
        Comparator.comparing((Candidate c) -> !c.fits())
            .thenComparing(c -> -c.covered().size())
            .thenComparing(Candidate::urgency)
            .thenComparing(c -> c.plan().name())
            .thenComparing(c -> c.plan().planId()));
    List<ProposedPlan> ranked = new ArrayList<>();
    for (Candidate c : candidates) {
      ranked.add(
          new ProposedPlan(
              ranked.size() + 1,
              c.plan().planId(),
              c.plan().name(),
              c.plan().version(),
              c.plan().mandate(),
              c.covered(),
              c.cards(),
              why(c, disrupted.size(), category)));
    }
    return ranked;
  }

  private static List<String> why(Candidate c, int disrupted, IncidentCategory category) {
    List<String> why = new ArrayList<>();
    why.add(
        "covers "
            + c.covered().size()
            + " of the "
            + disrupted
            + " disrupted processes: "
            + c.covered().stream().map(ProcessRef::name).collect(Collectors.joining(", ")));
    if (category == null) {
      why.add("the incident has no category yet: classify it to match scenario cards");
    } else if (c.fits()) {
      why.add(
          "scenario card '"
              + c.cards().get(0).title()
              + "' ("
              + c.cards().get(0).scenario()
              + ") fits category "
              + category);
    } else {
      why.add("no scenario card fits category " + category);
    }
    if (c.plan().activationRoles().isEmpty()) {
      why.add("the plan names no activation role: the incident commander may activate it");
    } else {
      why.add("may be activated by: " + String.join(", ", c.plan().mandate()));
    }
    return why;
  }

  private record Candidate(
      PlanCopyView plan, List<ProcessRef> covered, List<ProposedCard> cards, int urgency) {
    boolean fits() {
      return !cards.isEmpty() && cards.get(0).fits();
    }
  }
}
