package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.devstack.testing.Bench;
import nl.herstel.devstack.testing.Bench.Goal;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A figure, not a timed test of every build: a plan with 50 processes and 200 steps (20 cards of 10
 * steps, each depending on the one before), 30 contacts and a call tree of 10, published and then
 * bundled (HTML, PDF, two signatures, ZIP) through the REST API, after a warm-up. Prints each
 * round, the median and the worst; the goal is at most 2 s.
 *
 * <p>The build runs it short ({@link Bench}); {@code ./bench.sh} runs it in full.
 */
@EnabledIfSystemProperty(named = "herstel.benchmark", matches = Bench.ENABLED)
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class PlanBenchmarkIT {
  private static final int PROCESSES = 50;
  private static final int CARDS = 20;
  private static final int STEPS_PER_CARD = 10;
  private static final int WARM_UP = Bench.size(3, 1);
  private static final int ROUNDS = Bench.size(7, 1);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void publishesAndBundlesAPlanOf50ProcessesAnd200StepsWithinTwoSeconds() {
    List<String> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      String id = UUID.randomUUID().toString();
      processes.add(id);
      ItKafka.publish(
          "herstel.bia.v1",
          id,
          ContractJson.write(
              new ProcessRegistered(
                  id,
                  "Process " + i,
                  null,
                  true,
                  i % 5 == 0,
                  null,
                  Duration.ofHours(48),
                  Duration.ofHours(1 + i % 24),
                  Duration.ofHours(1),
                  Instant.now())),
          "nl.herstel.bia.process-registered.v1",
          UUID.randomUUID().toString(),
          "urn:herstel:bia-service");
    }
    String last = processes.get(PROCESSES - 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM plan_known_process WHERE process_id = '" + last + "'")
                    == 1);
    String body = plan(processes);

    List<Long> millis = new ArrayList<>();
    for (int round = 0; round < WARM_UP + ROUNDS; round++) {
      long start = System.nanoTime();
      String planId = api.createdId(api.post("/api/plans/plans", "plan-owner", body));
      await()
          .pollInterval(Duration.ofMillis(10))
          .atMost(Duration.ofSeconds(30))
          .until(() -> api.get("/api/plans/plans/" + planId, "auditor").statusCode() == 200);
      String path = "/api/plans/" + planId + "/bundle";
      // the first bundle of a server makes its signing key and loads the PDF renderer: on a busy
      // machine longer than one request may take, so the warm-up asks again until it has one
      HttpResponse<byte[]> bundle =
          round < WARM_UP
              ? await()
                  .atMost(Duration.ofMinutes(5))
                  .ignoreExceptions()
                  .until(() -> api.getBytes(path, "recovery-team"), r -> r.statusCode() == 200)
              : api.getBytes(path, "recovery-team");
      long took = (System.nanoTime() - start) / 1_000_000;
      assertThat(bundle.statusCode()).isEqualTo(200);
      if (round >= WARM_UP) {
        millis.add(took);
      }
      System.out.printf(
          "PlanBenchmarkIT round %d%s: published and bundled in %d ms (%d KiB)%n",
          round + 1, round < WARM_UP ? " (warm-up)" : "", took, bundle.body().length / 1024);
    }
    assertThat(millis).hasSize(ROUNDS);
    List<Long> sorted = millis.stream().sorted().toList();
    String plan =
        "a plan of %d processes and %d steps".formatted(PROCESSES, CARDS * STEPS_PER_CARD);
    Bench.record(
        "plan",
        plan + ", published and bundled: median",
        sorted.get(ROUNDS / 2),
        "ms",
        Goal.atMost(2000));
    Bench.record("plan", plan + ", published and bundled: worst", sorted.get(ROUNDS - 1), "ms");
  }

  private static String plan(List<String> processes) {
    StringBuilder json = new StringBuilder("{\"name\":\"Benchmark plan\",\"coveredProcessIds\":[");
    for (int i = 0; i < processes.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(processes.get(i)).append('"');
    }
    json.append("],\"contacts\":[");
    for (int i = 0; i < 30; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"c")
          .append(i)
          .append("\",\"name\":\"Contact ")
          .append(i)
          .append("\",\"channels\":[{\"kind\":\"PHONE\",\"address\":\"+31 6 0000 00")
          .append(i)
          .append("\"},{\"kind\":\"EMAIL\",\"address\":\"c")
          .append(i)
          .append("@example.org\"}]}");
    }
    json.append("],\"callTree\":[");
    for (int i = 0; i < 10; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"contactId\":\"c")
          .append(i)
          .append("\",\"escalateAfter\":\"PT10M\"}");
    }
    json.append("],\"scenarioCards\":[");
    String[] scenarios = {"RANSOMWARE", "DDOS", "POWER_OUTAGE", "FIRE", "WATER_LEAK"};
    for (int c = 0; c < CARDS; c++) {
      json.append(c == 0 ? "" : ",")
          .append("{\"scenario\":\"")
          .append(scenarios[c % scenarios.length])
          .append("\",\"title\":\"Card ")
          .append(c)
          .append("\",\"steps\":[");
      for (int s = 0; s < STEPS_PER_CARD; s++) {
        json.append(s == 0 ? "" : ",")
            .append("{\"id\":\"s")
            .append(s)
            .append("\",\"title\":\"Step ")
            .append(s)
            .append(" of card ")
            .append(c)
            .append("\",\"instructions\":\"Do what step ")
            .append(s)
            .append(" says, then report to the recovery manager.\",\"expectedDuration\":\"PT30M\"")
            .append(s == 0 ? "" : ",\"dependsOn\":[\"s" + (s - 1) + "\"]")
            .append("}");
      }
      json.append("]}");
    }
    return json.append("]}").toString();
  }
}
