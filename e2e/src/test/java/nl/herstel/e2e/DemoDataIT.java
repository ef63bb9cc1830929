package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import nl.herstel.devstack.HerstelDemoData;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.Test;

/**
 * The devstack's demo, the municipality of Zuiderveen, loaded into the e2e stack through the
 * gateway, and its key facts read back through the API: a mid-size BIA with a single point of
 * failure, readiness that fails, one incident closed and evaluated, one open with its clocks
 * running, and a management report that is not empty. Loading it again changes nothing.
 */
class DemoDataIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));

  @Test
  void theDemoTellsItsStoryThroughTheApi() throws IOException {
    Path dir = Paths.get("target/demo-data").toAbsolutePath();
    delete(dir);
    Files.createDirectories(dir);
    long started = System.nanoTime();
    Map<String, String> refs = new HerstelDemoData().load(Stack.get(), dir);
    System.out.printf(
        "DemoDataIT: the demo loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);

    // The BIA: at least 10 processes and 30 assets, each readable.
    long processes = refs.keySet().stream().filter(k -> k.startsWith("process:")).count();
    long assets = refs.keySet().stream().filter(k -> k.startsWith("asset:")).count();
    assertThat(processes).isGreaterThanOrEqualTo(10);
    assertThat(assets).isGreaterThanOrEqualTo(30);
    refs.forEach(
        (name, id) -> {
          if (name.startsWith("process:") || name.startsWith("asset:")) {
            String kind = name.startsWith("process:") ? "processes" : "assets";
            assertThat(api.get("/api/bia/" + kind + "/" + id, "auditor").statusCode())
                .as(name)
                .isEqualTo(200);
          }
        });
    JsonNode burgerzaken =
        api.getJson("/api/bia/processes/" + refs.get("process:burgerzaken"), "auditor");
    assertThat(burgerzaken.get("rto").asText()).isEqualTo("PT24H");
    assertThat(burgerzaken.get("owner").asText()).isEqualTo("m.jansen");

    // The storage array is a single point of failure on purpose.
    assertThat(api.get("/api/bia/single-points-of-failure?limit=1000", "auditor").body())
        .contains(refs.get("asset:san-01"));

    // The social domain's backup is weak: readiness fails, and says why.
    JsonNode readiness =
        await("plan-service judges the social domain's readiness")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    json("/api/plans/readiness/" + refs.get("process:uitkeringen"), "bcm-manager"),
                r -> r != null && r.toString().contains("BACKUP_INTERVAL"));
    assertThat(readiness.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(check(readiness, "BACKUP_INTERVAL").get("outcome").asText()).isEqualTo("FAIL");
    assertThat(check(readiness, "RANSOMWARE_COPY").get("outcome").asText()).isEqualTo("FAIL");

    // The plans: one published, one in review.
    assertThat(
            api.getJson("/api/plans/plans/" + refs.get("plan:publiek"), "auditor")
                .get("status")
                .asText())
        .isEqualTo("PUBLISHED");
    assertThat(
            api.getJson("/api/plans/plans/" + refs.get("plan:sociaal"), "auditor")
                .get("status")
                .asText())
        .isEqualTo("IN_REVIEW");

    // The closed incident, evaluated for good.
    String closed = refs.get("incident:ransomware");
    JsonNode ransomware = api.getJson("/api/incidents/" + closed, "auditor");
    assertThat(ransomware.get("status").asText()).isEqualTo("CLOSED");
    JsonNode evaluations =
        api.getJson("/api/lessons/incidents/" + closed + "/evaluations", "management");
    assertThat(evaluations.toString()).contains("\"FINAL\"");
    JsonNode actions =
        api.getJson("/api/lessons/incidents/" + closed + "/improvement-actions", "management");
    assertThat(actions.toString()).contains("\"DONE\"", "\"IN_PROGRESS\"");

    // The open incident: a few hours old, its RTO clocks still running, the DPA still to notify.
    String open = refs.get("incident:breach");
    assertThat(api.getJson("/api/incidents/" + open, "auditor").get("status").asText())
        .isEqualTo("RECOVERING");
    JsonNode deadlines = api.getJson("/api/incidents/" + open + "/deadlines", "incident-commander");
    JsonNode list = deadlines.isArray() ? deadlines : deadlines.path("items");
    assertThat(list.size()).isGreaterThanOrEqualTo(3);
    boolean running = false;
    for (JsonNode deadline : list) {
      running |=
          !deadline.path("breached").asBoolean()
              && Instant.parse(deadline.get("dueAt").asText()).isAfter(Instant.now());
    }
    assertThat(running).as(deadlines.toString()).isTrue();
    assertThat(api.get("/api/incidents/" + open + "/notifications", "incident-commander").body())
        .contains("\"OPEN\"");

    // The management report of the closed incident's year shows it.
    int year =
        Instant.parse(ransomware.get("disruptedAt").asText()).atZone(ZoneOffset.UTC).getYear();
    String report =
        await("the report of the year shows the closed incident")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    api.get(
                            "/api/lessons/reports/period?period=" + year + "&format=json",
                            "management")
                        .body(),
                b -> b.contains(closed));
    assertThat(report).contains("Make the civil registry snapshots immutable");

    // Loading again, even after the marker is lost, repeats nothing: the journal knows every step.
    Files.delete(dir.resolve("demo-data.loaded"));
    assertThat(new HerstelDemoData().load(Stack.get(), dir)).isEqualTo(refs);
    assertThat(new HerstelDemoData().load(Stack.get(), dir)).isEqualTo(refs);
  }

  private JsonNode json(String path, String role) {
    HttpResponse<String> r = api.get(path, role);
    return r.statusCode() == 200 ? api.json(r) : null;
  }

  private static JsonNode check(JsonNode readiness, String name) {
    for (JsonNode c : readiness.get("checks")) {
      if (c.get("check").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no check " + name + " in " + readiness);
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
