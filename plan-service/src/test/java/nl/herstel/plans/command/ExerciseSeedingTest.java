package nl.herstel.plans.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.plans.api.ExerciseKind;
import nl.herstel.plans.api.IncidentFactKind;
import nl.herstel.plans.api.IncidentTimeline;
import nl.herstel.plans.api.IncidentTimeline.Fact;
import nl.herstel.plans.api.IncidentTimelines;
import nl.herstel.plans.api.PreparednessCommands.PlanExercise;
import nl.herstel.plans.api.PreparednessCommands.ReplayInject;
import nl.herstel.plans.api.PreparednessEvents.ExercisePlanned;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ExerciseSeedingTest {
  private static final Instant START = Instant.parse("2026-10-01T08:00:00Z");

  private static final IncidentTimeline CLOSED =
      new IncidentTimeline(
          "inc-1",
          "Ledger encrypted",
          START,
          START.plus(Duration.ofHours(6)),
          List.of(
              fact(IncidentFactKind.OPENED, 30, null, null, "Incident opened", null),
              fact(IncidentFactKind.DECISION, 120, null, "ann", "Decided: restore", null),
              fact(
                  IncidentFactKind.PROCESS_RESTORED,
                  300,
                  "p1",
                  null,
                  "Process p1 restored",
                  Duration.ofMinutes(300)),
              fact(IncidentFactKind.CLOSED, 360, null, null, "Incident closed", null)));

  private static final IncidentTimeline OPEN =
      new IncidentTimeline(
          "inc-2",
          "Still burning",
          START,
          null,
          List.of(fact(IncidentFactKind.OPENED, 10, null, null, "Incident opened", null)));

  private static Fact fact(
      IncidentFactKind kind,
      long minutes,
      String processId,
      String by,
      String what,
      Duration recovery) {
    return new Fact(kind, START.plus(Duration.ofMinutes(minutes)), processId, by, what, recovery);
  }

  private static AggregateTestFixture<Exercise> fixture() {
    Map<String, IncidentTimeline> known = Map.of("inc-1", CLOSED, "inc-2", OPEN);
    AggregateTestFixture<Exercise> fixture = new AggregateTestFixture<>(Exercise.class);
    fixture.registerInjectableResource(
        (IncidentTimelines) id -> Optional.ofNullable(known.get(id)));
    return fixture;
  }

  private static PlanExercise seeded(String incidentId, Integer compression) {
    return new PlanExercise(
        "x",
        "plan",
        List.of("p1"),
        ExerciseKind.SIMULATION,
        "Replay",
        null,
        List.of(),
        null,
        incidentId,
        compression);
  }

  @Test
  void everyFactOfTheIncidentBecomesAStepAtItsCompressedOffset() {
    fixture()
        .givenNoPriorActivity()
        .when(seeded("inc-1", 2))
        .expectEvents(
            new ExercisePlanned(
                "x",
                "plan",
                List.of("p1"),
                ExerciseKind.SIMULATION,
                "Replay",
                null,
                List.of(),
                null,
                "inc-1",
                List.of(
                    inject(null, 15, null, "Incident opened", IncidentFactKind.OPENED, 30, null),
                    inject(
                        null, 60, null, "Decided: restore", IncidentFactKind.DECISION, 120, "ann"),
                    inject(
                        "p1",
                        150,
                        Duration.ofMinutes(300),
                        "Process p1 restored",
                        IncidentFactKind.PROCESS_RESTORED,
                        300,
                        null),
                    inject(
                        null, 180, null, "Incident closed", IncidentFactKind.CLOSED, 360, null))));
  }

  @Test
  void cannotSeedFromAnIncidentStillOpen() {
    fixture()
        .givenNoPriorActivity()
        .when(seeded("inc-2", null))
        .expectNoEvents()
        .expectException(RuleViolation.class)
        .expectExceptionMessage("Incident inc-2 is not known here as closed");
  }

  @Test
  void cannotSeedFromAnUnknownIncident() {
    fixture()
        .givenNoPriorActivity()
        .when(seeded("inc-3", 4))
        .expectNoEvents()
        .expectException(RuleViolation.class);
  }

  @Test
  void aFactBeforeTheDisruptionIsPlayedAtTheStart() {
    IncidentTimeline skewed =
        new IncidentTimeline(
            "inc-4",
            "Skewed",
            START,
            START.plusSeconds(60),
            List.of(fact(IncidentFactKind.OPENED, -5, null, null, "Incident opened", null)));
    List<ReplayInject> script = IncidentReplay.script(skewed, 3);
    org.assertj.core.api.Assertions.assertThat(script).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(script.get(0).after()).isEqualTo(Duration.ZERO);
  }

  private static ReplayInject inject(
      String processId,
      long afterMinutes,
      Duration recovery,
      String what,
      IncidentFactKind kind,
      long atMinutes,
      String by) {
    return new ReplayInject(
        processId,
        Duration.ofMinutes(afterMinutes),
        recovery,
        what,
        kind,
        START.plus(Duration.ofMinutes(atMinutes)),
        by);
  }
}
