package nl.herstel.plans.command;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.plans.api.PlanCommands.RequestPlanReview;
import nl.herstel.plans.config.ReviewClockConfig;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;

/**
 * The review clock: when a published plan's review date has passed, the plan is flagged for review
 * (PlanReviewRequested, published as PlanReviewDue) even if nobody touches it.
 *
 * <p>It polls plan-service's read model from a daemon thread every {@link
 * ReviewClockConfig#pollInterval()}, starting with the application, so a date that passed while the
 * service was down is flagged at the next start. A date passes when its day has ended (UTC), the
 * same rule as the overdue list. The cause names the date ({@code review-date:2026-12-01}), so a
 * plan is flagged once per review date: the plan itself ignores a request it already holds, and the
 * clock skips plans whose read model shows one. One replica polls at a time (an advisory lock held
 * for the poll's transaction).
 */
@ApplicationScoped
public class PlanReviewClock {
  private static final Logger LOG = Logger.getLogger(PlanReviewClock.class.getName());
  private static final int MAX_PER_POLL = 100;
  private static final long LOCK = 0x504c414e52455649L; // "PLANREVI"

  @Inject Database database;
  @Inject AxonRuntime axon;
  @Inject ReviewClockConfig config;

  private ScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Starts polling; idempotent, and a no-op in a deployment without Axon. */
  public synchronized void start() {
    if (scheduler != null || !axon.isServiceRuntime()) {
      return;
    }
    ClassLoader loader = PlanReviewClock.class.getClassLoader();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "herstel-plan-review-clock");
              thread.setDaemon(true);
              thread.setContextClassLoader(loader);
              return thread;
            });
    Duration interval = config.pollInterval();
    scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Plan review clock polls every " + interval);
  }

  @PreDestroy
  synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  private record Overdue(String planId, LocalDate reviewDue) {
    String cause() {
      return "review-date:" + reviewDue;
    }

    String reason() {
      return "The review date " + reviewDue + " has passed";
    }
  }

  /** Flags every published plan whose review date passed and that is not flagged for it yet. */
  void poll() {
    try {
      JdbcTransactions transactions = database.transactions();
      Sql sql = new Sql(transactions);
      transactions.inTransaction(
          () -> {
            if (!sql.one("SELECT pg_try_advisory_xact_lock(?)", r -> r.getBoolean(1), LOCK)
                .orElse(false)) {
              return 0;
            }
            List<Overdue> overdue =
                sql.list(
                    "SELECT plan_id, review_due FROM plan_plan WHERE review_due < ?"
                        + " AND published_version IS NOT NULL AND status <> 'RETIRED'"
                        + " AND NOT review_requests::jsonb @> jsonb_build_array("
                        + "jsonb_build_object('cause', 'review-date:' || review_due))"
                        + " ORDER BY review_due, plan_id LIMIT ?",
                    r -> new Overdue(r.getString(1), r.getObject(2, LocalDate.class)),
                    LocalDate.now(ZoneOffset.UTC),
                    MAX_PER_POLL);
            overdue.forEach(this::flag);
            return overdue.size();
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The plan review clock could not poll; it tries again", e);
    }
  }

  private void flag(Overdue plan) {
    CallContext.callAs(
        new Caller(
            "system:plan-service", "system", UUID.randomUUID().toString(), null, "review-clock"),
        () ->
            axon.configuration()
                .commandGateway()
                .sendAndWait(new RequestPlanReview(plan.planId(), plan.cause(), plan.reason())));
  }
}
