package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.herstel.devstack.Devstack;
import nl.herstel.devstack.EmbeddedPostgresServer;
import nl.herstel.devstack.testing.Bench;
import nl.herstel.devstack.testing.Bench.Goal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The intake benchmark, on the e2e devstack: how long the stack took to become ready; SOC alerts
 * through the gateway into incident-service as single events (8 clients at once) and as NDJSON
 * batches of 100 and 1,000; pgbench's single-row INSERT rate on the same PostgreSQL as the
 * reference for what the database does, and the intake's ratios to it; single alerts at half the
 * peak rate; the time from an alert's 202 to its incident in incident-service's and in
 * lessons-service's read model; each server's resident memory afterwards. It asserts only that the
 * intake answered. The build runs it short ({@link Bench}); {@code ./bench.sh} runs it in full (and
 * installs pgbench when it is missing; {@code -Dherstel.pgbench} names another).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "herstel.benchmark", matches = Bench.ENABLED)
class IntakeBenchmarkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 8;

  private final Devstack stack = Stack.get();
  private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
  // its own threads: the pool's are busy waiting for answers
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String token = stack.token("soc-intake");
  private final String intake = stack.gatewayUrl() + "/api/incidents/intake";

  @Test
  void measuresTheIntake() throws Exception {
    try {
      stackFigures();
      // warm-up: a fresh server runs interpreted and compiles for a minute (measured here: C2
      // took a third of incident-service's CPU in the first thousand alerts); pools and Kafka too
      print("warm-up (not counted)", singles(Bench.size(3000, 40)));
      Figures singles = singles(Bench.size(4000, 40));
      print("single alerts, " + CLIENTS + " clients", singles);
      Figures hundreds = batches(Bench.size(40, 2), 100, 2);
      print("NDJSON batches of 100, 2 clients", hundreds);
      Figures thousands = batches(Bench.size(8, 1), 1000, 1);
      print("NDJSON batches of 1,000, 1 client", thousands);
      double reference = reference();
      Bench.record(
          "intake",
          "single alerts ÷ pgbench single-row INSERT, 8 clients each",
          singles.rate() / reference,
          "×",
          Goal.atLeast(0.3));
      Bench.record(
          "intake",
          "batches of 100 ÷ pgbench single-row INSERT",
          hundreds.rate() / reference,
          "×",
          Goal.atLeast(1.0));
      Bench.record(
          "intake",
          "batches of 1,000 ÷ pgbench single-row INSERT",
          thousands.rate() / reference,
          "×",
          Goal.atLeast(1.0));
      double half = singles.rate() / 2;
      Figures paced = paced(half, Bench.size(1500, 20));
      Bench.record(
          "intake",
          "single alerts at half the peak rate (%.0f/s), from the planned send time, p99"
              .formatted(half),
          Bench.percentile(paced.latenciesMs(), 99),
          "ms",
          Goal.atMost(50));
      visibility(
          "herstel_incidents",
          "SELECT 1 FROM incident WHERE incident_id = ?",
          "incident-service's read model",
          50);
      visibility(
          "herstel_lessons",
          "SELECT 1 FROM lessons_incident WHERE incident_id = ?",
          "lessons-service's read model (through Kafka)",
          100);
      memoryFigures();
    } finally {
      pool.shutdownNow();
    }
  }

  /** How long the e2e stack took to become ready (PostgreSQL, Kafka, the five servers). */
  private void stackFigures() {
    Map<String, Long> took = stack.startMillis();
    assertThat(took).containsKeys("postgres", "kafka", "services");
    took.forEach((part, ms) -> Bench.record("devstack", "ready: " + part, ms / 1000.0, "s"));
    Bench.record(
        "devstack",
        "ready: the whole stack (no demo data)",
        took.values().stream().mapToLong(Long::longValue).sum() / 1000.0,
        "s",
        Goal.atMost(45));
  }

  /** Resident memory of each server (its process tree) after the benchmark. */
  private void memoryFigures() throws Exception {
    List<String> names = stack.specs().stream().map(spec -> spec.name()).toList();
    assertThat(names).hasSize(5);
    for (String name : names) {
      ProcessHandle server = ProcessHandle.of(stack.server(name).pid()).orElseThrow();
      long kib = rssKib(server.pid());
      for (ProcessHandle child : server.descendants().toList()) {
        kib += rssKib(child.pid());
      }
      Bench.record("memory", name + " resident (RSS)", kib / 1024.0, "MiB", Goal.atMost(300));
    }
  }

  private static long rssKib(long pid) throws Exception {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /** What one series measured. */
  private record Figures(long events, double seconds, double[] latenciesMs) {
    double rate() {
      return events / seconds;
    }
  }

  /**
   * Single alerts sent at a steady rate (open loop): each latency counts from the moment the alert
   * was due, so a stalled server cannot hide its backlog.
   */
  private Figures paced(double perSecond, int count) throws Exception {
    long intervalNanos = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    List<Future<Double>> latencies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      latencies.add(
          pool.submit(
              () -> {
                post(alert(), "application/json");
                return (System.nanoTime() - due) / 1e6;
              }));
    }
    double[] ms = new double[count];
    for (int i = 0; i < count; i++) {
      ms[i] = latencies.get(i).get();
    }
    return new Figures(count, (System.nanoTime() - start) / 1e9, ms);
  }

  private Figures singles(int count) throws Exception {
    long start = System.nanoTime();
    List<Future<Double>> latencies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      latencies.add(pool.submit(() -> post(alert(), "application/json")));
    }
    double[] ms = new double[count];
    for (int i = 0; i < count; i++) {
      ms[i] = latencies.get(i).get();
    }
    return new Figures(count, (System.nanoTime() - start) / 1e9, ms);
  }

  private Figures batches(int requests, int size, int clients) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      List<Future<Double>> latencies = new ArrayList<>(requests);
      for (int i = 0; i < requests; i++) {
        String batch =
            IntStream.range(0, size).mapToObj(n -> alert()).collect(Collectors.joining("\n"));
        latencies.add(senders.submit(() -> post(batch, "application/x-ndjson")));
      }
      double[] ms = new double[requests];
      for (int i = 0; i < requests; i++) {
        ms[i] = latencies.get(i).get();
      }
      return new Figures((long) requests * size, (System.nanoTime() - start) / 1e9, ms);
    } finally {
      senders.shutdownNow();
    }
  }

  /** Posts one body and answers its latency in milliseconds; a refusal fails the benchmark. */
  private double post(String body, String contentType) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(intake))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t) / 1e6;
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    if (response.statusCode() == 200) {
      assertThat(JSON.readTree(response.body()).get("rejected")).isEmpty();
    }
    return ms;
  }

  private static String alert() {
    return ("{\"source\":\"benchmark\",\"sourceId\":\"%s\",\"title\":\"Suspicious login\","
            + "\"severity\":\"MEDIUM\",\"assets\":[\"bench-host-%d\"]}")
        .formatted(UUID.randomUUID(), (int) (Math.random() * 500));
  }

  private static void print(String series, Figures f) {
    if (series.startsWith("warm-up")) {
      System.out.printf("BENCHMARK intake %s: %d alerts at %.0f/s%n", series, f.events(), f.rate());
      return;
    }
    Bench.record("intake", series + " through the gateway", f.rate(), "alerts/s");
    Bench.record(
        "intake", series + ", per request p99", Bench.percentile(f.latenciesMs(), 99), "ms");
  }

  /**
   * pgbench's single-row INSERT rate on the same PostgreSQL, 8 clients (15 s; 2 s in a short run):
   * what the database does when nothing stands in between. Without pgbench the same INSERTs over
   * JDBC, and it says so.
   */
  private double reference() throws Exception {
    EmbeddedPostgresServer postgres = stack.postgres();
    postgres.createDatabaseIfMissing("herstel_bench");
    String url = postgres.jdbcUrl("herstel_bench");
    try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, payload TEXT,"
              + " at TIMESTAMPTZ DEFAULT now())");
    }
    int seconds = Bench.isShort() ? 2 : 15;
    Optional<String> pgbench = pgbench();
    if (pgbench.isEmpty()) {
      double rate = jdbcReference(url, postgres, seconds);
      Bench.record(
          "reference",
          "pgbench not found: single-row INSERT over JDBC, " + CLIENTS + " clients",
          rate,
          "inserts/s");
      return rate;
    }
    Path script = Files.createTempFile("herstel-insert", ".sql");
    Files.writeString(script, "INSERT INTO bench_insert (payload) VALUES (md5(random()::text));\n");
    Process run =
        new ProcessBuilder(
                pgbench.get(),
                "-n",
                "-c",
                String.valueOf(CLIENTS),
                "-j",
                "2",
                "-T",
                String.valueOf(seconds),
                "-h",
                "localhost",
                "-p",
                String.valueOf(postgres.port()),
                "-U",
                postgres.user(),
                "-f",
                script.toString(),
                "herstel_bench")
            .redirectErrorStream(true)
            .start();
    String output;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
      output = out.lines().collect(Collectors.joining("\n"));
    }
    assertThat(run.waitFor()).as(output).isZero();
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    assertThat(tps.find()).as(output).isTrue();
    double rate = Double.parseDouble(tps.group(1));
    Bench.record(
        "reference",
        "pgbench single-row INSERT on the same PostgreSQL, " + CLIENTS + " clients, fsync on",
        rate,
        "inserts/s");
    return rate;
  }

  private double jdbcReference(String url, EmbeddedPostgresServer postgres, int seconds)
      throws Exception {
    AtomicLong inserts = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<?>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          pool.submit(
              () -> {
                try (Connection c =
                        DriverManager.getConnection(url, postgres.user(), postgres.password());
                    PreparedStatement s =
                        c.prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
                  while (System.nanoTime() < end) {
                    s.setString(1, UUID.randomUUID().toString());
                    s.executeUpdate();
                    inserts.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    return inserts.get() / (double) seconds;
  }

  /**
   * {@code -Dherstel.pgbench}, else {@code pgbench} on the PATH, else Debian's PostgreSQL server
   * packages' copy (what {@code ./bench.sh} installs).
   */
  private static Optional<String> pgbench() throws Exception {
    String configured = System.getProperty("herstel.pgbench");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(dir, "pgbench"));
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (var versions = Files.list(debian)) {
        versions
            .sorted(Comparator.reverseOrder())
            .forEach(v -> candidates.add(v.resolve("bin").resolve("pgbench")));
      }
    }
    return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst();
  }

  /**
   * From an alert's 202 to its incident's row in a service's read model, one alert at a time, the
   * read model polled every millisecond.
   */
  private void visibility(String database, String query, String where, double goalMs)
      throws Exception {
    EmbeddedPostgresServer postgres = stack.postgres();
    int samples = Bench.size(200, 10);
    double[] ms = new double[samples];
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(database), postgres.user(), postgres.password());
        PreparedStatement s = c.prepareStatement(query)) {
      for (int i = 0; i < samples; i++) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(intake))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(alert()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        s.setString(1, JSON.readTree(response.body()).get("incidentId").asText());
        long deadline = accepted + Duration.ofSeconds(60).toNanos();
        boolean arrived = false;
        while (!arrived && System.nanoTime() < deadline) {
          try (ResultSet r = s.executeQuery()) {
            arrived = r.next();
          }
          if (!arrived) {
            Thread.sleep(1);
          }
        }
        assertThat(arrived).as("the incident reached " + where).isTrue();
        ms[i] = Bench.millisSince(accepted);
      }
    }
    Bench.record(
        "intake",
        "alert accepted (202) → visible in " + where + ", one at a time, p99",
        Bench.percentile(ms, 99),
        "ms",
        Goal.atMost(goalMs));
  }
}
