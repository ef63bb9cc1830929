package nl.herstel.incidents.command;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationOverdue;
import nl.herstel.incidents.api.IncidentCommands.RecordRecoveryDeadlineBreach;
import nl.herstel.incidents.api.RecoveryDeadlineKind;
import nl.herstel.incidents.config.DeadlineConfig;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The deadline clock: records a breach (RecoveryDeadlineBreached) or an overdue notification
 * (NotificationOverdue) when a deadline passes, even if nobody touches the incident.
 *
 * <p>Axon's in-memory deadline manager would forget every deadline on a restart, and Liberty here
 * has no managed scheduler. So the deadlines live in the {@code incident_deadline} table (built
 * from the events by the incident-deadlines projection), and this clock polls it from a daemon
 * thread, every {@link DeadlineConfig#pollInterval()}, starting when the application starts: a
 * deadline that passed while the service was down fires at the next start. Each due row is taken
 * with {@code FOR UPDATE SKIP LOCKED} in its own transaction, in which the command stores its event
 * and the row is settled: both or neither. Two replicas never take the same row, and the incident
 * (for a notification: its {@link NotificationObligation}, through {@link NotificationRouting})
 * records each breach once whatever asks twice.
 */
@ApplicationScoped
public class DeadlineClock {
  private static final Logger LOG = Logger.getLogger(DeadlineClock.class.getName());
  private static final int MAX_PER_POLL = 200;
  private static final String NOTIFICATION = "NOTIFICATION";

  @Inject Database database;
  @Inject AxonRuntime axon;
  @Inject DeadlineConfig config;
  @Inject MetricRegistry metrics;

  private ScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Starts polling; idempotent, and a no-op in a deployment without Axon. */
  public synchronized void start() {
    if (scheduler != null || !axon.isServiceRuntime()) {
      return;
    }
    ClassLoader loader = DeadlineClock.class.getClassLoader();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "herstel-deadline-clock");
              thread.setDaemon(true);
              thread.setContextClassLoader(loader);
              return thread;
            });
    Duration interval = config.pollInterval();
    scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Deadline clock polls every " + interval);
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

  /** Fires every deadline due now, up to a batch; what fails is retried later. */
  void poll() {
    try {
      Instant now = Instant.now();
      JdbcTransactions transactions = database.transactions();
      int handled = 0;
      while (handled < MAX_PER_POLL && !Thread.currentThread().isInterrupted()) {
        if (!fireNext(transactions, now)) {
          break;
        }
        handled++;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The deadline clock could not poll; it tries again", e);
    }
  }

  private record Due(String incidentId, String subject, String kind, Instant dueAt) {}

  private record Fired(Due due, DeadlineOutcome outcome) {}

  /**
   * Takes one due row and fires it; false when none is due. The row's lock, the command's event and
   * the row's new state commit together; the incident stays locked until then (see {@link
   * JdbcTransactions#inTransaction}).
   */
  private boolean fireNext(JdbcTransactions transactions, Instant now) {
    Due[] taken = new Due[1];
    Fired fired;
    try {
      fired =
          transactions.inTransaction(
              () -> {
                Due due = nextDue(transactions, now);
                if (due == null) {
                  return null;
                }
                taken[0] = due;
                Object command = command(due, now);
                DeadlineOutcome outcome =
                    CallContext.callAs(
                        new Caller(
                            "system:incident-service",
                            "system",
                            UUID.randomUUID().toString(),
                            null,
                            "deadline-clock"),
                        () -> axon.configuration().commandGateway().sendAndWait(command));
                settle(transactions, due, outcome, now);
                return new Fired(due, outcome);
              });
    } catch (RuntimeException e) {
      if (taken[0] == null) {
        throw e;
      }
      LOG.log(Level.WARNING, "Could not fire deadline " + taken[0] + "; retrying later", e);
      retryLater(transactions, taken[0], now);
      return true;
    }
    if (fired == null) {
      return false;
    }
    if (fired.outcome() == DeadlineOutcome.RECORDED) {
      lag().update(Duration.between(fired.due().dueAt(), Instant.now()));
    }
    return true;
  }

  /**
   * How late the clock records a breach after its deadline: {@code
   * herstel_deadline_clock_lag_seconds} (count, sum, max and quantiles).
   */
  private Timer lag() {
    return metrics.timer(
        Metadata.builder()
            .withName("herstel_deadline_clock_lag")
            .withDescription("How long after its deadline the clock recorded a breach or overdue")
            .build());
  }

  private Due nextDue(JdbcTransactions transactions, Instant now) {
    return new Sql(transactions)
        .one(
            "SELECT incident_id, subject, kind, due_at FROM incident_deadline WHERE state = 'PENDING'"
                + " AND NOT suspended AND due_at <= ? AND (retry_at IS NULL OR retry_at <= ?)"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            r -> new Due(r.getString(1), r.getString(2), r.getString(3), Sql.instant(r, "due_at")),
            now,
            now)
        .orElse(null);
  }

  private static Object command(Due due, Instant now) {
    if (NOTIFICATION.equals(due.kind())) {
      return new RecordNotificationOverdue(due.incidentId(), due.subject(), now);
    }
    return new RecordRecoveryDeadlineBreach(
        due.incidentId(), due.subject(), RecoveryDeadlineKind.valueOf(due.kind()), now);
  }

  /**
   * Settles the row by the incident's answer, in the transaction that stored the event; the
   * projection writes the same when it sees the event, so a rebuilt table ends the same way.
   */
  private void settle(
      JdbcTransactions transactions, Due due, DeadlineOutcome outcome, Instant now) {
    switch (outcome) {
      case RECORDED, ALREADY_RECORDED ->
          update(
              transactions,
              "UPDATE incident_deadline SET state = 'BREACHED', breached_at = COALESCE(breached_at, ?)",
              due,
              now);
      case NO_LONGER_APPLIES ->
          update(transactions, "UPDATE incident_deadline SET state = 'SETTLED'", due);
      case SUSPENDED -> update(transactions, "UPDATE incident_deadline SET suspended = TRUE", due);
      case NOT_DUE ->
          update(
              transactions,
              "UPDATE incident_deadline SET retry_at = ?",
              due,
              (now.plus(config.pollInterval())));
    }
  }

  private void retryLater(JdbcTransactions transactions, Due due, Instant now) {
    try {
      update(
          transactions,
          "UPDATE incident_deadline SET attempts = attempts + 1, retry_at = ?",
          due,
          (now.plus(config.retryAfter())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not postpone deadline " + due, e);
    }
  }

  private static void update(JdbcTransactions transactions, String set, Due due, Object... values) {
    Object[] args = java.util.Arrays.copyOf(values, values.length + 3);
    args[values.length] = due.incidentId();
    args[values.length + 1] = due.subject();
    args[values.length + 2] = due.kind();
    new Sql(transactions).update(set + " WHERE incident_id = ? AND subject = ? AND kind = ?", args);
  }
}
