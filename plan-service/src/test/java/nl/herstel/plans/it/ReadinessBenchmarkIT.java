package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * A figure, not a timed test of every build: readiness over 2,000 processes, 5,000 assets (1,500 of
 * them data), 10,000 backup policies, 3,000 restore tests, 6,000 dependencies (each process relies
 * on 3 assets, a third of the assets on 1 more), 100 published plans of 20 processes with 3 roles
 * each, training and exercises. The read model is filled directly in PostgreSQL (loading it through
 * Kafka would measure the intake, not readiness). It waits until the readiness watcher has
 * announced all of them (2,000 ReadinessChanged). Then, after a warm-up, 500 requests for one
 * process's readiness and 30 for the organisation's summary through the REST API; prints p50 and
 * p99 of each, and of one process's coverage (a single indexed query through the same REST, JWT and
 * query-bus path) for comparison. The goal: one process p99 ≤ 100 ms.
 *
 * <p>The build runs it short ({@link Bench}); {@code ./bench.sh} runs it in full.
 */
@EnabledIfSystemProperty(named = "herstel.benchmark", matches = Bench.ENABLED)
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ReadinessBenchmarkIT {
  private static final int PROCESSES = Bench.size(2_000, 20);
  private static final int ASSETS = Bench.size(5_000, 50);
  private static final int POLICIES = Bench.size(10_000, 100);
  private static final int RESTORE_TESTS = Bench.size(3_000, 30);
  private static final int PLANS = Math.max(1, PROCESSES / 20); // of 20 processes each
  private static final int SAMPLES = Bench.size(500, 10);
  private static final int SUMMARIES = Bench.size(30, 2);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void readinessOfOneProcessAmong2000WithinAHundredMilliseconds() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> processes = new ArrayList<>();
    List<String> assets = new ArrayList<>();
    Random random = new Random(7);
    Instant now = Instant.now();
    try (Connection c = ItDatabase.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_known_process (process_id, name, critical, crown_jewel,"
                  + " mtpd_seconds, rto_seconds, rpo_seconds, targets_at, registered_at)"
                  + " VALUES (?, ?, true, ?, 172800, ?, 3600, now(), now())")) {
        for (int i = 0; i < PROCESSES; i++) {
          String id = run + "-p" + i;
          processes.add(id);
          s.setString(1, id);
          s.setString(2, "Process " + i);
          s.setBoolean(3, i % 10 == 0);
          s.setLong(4, 3600L * (4 + i % 20));
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_bia_asset (asset_id, name, kind, guarantee_seconds, changed_at)"
                  + " VALUES (?, ?, ?, ?, now())")) {
        for (int i = 0; i < ASSETS; i++) {
          String id = run + "-a" + i;
          assets.add(id);
          String kind = i % 10 < 3 ? "DATA" : i % 10 == 3 ? "SUPPLIER" : "SOFTWARE";
          s.setString(1, id);
          s.setString(2, "Asset " + i);
          s.setString(3, kind);
          s.setObject(4, kind.equals("SUPPLIER") ? 3600L * (2 + i % 12) : null);
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_bia_dependency (dependency_id, from_id, from_kind, to_id, to_kind)"
                  + " VALUES (?, ?, ?, ?, 'ASSET')")) {
        int n = 0;
        for (String p : processes) {
          for (int k = 0; k < 3; k++) {
            s.setString(1, run + "-d" + n++);
            s.setString(2, p);
            s.setString(3, "PROCESS");
            s.setString(4, assets.get(random.nextInt(ASSETS)));
            s.addBatch();
          }
        }
        for (int i = 0; i < ASSETS; i += 3) {
          s.setString(1, run + "-d" + n++);
          s.setString(2, assets.get(i));
          s.setString(3, "ASSET");
          s.setString(4, assets.get(random.nextInt(ASSETS)));
          s.addBatch();
        }
        s.executeBatch();
      }
      String[] media = {"SNAPSHOT", "DISK", "TAPE", "CLOUD"};
      String[] locations = {"ONSITE", "OFFSITE", "OFFLINE"};
      List<String> policies = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_backup_policy (policy_id, asset_id, name, media, location,"
                  + " backup_type, frequency_seconds, retention_seconds, immutable, offline_copy,"
                  + " covers_data, covers, restore_test_interval_seconds, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, 'INCREMENTAL', ?, 2592000, ?, ?, true, 'DATA',"
                  + " 7776000, now())")) {
        for (int i = 0; i < POLICIES; i++) {
          String id = run + "-b" + i;
          policies.add(id);
          s.setString(1, id);
          s.setString(2, assets.get(i % ASSETS));
          s.setString(3, "Policy " + i);
          s.setString(4, media[i % 4]);
          s.setString(5, locations[i % 3]);
          s.setLong(6, i % 2 == 0 ? 3600 : 86400);
          s.setBoolean(7, i % 5 == 0);
          s.setBoolean(8, i % 7 == 0);
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO plan_restore_test (test_id, asset_id, policy_id, started_at,"
                  + " restore_point, duration_seconds, result, recorded_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, 'SUCCEEDED', now())")) {
        for (int i = 0; i < RESTORE_TESTS; i++) {
          int policy = random.nextInt(POLICIES);
          Instant started = now.minusSeconds(86400L * random.nextInt(120));
          s.setString(1, run + "-t" + i);
          s.setString(2, assets.get(policy % ASSETS));
          s.setString(3, policies.get(policy));
          s.setTimestamp(4, Timestamp.from(started));
          s.setTimestamp(5, Timestamp.from(started.minusSeconds(1800)));
          s.setLong(6, 3600L * (1 + random.nextInt(10)));
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement plan =
              c.prepareStatement(
                  "INSERT INTO plan_plan (plan_id, name, version, status, activation_roles,"
                      + " scenario_cards, published_at, owner, published_version, content,"
                      + " review_due, updated_at) VALUES (?, ?, 4, 'PUBLISHED', '[]', '[]', now(),"
                      + " 'CIO', 4, ?, ?, now())");
          PreparedStatement covered =
              c.prepareStatement(
                  "INSERT INTO plan_covered_process (plan_id, process_id, position)"
                      + " VALUES (?, ?, ?)");
          PreparedStatement training =
              c.prepareStatement(
                  "INSERT INTO plan_training_record (record_id, person, role, plan_id, topic,"
                      + " trained_on, valid_until, recorded_at)"
                      + " VALUES (?, ?, ?, ?, 'Drill', ?, ?, now())")) {
        for (int p = 0; p < PLANS; p++) {
          String planId = run + "-plan" + p;
          plan.setString(1, planId);
          plan.setString(2, "Plan " + p);
          plan.setString(
              3,
              "{\"name\":\"Plan "
                  + p
                  + "\",\"teams\":[{\"id\":\"t\",\"name\":\"Team\",\"kind\":\"SERVER\",\"members\":["
                  + "{\"contactId\":\"a\",\"role\":\"lead\",\"deputyContactId\":\"b\"},"
                  + "{\"contactId\":\"c\",\"role\":\"db\"},{\"contactId\":\"d\",\"role\":\"comms\"}]}]}");
          plan.setObject(4, LocalDate.now().plusMonths(p % 2 == 0 ? 6 : -1));
          plan.addBatch();
          for (int i = 0; i < 20; i++) {
            covered.setString(1, planId);
            covered.setString(2, processes.get(p * 20 + i));
            covered.setInt(3, i);
            covered.addBatch();
          }
          String[][] people = {{"b", "lead"}, {"c", "db"}, {"d", "comms"}};
          for (int k = 0; k < (p % 3 == 0 ? 2 : 3); k++) {
            training.setString(1, planId + "-tr" + k);
            training.setString(2, people[k][0]);
            training.setString(3, people[k][1]);
            training.setString(4, planId);
            training.setObject(5, LocalDate.now().minusMonths(2));
            training.setObject(6, LocalDate.now().plusMonths(p % 4 == 0 ? -1 : 10));
            training.addBatch();
          }
        }
        plan.executeBatch();
        covered.executeBatch();
        training.executeBatch();
      }
      try (PreparedStatement x =
              c.prepareStatement(
                  "INSERT INTO plan_exercise (exercise_id, plan_id, kind, title, process_ids,"
                      + " participants, status, started_at, completed_at, updated_at)"
                      + " VALUES (?, ?, 'TABLETOP', 'Drill', '[]', '[]', 'COMPLETED', ?, ?, now())");
          PreparedStatement r =
              c.prepareStatement(
                  "INSERT INTO plan_exercise_result (exercise_id, process_id, achieved_seconds,"
                      + " findings, recorded_at) VALUES (?, ?, ?, '[]', now())")) {
        for (int p = 0; p < PLANS; p++) {
          String exerciseId = run + "-x" + p;
          x.setString(1, exerciseId);
          x.setString(2, run + "-plan" + p);
          x.setTimestamp(3, Timestamp.from(now.minusSeconds(86400L * 30)));
          x.setTimestamp(4, Timestamp.from(now.minusSeconds(86400L * 30)));
          x.addBatch();
          for (int i = 0; i < 20; i++) {
            r.setString(1, exerciseId);
            r.setString(2, processes.get(p * 20 + i));
            r.setLong(3, 3600L * (2 + random.nextInt(20)));
            r.addBatch();
          }
        }
        x.executeBatch();
        r.executeBatch();
      }
      c.commit();
    }

    long settling = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM plan_readiness_state WHERE process_id LIKE ?",
                        run + "-%")
                    == PROCESSES);
    Bench.record(
        "readiness",
        "the watcher announced %d new processes".formatted(PROCESSES),
        Bench.millisSince(settling) / 1000,
        "s");
    for (int i = 0, warmUp = Bench.size(50, 2); i < warmUp; i++) {
      assertThat(
              api.get("/api/plans/readiness/" + processes.get(random.nextInt(PROCESSES)), "auditor")
                  .statusCode())
          .isEqualTo(200);
    }
    List<Long> one = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r =
          api.get("/api/plans/readiness/" + processes.get(random.nextInt(PROCESSES)), "auditor");
      one.add((System.nanoTime() - start) / 1_000);
      assertThat(r.statusCode()).isEqualTo(200);
    }
    List<Long> baseline = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r =
          api.get("/api/plans/coverage/" + processes.get(random.nextInt(PROCESSES)), "auditor");
      baseline.add((System.nanoTime() - start) / 1_000);
      assertThat(r.statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/plans/readiness", "auditor").statusCode()).isEqualTo(200);
    }
    List<Long> all = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < SUMMARIES; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = api.get("/api/plans/readiness", "auditor");
      all.add((System.nanoTime() - start) / 1_000);
      assertThat(r.statusCode()).isEqualTo(200);
      size = r.body().length();
    }
    assertThat(one).hasSize(SAMPLES);
    assertThat(all).hasSize(SUMMARIES);
    assertThat(baseline).hasSize(SAMPLES);
    String among =
        " among %d processes, %d assets, %d policies".formatted(PROCESSES, ASSETS, POLICIES);
    Bench.record("readiness", "one process p50" + among, percentile(one, 50), "ms");
    Bench.record(
        "readiness", "one process p99" + among, percentile(one, 99), "ms", Goal.atMost(100));
    Bench.record(
        "readiness",
        "for comparison, one process's coverage (one indexed query) p99",
        percentile(baseline, 99),
        "ms");
    Bench.record(
        "readiness",
        "organisation summary (%d KiB) p99".formatted(size / 1024),
        percentile(all, 99),
        "ms");
  }

  private static double percentile(List<Long> micros, int p) {
    return Bench.percentile(micros.stream().mapToDouble(m -> m / 1000.0).toArray(), p);
  }
}
