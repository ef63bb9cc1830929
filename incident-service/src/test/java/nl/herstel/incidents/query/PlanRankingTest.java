package nl.herstel.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.query.PlanProposal.ProcessRef;
import nl.herstel.incidents.query.PlanProposal.ProposedPlan;
import org.junit.jupiter.api.Test;

class PlanRankingTest {
  private static final List<ProcessRef> DISRUPTED =
      List.of(new ProcessRef("p1", "Payments"), new ProcessRef("p2", "Payouts"));

  private static PlanCopyView plan(String id, List<String> covers, String... scenarios) {
    List<PlanCopyView.Card> cards =
        java.util.Arrays.stream(scenarios)
            .map(s -> new PlanCopyView.Card(s, s, "Card " + s, List.of("step")))
            .toList();
    return new PlanCopyView(
        id, "Plan " + id, 1, List.of(), List.of("incident-commander"), covers, cards);
  }

  @Test
  void aPlanWithAFittingCardComesFirstThenTheOneCoveringMore() {
    List<ProposedPlan> ranked =
        PlanRanking.rank(
            DISRUPTED,
            IncidentCategory.RANSOMWARE,
            List.of(
                plan("wide", List.of("p1", "p2"), "ddos"),
                plan("fitting", List.of("p2"), "power-failure", "Ransomware"),
                plan("none", List.of("p9"), "ransomware")));
    assertThat(ranked).extracting(ProposedPlan::planId).containsExactly("fitting", "wide");
    assertThat(ranked).extracting(ProposedPlan::rank).containsExactly(1, 2);
    ProposedPlan first = ranked.get(0);
    assertThat(first.cards()).hasSize(2);
    assertThat(first.cards().get(0).scenario()).isEqualTo("Ransomware");
    assertThat(first.cards().get(0).fits()).isTrue();
    assertThat(first.cards().get(1).fits()).isFalse();
    assertThat(first.why()).anyMatch(w -> w.contains("fits category RANSOMWARE"));
    assertThat(ranked.get(1).why()).anyMatch(w -> w.startsWith("covers 2 of the 2"));
  }

  @Test
  void withoutACategoryTheMostUrgentCoverageWinsAmongEquals() {
    List<ProposedPlan> ranked =
        PlanRanking.rank(
            DISRUPTED,
            null,
            List.of(plan("b", List.of("p2"), "ransomware"), plan("a", List.of("p1"))));
    assertThat(ranked).extracting(ProposedPlan::planId).containsExactly("a", "b");
    assertThat(ranked.get(0).why()).anyMatch(w -> w.contains("no category yet"));
  }

  @Test
  void categoriesFitScenarioNamesLoosely() {
    assertThat(IncidentCategory.POWER_OUTAGE.fits("Power failure")).isTrue();
    assertThat(IncidentCategory.DATA_BREACH.fits("data-breach")).isTrue();
    assertThat(IncidentCategory.DDOS.fits("DDoS")).isTrue();
    assertThat(IncidentCategory.RANSOMWARE.fits("ddos")).isFalse();
    assertThat(IncidentCategory.OTHER.fits("ransomware")).isFalse();
  }
}
