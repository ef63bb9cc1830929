package nl.herstel.plans.query;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.plans.api.PreparednessCommands.RecordReadiness;
import nl.herstel.plans.api.PreparednessEvents.FailingCheck;
import nl.herstel.plans.config.ReadinessConfig;
import nl.herstel.plans.query.ReadinessView.Check;
import nl.herstel.plans.query.ReadinessView.Outcome;
import nl.herstel.plans.query.ReadinessView.ProcessReadiness;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;

/**
 * Watches readiness: every {@link ReadinessConfig#watchInterval()} it computes the readiness of
 * every process (set-based, see {@link ReadinessQueries}) and, for each whose outcome or failing
 * checks differ from the last announced (the {@code plan_readiness_state} table), asks the
 * process's readiness record (command side) to record it, which publishes ReadinessChanged. A
 * daemon thread, like incident-service's deadline clock: Liberty here has no managed scheduler. Two
 * replicas may both ask; the record announces each change once.
 */
@ApplicationScoped
public class ReadinessWatch {
  private static final Logger LOG = Logger.getLogger(ReadinessWatch.class.getName());

  @Inject Database database;
  @Inject AxonRuntime axon;
  @Inject ReadinessConfig config;

  private ScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Starts watching; idempotent, and a no-op in a deployment without Axon. */
  public synchronized void start() {
    if (scheduler != null || !axon.isServiceRuntime()) {
      return;
    }
    ClassLoader loader = ReadinessWatch.class.getClassLoader();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "herstel-readiness-watch");
              thread.setDaemon(true);
              thread.setContextClassLoader(loader);
              return thread;
            });
    Duration interval = config.watchInterval();
    scheduler.scheduleWithFixedDelay(
        this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Readiness is watched every " + interval);
  }

  @PreDestroy
  synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    scheduler = null;
  }

  /** Announces every process whose readiness changed since it was last announced. */
  void sweep() {
    try {
      Sql sql = new Sql(database.transactions());
      Map<String, String> announced = new HashMap<>();
      sql.list(
          "SELECT process_id, status, failing FROM plan_readiness_state",
          r -> announced.put(r.getString(1), r.getString(2) + "|" + r.getString(3)));
      List<ProcessReadiness> all = new ReadinessQueries(sql).compute(null);
      for (ProcessReadiness p : all) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        String now = p.outcome() + "|" + key(p);
        if (Objects.equals(announced.get(p.processId()), now)) {
          continue;
        }
        List<FailingCheck> failing =
            p.checks().stream()
                .filter(c -> c.outcome() == Outcome.FAIL)
                .map(c -> new FailingCheck(c.check().name(), c.reason()))
                .toList();
        CallContext.callAs(
            new Caller(
                "system:plan-service",
                "system",
                UUID.randomUUID().toString(),
                null,
                "readiness-watch"),
            () ->
                axon.configuration()
                    .commandGateway()
                    .sendAndWait(new RecordReadiness(p.processId(), p.outcome().name(), failing)));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not watch readiness; trying again later", e);
    }
  }

  /** The failing checks of a readiness, sorted, as the state table keeps them. */
  public static String key(ProcessReadiness p) {
    return String.join(
        ",",
        p.checks().stream()
            .filter(c -> c.outcome() == Outcome.FAIL)
            .map(Check::check)
            .map(Enum::name)
            .sorted()
            .toList());
  }
}
