package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.List;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The intake benchmark: SOC alerts through the gateway into incident-service on a whole devstack,
 * as single events (8 clients at once) and as batches of 100 and 1,000; then, on the same
 * PostgreSQL, pgbench's single-row INSERT rate as the reference for what the disk allows; then how
 * long an alert takes from its 202 to the incident's row in lessons-service's read model. It prints
 * figures and asserts only that the intake answered. Not part of the normal build; run it with
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -pl e2e verify -Dit.test=IntakeBenchmarkIT -Dherstel.benchmark=true \
 *   [-Dherstel.benchmark.scale=0.2] [-Dherstel.pgbench=/usr/bin/pgbench]
 * </pre>
 *
 * <p>Without a pgbench executable (property {@code herstel.pgbench}, else {@code pgbench} on the
 * PATH) it measures the same single-row INSERTs over JDBC instead, and says so.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "herstel.benchmark", matches = "true")
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
    double scale = Double.parseDouble(System.getProperty("herstel.benchmark.scale", "1"));
    try {
      // warm-up: a fresh server runs interpreted and compiles for a minute (measured here: C2
      // took a third of incident-service's CPU in the first thousand alerts); pools and Kafka too
      Figures warmUp = singles((int) Math.max(500, 3000 * scale));
      print("warm-up (not counted)", warmUp);
      Figures singles = singles((int) (4000 * scale));
      print("single events, " + CLIENTS + " clients", singles);
      Figures hundreds = batches(Math.max(2, (int) (40 * scale)), 100, 2);
      print("batches of 100, 2 clients", hundreds);
      Figures thousands = batches(Math.max(1, (int) (8 * scale)), 1000, 1);
      print("batches of 1,000, 1 client", thousands);
      reference();
      lessonsLatency(Math.max(20, (int) (200 * scale)));
    } finally {
      pool.shutdownNow();
    }
  }

  /** What one series measured. */
  private record Figures(long events, double seconds, double[] latenciesMs) {}

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
    System.out.printf(
        "BENCHMARK intake through the gateway, %s: %d events in %.1f s = %.0f events/s;"
            + " per request p50 %.1f ms, p99 %.1f ms%n",
        series,
        f.events(),
        f.seconds(),
        f.events() / f.seconds(),
        percentile(f.latenciesMs(), 50),
        percentile(f.latenciesMs(), 99));
  }

  /** pgbench's single-row INSERT rate on the same PostgreSQL, 8 clients for 15 seconds. */
  private void reference() throws Exception {
    EmbeddedPostgresServer postgres = stack.postgres();
    postgres.createDatabaseIfMissing("herstel_bench");
    String url = postgres.jdbcUrl("herstel_bench");
    try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, payload TEXT,"
              + " at TIMESTAMPTZ DEFAULT now())");
    }
    Optional<String> pgbench = pgbench();
    if (pgbench.isPresent()) {
      Path script = Files.createTempFile("herstel-insert", ".sql");
      Files.writeString(
          script, "INSERT INTO bench_insert (payload) VALUES (md5(random()::text));\n");
      Process run =
          new ProcessBuilder(
                  pgbench.get(),
                  "-n",
                  "-c",
                  String.valueOf(CLIENTS),
                  "-j",
                  "2",
                  "-T",
                  "15",
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
      Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
      assertThat(tps.find()).as(output).isTrue();
      System.out.printf(
          "BENCHMARK reference: pgbench single-row INSERT on the same PostgreSQL, %d clients:"
              + " %.0f inserts/s, latency average %s ms (%s)%n",
          CLIENTS,
          Double.parseDouble(tps.group(1)),
          latency.find() ? latency.group(1) : "?",
          pgbench.get());
    } else {
      jdbcReference(url, postgres);
    }
  }

  private void jdbcReference(String url, EmbeddedPostgresServer postgres) throws Exception {
    AtomicLong inserts = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
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
    System.out.printf(
        "BENCHMARK reference: pgbench not found; single-row INSERT over JDBC on the same"
            + " PostgreSQL, %d clients: %.0f inserts/s%n",
        CLIENTS, inserts.get() / 15.0);
  }

  private static Optional<String> pgbench() {
    String configured = System.getProperty("herstel.pgbench");
    if (configured != null) {
      return Optional.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "pgbench");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  /**
   * From an alert's 202 to its incident's row in lessons-service's read model (Kafka in between),
   * one alert at a time, the read model polled every 2 ms.
   */
  private void lessonsLatency(int samples) throws Exception {
    EmbeddedPostgresServer postgres = stack.postgres();
    double[] ms = new double[samples];
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl("herstel_lessons"), postgres.user(), postgres.password());
        PreparedStatement s =
            c.prepareStatement("SELECT 1 FROM lessons_incident WHERE incident_id = ?")) {
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
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        s.setString(1, answer.get("incidentId").asText());
        long deadline = accepted + Duration.ofSeconds(60).toNanos();
        boolean arrived = false;
        while (!arrived && System.nanoTime() < deadline) {
          try (ResultSet r = s.executeQuery()) {
            arrived = r.next();
          }
          if (!arrived) {
            Thread.sleep(2);
          }
        }
        assertThat(arrived).as("incident reached lessons-service").isTrue();
        ms[i] = (System.nanoTime() - accepted) / 1e6;
      }
    }
    System.out.printf(
        "BENCHMARK intake 202 -> incident in lessons-service's read model: p50 %.0f ms, p99 %.0f"
            + " ms (%d alerts, one at a time)%n",
        percentile(ms, 50), percentile(ms, 99), samples);
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
