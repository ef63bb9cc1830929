package nl.herstel.lessons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.herstel.devstack.testing.Bench;
import nl.herstel.devstack.testing.Bench.Goal;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A figure, not a timed test of every build: the management report over a year of 10,000 incidents
 * (200 processes, 2–3 disrupted per incident, costs, notifications, 2,000 improvement actions,
 * 1,000 BIA proposals, 3,000 evaluations). The read models are filled directly in PostgreSQL
 * (loading them through Kafka would measure the intake, not the report). After a warm-up, 100
 * requests for the year's report as JSON and as the web page, and 20 as PDF, through the REST API;
 * prints p50 and p99 of each. The goal: the period report p99 ≤ 500 ms.
 *
 * <p>The build runs it short ({@link Bench}); {@code ./bench.sh} runs it in full.
 */
@EnabledIfSystemProperty(named = "herstel.benchmark", matches = Bench.ENABLED)
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ReportBenchmarkIT {
  private static final int INCIDENTS = Bench.size(10_000, 100);
  private static final int WARM_UP = Bench.size(60, 2);
  private static final int PROCESSES = 200;
  private static final String[] CATEGORIES = {
    "RANSOMWARE", "PHISHING", "DDOS", "DATA_BREACH", "MALWARE", "INSIDER", "OTHER"
  };
  private static final String[] KINDS = {"LEGAL", "HARDWARE", "SOFTWARE", "LABOUR", "OTHER"};

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void thePeriodReportOverTenThousandIncidents() throws Exception {
    int year = 2300 + new Random().nextInt(500);
    long seeding = System.nanoTime();
    seed(year);
    Bench.record(
        "report",
        "seeded %d incidents in PostgreSQL".formatted(INCIDENTS),
        Bench.millisSince(seeding) / 1000,
        "s");
    String path = "/api/lessons/reports/period?period=" + year;

    HttpResponse<String> first = api.get(path + "&format=json", "management");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(api.json(first).get("summary").get("incidents").asInt()).isEqualTo(INCIDENTS);
    for (int i = 0; i < WARM_UP; i++) {
      api.get(path + "&format=json", "management");
      api.get(path + "&format=html", "management");
    }
    // the first PDF loads the renderer: on a busy machine longer than one request may take
    await()
        .atMost(Duration.ofMinutes(5))
        .ignoreExceptions()
        .until(() -> api.getBytes(path + "&format=pdf", "management"), r -> r.statusCode() == 200);
    for (int i = 0, pdfWarmUp = Bench.size(5, 1); i < pdfWarmUp; i++) {
      api.getBytes(path + "&format=pdf", "management");
    }
    List<Long> json = time(Bench.size(100, 5), () -> api.get(path + "&format=json", "management"));
    List<Long> html = time(Bench.size(100, 5), () -> api.get(path + "&format=html", "management"));
    List<Long> pdf =
        time(Bench.size(20, 2), () -> api.getBytes(path + "&format=pdf", "management"));
    String over = "the year's report over %d incidents".formatted(INCIDENTS);
    Bench.record("report", over + " as JSON p50", percentile(json, 50), "ms");
    Bench.record("report", over + " as JSON p99", percentile(json, 99), "ms", Goal.atMost(500));
    Bench.record(
        "report",
        over
            + " as the web page (%d KiB) p99"
                .formatted(api.get(path + "&format=html", "management").body().length() / 1024),
        percentile(html, 99),
        "ms",
        Goal.atMost(500));
    Bench.record("report", over + " as PDF p99", percentile(pdf, 99), "ms");
  }

  private interface Call {
    HttpResponse<?> run() throws Exception;
  }

  private static List<Long> time(int times, Call call) throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      HttpResponse<?> response = call.run();
      micros.add((System.nanoTime() - start) / 1_000);
      assertThat(response.statusCode()).isEqualTo(200);
    }
    return micros;
  }

  private static double percentile(List<Long> micros, int p) {
    return Bench.percentile(micros.stream().mapToDouble(m -> m / 1000.0).toArray(), p);
  }

  private static void seed(int year) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Random random = new Random(13);
    Instant start = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long yearSeconds = Duration.ofDays(365).toSeconds();
    try (Connection c = ItDatabase.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement incident =
              c.prepareStatement(
                  "INSERT INTO lessons_incident (incident_id, title, severity, category, status,"
                      + " disrupted_at, opened_at, plan_activated_at, recovered_at, closed_at,"
                      + " dismissed) VALUES (?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?, ?, false)");
          PreparedStatement process =
              c.prepareStatement(
                  "INSERT INTO lessons_incident_process (incident_id, process_id, name,"
                      + " rto_seconds, mtpd_seconds, rpo_seconds, restored_at, data_restored_to,"
                      + " recovery_seconds, data_loss_seconds, rto_met, mtpd_met, rpo_met)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement cost =
              c.prepareStatement(
                  "INSERT INTO lessons_incident_cost (cost_id, incident_id, kind, amount,"
                      + " currency, description, incurred_at) VALUES (?, ?, ?, ?, 'EUR', ?, ?)");
          PreparedStatement action =
              c.prepareStatement(
                  "INSERT INTO lessons_improvement_action (action_id, title, owner, due,"
                      + " priority, target_kind, target_id, status, incident_id, version,"
                      + " created_at, updated_at) VALUES (?, ?, 'CIO', ?, 'HIGH', 'PROCESS', ?,"
                      + " ?, ?, 1, ?, ?)")) {
        for (int i = 0; i < INCIDENTS; i++) {
          String id = run + "-i" + i;
          Instant disrupted = start.plusSeconds((long) (random.nextDouble() * yearSeconds));
          long recover = 3600L * (1 + random.nextInt(30));
          incident.setString(1, id);
          incident.setString(2, "Incident " + i);
          incident.setString(3, i % 10 == 0 ? "CRITICAL" : "HIGH");
          incident.setString(4, CATEGORIES[i % CATEGORIES.length]);
          incident.setTimestamp(5, Timestamp.from(disrupted));
          incident.setTimestamp(
              6, Timestamp.from(disrupted.plusSeconds(600 + random.nextInt(7200))));
          incident.setTimestamp(7, Timestamp.from(disrupted.plusSeconds(7200)));
          incident.setTimestamp(8, Timestamp.from(disrupted.plusSeconds(recover)));
          incident.setTimestamp(9, Timestamp.from(disrupted.plusSeconds(recover + 86_400)));
          incident.addBatch();
          int processes = 2 + i % 2;
          for (int p = 0; p < processes; p++) {
            int n = (i * 7 + p * 13) % PROCESSES;
            long rto = 3600L * (4 + n % 20);
            long loss = 600L * random.nextInt(24);
            long rpo = 3600L * (1 + n % 4);
            long took = recover - 600L * p;
            process.setString(1, id);
            process.setString(2, run + "-p" + n);
            process.setString(3, "Process " + n);
            process.setLong(4, rto);
            process.setLong(5, rto * 3);
            process.setLong(6, rpo);
            process.setTimestamp(7, Timestamp.from(disrupted.plusSeconds(took)));
            process.setTimestamp(8, Timestamp.from(disrupted.minusSeconds(loss)));
            process.setLong(9, took);
            process.setLong(10, loss);
            process.setBoolean(11, took <= rto);
            process.setBoolean(12, took <= rto * 3);
            process.setBoolean(13, loss <= rpo);
            process.addBatch();
          }
          cost.setString(1, id + "-c");
          cost.setString(2, id);
          cost.setString(3, KINDS[i % KINDS.length]);
          cost.setBigDecimal(4, BigDecimal.valueOf(500 + random.nextInt(50_000)));
          cost.setString(5, "Cost " + i);
          cost.setTimestamp(6, Timestamp.from(disrupted.plusSeconds(3600)));
          cost.addBatch();
          if (i % 5 == 0) {
            action.setString(1, id + "-a");
            action.setString(2, "Action " + i);
            action.setObject(3, LocalDate.ofInstant(disrupted, ZoneOffset.UTC).plusDays(30));
            action.setString(4, run + "-p" + (i % PROCESSES));
            action.setString(5, i % 3 == 0 ? "DONE" : "OPEN");
            action.setString(6, id);
            action.setTimestamp(7, Timestamp.from(disrupted.plusSeconds(86_400)));
            action.setTimestamp(8, Timestamp.from(disrupted.plusSeconds(86_400)));
            action.addBatch();
          }
          if (i % 500 == 499) {
            incident.executeBatch();
            process.executeBatch();
            cost.executeBatch();
            action.executeBatch();
          }
        }
        incident.executeBatch();
        process.executeBatch();
        cost.executeBatch();
        action.executeBatch();
      }
      c.commit();
      try (var analyze = c.createStatement()) {
        analyze.execute("ANALYZE");
      }
      c.commit();
    }
  }
}
