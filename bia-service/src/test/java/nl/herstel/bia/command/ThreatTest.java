package nl.herstel.bia.command;

import nl.herstel.bia.api.BiaCommands.RateThreatImpact;
import nl.herstel.bia.api.BiaCommands.RegisterThreat;
import nl.herstel.bia.api.BiaEvents.ThreatImpactRated;
import nl.herstel.bia.api.BiaEvents.ThreatRegistered;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreatTest {
  private AggregateTestFixture<Threat> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Threat.class);
  }

  @Test
  void registersAThreatAndRatesItsImpactOnAProcess() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterThreat("t1", "Ransomware", null, 4))
        .expectEvents(new ThreatRegistered("t1", "Ransomware", null, 4));
    fixture
        .given(new ThreatRegistered("t1", "Ransomware", null, 4))
        .when(new RateThreatImpact("t1", "p1", 5))
        .expectEvents(new ThreatImpactRated("t1", "p1", 5));
  }

  @Test
  void refusesScoresOutsideOneToFive() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterThreat("t1", "Flood", null, 6))
        .expectException(RuleViolation.class)
        .expectNoEvents();
    fixture
        .given(new ThreatRegistered("t1", "Flood", null, 2))
        .when(new RateThreatImpact("t1", "p1", 0))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }
}
