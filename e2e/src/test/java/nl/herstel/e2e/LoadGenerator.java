package nl.herstel.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A steady write load through one or more gateways (round robin, so it can be pointed at replicas):
 * SOC alerts as NDJSON batches and BIA process registrations in parallel, at fixed rates, without
 * waiting for answers (a slow answer does not slow the load). It records every acknowledged command
 * (the incident of each accepted alert, the id of each registered process) and every refused
 * request with its status, latency, {@code Retry-After} and the phase (fault) it happened in.
 */
final class LoadGenerator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A request that was not acknowledged: status 0 is no HTTP answer at all (timeout, refused). */
  record Refusal(
      String kind, int status, double millis, boolean retryAfter, String phase, String detail) {}

  private final List<String> gateways;
  private final Function<String, String> tokens;
  private final int alertsPerSecond;
  private final int batchSize;
  private final int processesPerSecond;
  private final String label = "faults-" + UUID.randomUUID().toString().substring(0, 8);
  private final ExecutorService httpExecutor = Executors.newFixedThreadPool(4);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(httpExecutor)
          .build();
  private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger next = new AtomicInteger();

  private final Set<String> incidents = ConcurrentHashMap.newKeySet();
  private final Set<String> processes = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
  private final AtomicLong alertsSent = new AtomicLong();
  private final AtomicLong alertsAcknowledged = new AtomicLong();
  private final AtomicLong processesSent = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private volatile String phase = "steady";
  private volatile long startNanos;
  private volatile long stopNanos;

  /**
   * @param gateways base URLs of the gateways to spread the load over
   * @param tokens a bearer token per role
   * @param alertsPerSecond SOC alerts per second, sent in batches of {@code batchSize}
   * @param processesPerSecond BIA process registrations per second, one request each
   */
  LoadGenerator(
      List<String> gateways,
      Function<String, String> tokens,
      int alertsPerSecond,
      int batchSize,
      int processesPerSecond) {
    this.gateways = List.copyOf(gateways);
    this.tokens = tokens;
    this.alertsPerSecond = alertsPerSecond;
    this.batchSize = batchSize;
    this.processesPerSecond = processesPerSecond;
  }

  void start() {
    startNanos = System.nanoTime();
    long batchPeriodMicros = 1_000_000L * batchSize / alertsPerSecond;
    ticks.scheduleAtFixedRate(this::sendBatch, 0, batchPeriodMicros, TimeUnit.MICROSECONDS);
    if (processesPerSecond > 0) {
      ticks.scheduleAtFixedRate(
          this::registerProcess, 0, 1_000_000L / processesPerSecond, TimeUnit.MICROSECONDS);
    }
  }

  /** Names what is happening now; refusals are recorded with it. */
  void phase(String name) {
    phase = name;
  }

  /** Stops sending and waits (at most a minute) for the answers still on their way. */
  void stop() {
    ticks.shutdownNow();
    stopNanos = System.nanoTime();
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
          .get(REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // counted: whatever did not answer is neither acknowledged nor refused
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    httpExecutor.shutdownNow();
  }

  private String gateway() {
    return gateways.get(Math.floorMod(next.getAndIncrement(), gateways.size()));
  }

  private void sendBatch() {
    String body =
        IntStream.range(0, batchSize).mapToObj(i -> alert()).collect(Collectors.joining("\n"));
    alertsSent.addAndGet(batchSize);
    send(
        "alerts",
        HttpRequest.newBuilder(URI.create(gateway() + "/api/incidents/intake"))
            .header("Authorization", "Bearer " + tokens.apply("soc-intake"))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        answer -> {
          for (JsonNode accepted : answer.path("accepted")) {
            if (accepted.path("duplicate").asBoolean()) {
              duplicates.incrementAndGet();
            }
            incidents.add(accepted.get("incidentId").asText());
            alertsAcknowledged.incrementAndGet();
          }
        });
  }

  private void registerProcess() {
    processesSent.incrementAndGet();
    send(
        "processes",
        HttpRequest.newBuilder(URI.create(gateway() + "/api/bia/processes"))
            .header("Authorization", "Bearer " + tokens.apply("bcm-manager"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"%s %s\",\"mtpd\":\"PT24H\",\"rto\":\"PT4H\"}"
                        .formatted(label, UUID.randomUUID()))),
        answer -> processes.add(answer.get("id").asText()));
  }

  private void send(
      String kind,
      HttpRequest.Builder request,
      java.util.function.Consumer<JsonNode> acknowledged) {
    String during = phase;
    long t0 = System.nanoTime();
    CompletableFuture<?> f =
        http.sendAsync(
                request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
            .handle(
                (response, failure) -> {
                  double ms = (System.nanoTime() - t0) / 1e6;
                  if (failure != null) {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    refusals.add(
                        new Refusal(
                            kind,
                            0,
                            ms,
                            false,
                            during,
                            cause instanceof HttpTimeoutException
                                ? "timeout"
                                : "no answer: " + cause.getClass().getSimpleName()));
                  } else if (response.statusCode() / 100 == 2) {
                    try {
                      acknowledged.accept(JSON.readTree(response.body()));
                    } catch (Exception e) {
                      refusals.add(
                          new Refusal(kind, response.statusCode(), ms, false, during, "bad body"));
                    }
                  } else {
                    refusals.add(
                        new Refusal(
                            kind,
                            response.statusCode(),
                            ms,
                            response.headers().firstValue("Retry-After").isPresent(),
                            during,
                            response.body().length() > 300
                                ? response.body().substring(0, 300)
                                : response.body()));
                  }
                  return null;
                });
    inFlight.add(f);
    f.whenComplete((r, e) -> inFlight.remove(f));
  }

  private String alert() {
    String id = UUID.randomUUID().toString();
    // an asset of its own: every alert opens an incident of its own (no correlation)
    return ("{\"source\":\"%s\",\"sourceId\":\"%s\",\"title\":\"Fault suite alert\","
            + "\"severity\":\"MEDIUM\",\"assets\":[\"fault-host-%s\"]}")
        .formatted(label, id, id.substring(0, 13));
  }

  Set<String> incidents() {
    return Set.copyOf(incidents);
  }

  Set<String> processes() {
    return Set.copyOf(processes);
  }

  List<Refusal> refusals() {
    return new ArrayList<>(refusals);
  }

  long alertsSent() {
    return alertsSent.get();
  }

  long alertsAcknowledged() {
    return alertsAcknowledged.get();
  }

  long processesSent() {
    return processesSent.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  double seconds() {
    return ((stopNanos == 0 ? System.nanoTime() : stopNanos) - startNanos) / 1e9;
  }

  /** Refusals counted by phase, kind and status (status 0: no HTTP answer). */
  Map<String, Long> refusalCounts() {
    return refusals.stream()
        .collect(
            Collectors.groupingBy(
                r ->
                    r.phase()
                        + " / "
                        + r.kind()
                        + " / "
                        + (r.status() == 0 ? r.detail() : r.status()),
                TreeMap::new,
                Collectors.counting()));
  }
}
