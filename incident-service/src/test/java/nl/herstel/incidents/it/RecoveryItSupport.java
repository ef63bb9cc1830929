package nl.herstel.incidents.it;

import java.time.Instant;
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
