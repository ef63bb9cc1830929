package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.herstel.devstack.Devstack;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.Test;

/**
 * The foundation's fault cases: with the broker down, commands are still accepted and stored and
 * are published once it is back; a service killed with SIGKILL loses no accepted event and applies
 * none twice after its restart.
 */
class FaultToleranceIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(120);
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));

  @Test
  void commandsAreAcceptedWhileKafkaIsDownAndPublishedWhenItIsBack() {
    Devstack stack = Stack.get();
    stack.kafka().stop();
    List<String> processes;
    try {
      processes = registerProcesses("broker-down", 3);
    } finally {
      stack.kafka().restart();
    }
    for (String processId : processes) {
      assertThat(api.ok(api.get("/api/bia/processes/" + processId, "auditor")).get("id").asText())
          .isEqualTo(processId);
    }
    awaitCoveredExactlyOnce(processes);
  }

  @Test
  void aConsumerKilledWithSigkillAppliesEveryEventOnceAfterRestart() {
    Devstack stack = Stack.get();
    stack.server("plan-service").kill();
    List<String> processes = registerProcesses("consumer-killed", 3);
    stack.restart("plan-service", false);
    awaitCoveredExactlyOnce(processes);
  }

  @Test
  void aProducerKilledWithSigkillLosesNoAcceptedEvent() {
    Devstack stack = Stack.get();
    List<String> processes = registerProcesses("producer-killed", 5);
    stack.restart("bia-service", true);
    for (String processId : processes) {
      await()
          .atMost(EVENTUALLY)
          .until(() -> api.getJson("/api/bia/processes/" + processId, "auditor"), p -> p != null);
    }
    awaitCoveredExactlyOnce(processes);
  }

  private List<String> registerProcesses(String label, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode created =
          api.ok(
              api.post(
                  "/api/bia/processes",
                  "bcm-manager",
                  "{\"name\":\"%s %d %s\",\"mtpd\":\"PT24H\",\"rto\":\"PT4H\"}"
                      .formatted(label, i, UUID.randomUUID())));
      ids.add(created.get("id").asText());
    }
    assertThat(ids).hasSize(count);
    return ids;
  }

  /**
   * plan-service applied each process's ProcessRegistered exactly once: its CloudEvent id (the
   * event's identifier in bia-service's event store) is in plan-service's inbox, and no inbox entry
   * of that type is an id bia-service never stored (a double published under a new id would be).
   * Its coverage, keyed by process, lists each process once.
   */
  private void awaitCoveredExactlyOnce(List<String> processIds) {
    assertThat(processIds).isNotEmpty();
    DeliveryLedger ledger = new DeliveryLedger(Stack.get().postgres());
    Map<String, Set<String>> stored =
        ledger.storedEvents("herstel_bia", "ProcessRegistered", processIds);
    assertThat(stored).hasSize(processIds.size());
    assertThat(stored.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    Set<String> eventIds = new HashSet<>();
    stored.values().forEach(eventIds::addAll);
    await()
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> ledger.inInbox("herstel_plans", eventIds).size() == eventIds.size());
    Set<String> foreign =
        new HashSet<>(ledger.inboxOfType("herstel_plans", "nl.herstel.bia.process-registered.v1"));
    foreign.removeAll(ledger.allEventIds("herstel_bia"));
    assertThat(foreign).as("inbox entries that are no event of bia-service").isEmpty();
    await()
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> occurrences(processIds).stream().allMatch(n -> n >= 1));
    assertThat(occurrences(processIds)).containsOnly(1L);
  }

  private List<Long> occurrences(List<String> processIds) {
    JsonNode entries = api.items("/api/plans/coverage", "plan-owner");
    List<Long> counts = new ArrayList<>();
    for (String id : processIds) {
      long n = 0;
      for (JsonNode entry : entries) {
        if (id.equals(entry.get("processId").asText())) {
          n++;
        }
      }
      counts.add(n);
    }
    return counts;
  }
}
