package nl.herstel.bia.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import nl.herstel.devstack.testing.Bench;
import nl.herstel.devstack.testing.Bench.Goal;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The BIA benchmark: loads a generated BIA (default 2,000 processes, 5,000 assets, 20,000
 * dependencies) through the REST API and prints the load rate and the p50/p99 of the impact and
 * priorities (required RTO/RPO) queries. It prints figures; it asserts only that the queries
 * answer. The build runs it short ({@link Bench}); {@code ./bench.sh} runs it in full.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "herstel.benchmark", matches = Bench.ENABLED)
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class BiaBenchmarkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] KINDS = {
    "SOFTWARE", "HARDWARE", "PEOPLE", "SUPPLIER", "DATA", "FACILITY"
  };

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(8))
          .build();
  private final String base = "http://localhost:" + System.getProperty("herstel.it.http.port");
  private final String token = TestInfrastructure.get().token("bcm-manager");

  @Test
  void loadsAndQueriesAGeneratedBia() throws Exception {
    int processCount = Bench.size(2000, 20);
    int assetCount = Bench.size(5000, 50);
    int dependencyCount = Bench.size(20000, 200);
    Random random = new Random(42);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      long start = System.nanoTime();
      List<String> assets =
          parallel(
              pool,
              assetCount,
              i ->
                  post(
                      "/api/bia/assets",
                      "{\"name\":\"bench-asset-%d\",\"kind\":\"%s\"}"
                          .formatted(i, KINDS[i % KINDS.length])));
      System.out.printf(
          "BENCHMARK %d assets loaded after %.1f s%n",
          assets.size(), (System.nanoTime() - start) / 1e9);
      int[] rtoHours = {1, 2, 4, 8, 12, 24, 48, 72};
      List<String> processes =
          parallel(
              pool,
              processCount,
              i -> {
                int rto = rtoHours[i % rtoHours.length];
                return post(
                    "/api/bia/processes",
                    ("{\"name\":\"bench-process-%d\",\"critical\":%s,\"crownJewel\":%s,"
                            + "\"mtpd\":\"PT%dH\",\"rto\":\"PT%dH\",\"rpo\":\"PT%dM\"}")
                        .formatted(i, i % 3 == 0, i % 50 == 0, rto * 2, rto, 15 + i % 240));
              });
      System.out.printf(
          "BENCHMARK %d processes loaded after %.1f s%n",
          processes.size(), (System.nanoTime() - start) / 1e9);
      Set<String> pairs = new HashSet<>();
      List<String[]> edges = new ArrayList<>();
      while (edges.size() < dependencyCount) {
        int type = random.nextInt(20);
        String from;
        String to;
        if (type < 12) {
          from = processes.get(random.nextInt(processes.size()));
          to = assets.get(random.nextInt(assets.size()));
        } else if (type < 19) {
          int a = random.nextInt(assets.size() - 1);
          from = assets.get(a);
          to = assets.get(a + 1 + random.nextInt(Math.min(200, assets.size() - a - 1)));
        } else {
          from = processes.get(random.nextInt(processes.size()));
          to = processes.get(random.nextInt(processes.size()));
        }
        if (!from.equals(to) && pairs.add(from + ">" + to)) {
          edges.add(new String[] {from, to});
        }
      }
      List<String> dependencies =
          parallel(
              pool,
              edges.size(),
              i ->
                  post(
                      "/api/bia/dependencies",
                      "{\"fromId\":\"%s\",\"toId\":\"%s\"}"
                          .formatted(edges.get(i)[0], edges.get(i)[1])));
      double seconds = (System.nanoTime() - start) / 1e9;
      int requests = assets.size() + processes.size() + dependencies.size();
      Bench.record(
          "bia",
          "load through REST (%d assets, %d processes, %d dependencies)"
              .formatted(assets.size(), processes.size(), dependencies.size()),
          requests / seconds,
          "requests/s");

      long caughtUp = System.nanoTime();
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> count("/api/bia/dependencies?limit=1000") >= dependencies.size());
      Bench.record(
          "bia", "read model caught up after the last request", Bench.millisSince(caughtUp), "ms");

      long cold = System.nanoTime();
      get("/api/bia/priorities");
      System.out.printf(
          "BENCHMARK first priorities query (snapshot load) %.1f ms%n",
          (System.nanoTime() - cold) / 1e6);
      // warm-up: the first queries run interpreted, before the JIT compiles the hot paths
      for (int i = 0, n = Bench.size(300, 5); i < n; i++) {
        get("/api/bia/assets/" + assets.get(random.nextInt(assets.size())) + "/impact");
        get("/api/bia/assets/" + assets.get(random.nextInt(assets.size())) + "/required-targets");
      }
      double[] impact = new double[Bench.size(500, 10)];
      long hitTotal = 0;
      long bytes = 0;
      for (int i = 0; i < impact.length; i++) {
        String asset = assets.get(random.nextInt(assets.size()));
        long t = System.nanoTime();
        String body = getText("/api/bia/assets/" + asset + "/impact");
        impact[i] = (System.nanoTime() - t) / 1e6;
        JsonNode answer = JSON.readTree(body);
        assertThat(answer.get("processesHit")).isNotNull();
        hitTotal += answer.get("totalHit").asLong();
        bytes += body.length();
      }
      System.out.printf(
          "BENCHMARK impact answers: on average %d processes hit, %d KiB per answer (first 100"
              + " with paths)%n",
          hitTotal / impact.length, bytes / impact.length / 1024);
      double[] required = new double[Bench.size(500, 10)];
      for (int i = 0; i < required.length; i++) {
        String asset = assets.get(random.nextInt(assets.size()));
        long t = System.nanoTime();
        JsonNode answer = get("/api/bia/assets/" + asset + "/required-targets");
        required[i] = (System.nanoTime() - t) / 1e6;
        assertThat(answer.get("assetId").asText()).isEqualTo(asset);
      }
      double[] priorities = new double[Bench.size(50, 5)];
      for (int i = 0; i < priorities.length; i++) {
        long t = System.nanoTime();
        JsonNode answer = get("/api/bia/priorities");
        priorities[i] = (System.nanoTime() - t) / 1e6;
        assertThat(answer.get("assets").size()).isPositive();
      }
      long spof = System.nanoTime();
      HttpResponse<String> spofs =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/bia/single-points-of-failure"))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double spofMillis = Bench.millisSince(spof);
      assertThat(spofs.statusCode()).as(spofs.body()).isEqualTo(200);
      Bench.record(
          "bia",
          "single points of failure, first call per graph version (%s assets)"
              .formatted(JSON.readTree(spofs.body()).path("total").asText("?")),
          spofMillis,
          "ms",
          Goal.atMost(500));
      Bench.record(
          "bia",
          "impact of one asset (paths to the first 100 processes hit) p50",
          Bench.percentile(impact, 50),
          "ms");
      Bench.record(
          "bia", "impact of one asset p99", Bench.percentile(impact, 99), "ms", Goal.atMost(50));
      Bench.record(
          "bia", "required RTO/RPO of one asset p99", Bench.percentile(required, 99), "ms");
      Bench.record(
          "bia",
          "priorities (required RTO/RPO of every asset) p99",
          Bench.percentile(priorities, 99),
          "ms",
          Goal.atMost(50));
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> parallel(ExecutorService pool, int count, IntFunction<String> task)
      throws Exception {
    List<Future<String>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(pool.submit(() -> task.apply(n)));
    }
    List<String> ids = new ArrayList<>(count);
    for (Future<String> f : futures) {
      ids.add(f.get());
    }
    return ids;
  }

  private String post(String path, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      return JSON.readTree(response.body()).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many items a paged list holds, following next. */
  private int count(String path) {
    int items = 0;
    for (String next = path; next != null; ) {
      JsonNode page = get(next);
      items += page.get("items").size();
      next = page.hasNonNull("next") ? URI.create(page.get("next").asText()).getRawPath() : null;
      if (next != null) {
        next += "?" + URI.create(page.get("next").asText()).getRawQuery();
      }
    }
    return items;
  }

  private JsonNode get(String path) {
    try {
      return JSON.readTree(getText(path));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String getText(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
