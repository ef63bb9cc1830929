package nl.herstel.incidents.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.devstack.testing.ItKafka;

/** Plans as plan-service would publish them, for the plan activation ITs. */
final class RecoveryItSupport {
  static final List<String> RANSOMWARE_STEPS =
      List.of(
          "Isolate the infected network segments",
          "Restore the payments database from the offline backup",
          "Verify integrity and bring payments back");

  private RecoveryItSupport() {}

  /** A plan covering {@code processIds}, with a DDoS card and a ransomware card, published. */
  static PlanPublished publishPlan(
      String name, int version, List<String> processIds, List<String> activationRoles) {
    return publish(
        new PlanPublished(
            "plan-" + UUID.randomUUID(),
            name,
            version,
            processIds,
            activationRoles,
            List.of(
                new ScenarioCard("DDoS", "DDoS on the payment gateway", List.of("Call the ISP")),
                new ScenarioCard("Ransomware", "Ransomware on payments", RANSOMWARE_STEPS)),
            Instant.now()));
  }

  /**
   * A plan as plan-service publishes it today: a card with its own id and steps as objects (one
   * naming a role), criteria, mandates, a team and a call tree.
   */
  static PlanPublished publishRichPlan(String name, List<String> processIds) {
    return publish(
        new PlanPublished(
            "plan-" + UUID.randomUUID(),
            name,
            5,
            processIds,
            List.of("incident-commander"),
            List.of(
                new ScenarioCard(
                    "RANSOMWARE",
                    "Ransomware on payments",
                    List.of("Isolate the segment", "Restore the last clean backup"),
                    "payments-ransomware",
                    List.of("threat-1"),
                    List.of(
                        new ScenarioCard.Step(
                            "isolate",
                            "Isolate the segment",
                            "Pull the uplinks",
                            "network-lead",
                            Duration.ofMinutes(30),
                            1,
                            List.of()),
                        new ScenarioCard.Step(
                            "restore",
                            "Restore the last clean backup",
                            null,
                            null,
                            Duration.ofHours(4),
                            2,
                            List.of("isolate"))))),
            Instant.now(),
            "CIO",
            List.of("Payments down for more than an hour"),
            List.of("Payments normal for 24 hours"),
            List.of(new PlanPublished.Mandate("network-lead", "DISCONNECT", "any segment")),
            List.of(
                new PlanPublished.Team(
                    "net",
                    "Network team",
                    "NETWORK",
                    List.of(new PlanPublished.TeamMember("Ann", "network-lead", "Bob")))),
            List.of(
                new PlanPublished.CallTreeEntry(
                    1,
                    "Ann",
                    "Herstel BV",
                    "Network lead",
                    Duration.ofMinutes(15),
                    List.of(new PlanPublished.Channel("PHONE", "+31 6 1111 1111", true))),
                new PlanPublished.CallTreeEntry(
                    2,
                    "HostCo desk",
                    "HostCo",
                    null,
                    null,
                    List.of(new PlanPublished.Channel("PHONE", "+31 20 333 3333", true)))),
            LocalDate.now().plusYears(1)));
  }

  static PlanPublished publish(PlanPublished plan) {
    ItKafka.publish(
        "herstel.plans.v1",
        plan.planId(),
        ContractJson.write(plan),
        EventTypes.of(PlanPublished.class).type(),
        UUID.randomUUID().toString(),
        "urn:herstel:plan-service");
    return plan;
  }

  /** An alert in our own schema. */
  static String alert(String source, String sourceId, List<String> assets, Instant detectedAt) {
    return ("{\"source\":\"%s\",\"sourceId\":\"%s\",\"title\":\"Encrypted files\","
            + "\"severity\":\"HIGH\",\"assets\":[%s],\"detectedAt\":\"%s\"}")
        .formatted(
            source,
            sourceId,
            String.join(",", assets.stream().map(a -> "\"" + a + "\"").toList()),
            detectedAt);
  }
}
