package nl.herstel.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.KafkaPublisher;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The service's read models, one per tracking processor (processing group), and their rebuild from
 * the event store while the service keeps answering: the processor stops, its token is reset, its
 * projections clear their tables ({@link ResetHandler}) and it replays every stored event from the
 * start. Answers are partial until the replay has caught up ({@link #rebuilding()}). A group whose
 * handlers have effects outside their tables (the Kafka publisher, live feeds, notifications:
 * {@code @DisallowReplay}) or that has no {@code @ResetHandler} to clear its tables is refused.
 */
public final class ReadModels {
  private static final Logger LOG = Logger.getLogger(ReadModels.class.getName());
  private static final Duration POLL = Duration.ofMillis(200);

  /** A processing group as it stands: where its token is, how far behind the store it is. */
  public record Group(
      String name,
      boolean rebuildable,
      String notRebuildable,
      Long position,
      Long lag,
      boolean replaying) {}

  /** Where a rebuild stands. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * A rebuild of one group: the events it replays are those stored up to {@code head} when it
   * started; {@code eventsReplayed} counts those it has passed; {@code progress} from 0 to 1.
   */
  public record Rebuild(
      String id,
      String group,
      Status status,
      Instant startedAt,
      Instant finishedAt,
      long head,
      long eventsToReplay,
      long eventsReplayed,
      double progress,
      long durationMillis,
      Double eventsPerSecond,
      String error) {}

  private final Configuration configuration;
  private final Sql sql;
  private final Map<String, List<Object>> handlers;
  private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

  ReadModels(Configuration configuration, JdbcTransactions db, Map<String, List<Object>> handlers) {
    this.configuration = configuration;
    this.sql = new Sql(db);
    this.handlers = Map.copyOf(handlers);
  }

  /** Every processing group of the service, by name. */
  public List<Group> groups() {
    long head = head();
    List<Group> groups = new ArrayList<>();
    for (String name : configuration.eventProcessingConfiguration().eventProcessors().keySet()) {
      processor(name)
          .ifPresent(
              processor -> {
                OptionalLong position = position(processor);
                String refusal = refusal(name, processor);
                groups.add(
                    new Group(
                        name,
                        refusal == null,
                        refusal,
                        position.isPresent() ? position.getAsLong() : null,
                        position.isPresent() ? Math.max(0, head - position.getAsLong()) : head,
                        processor.isReplaying()));
              });
    }
    groups.sort((a, b) -> a.name().compareTo(b.name()));
    return groups;
  }

  /** Starts rebuilding {@code group}; answers at once, the replay runs in the background. */
  public synchronized Rebuild rebuild(String group) {
    TrackingEventProcessor processor =
        processor(group).orElseThrow(() -> new NotFound("name", "Read model", group));
    String refusal = refusal(group, processor);
    if (refusal != null) {
      throw new Conflict("name", refusal);
    }
    if (rebuilds.values().stream()
        .anyMatch(r -> r.group().equals(group) && r.status() == Status.RUNNING)) {
      throw new Conflict("name", "Read model " + group + " is being rebuilt already");
    }
    long head = head();
    long events =
        sql.one("SELECT count(*) AS n FROM domainevententry", r -> r.getLong("n")).orElse(0L);
    Instant started = Instant.now();
    Rebuild rebuild =
        new Rebuild(
            UUID.randomUUID().toString(),
            group,
            Status.RUNNING,
            started,
            null,
            head,
            events,
            0,
            0,
            0,
            null,
            null);
    rebuilds.put(rebuild.id(), rebuild);
    Thread replay = new Thread(() -> run(rebuild, processor), "rebuild-" + group);
    replay.setDaemon(true);
    replay.start();
    return rebuild;
  }

  /** A rebuild started since the service started. */
  public Rebuild find(String id) {
    Rebuild rebuild = rebuilds.get(id);
    if (rebuild == null) {
      throw new NotFound("id", "Rebuild", id);
    }
    return rebuild;
  }

  /** Whether a read model is being rebuilt, so that answers from it may be partial. */
  public boolean rebuilding() {
    return !rebuildingGroups().isEmpty();
  }

  /** The read models being rebuilt now, by name. */
  public List<String> rebuildingGroups() {
    return rebuilds.values().stream()
        .filter(r -> r.status() == Status.RUNNING)
        .map(Rebuild::group)
        .distinct()
        .sorted()
        .toList();
  }

  private void run(Rebuild started, TrackingEventProcessor processor) {
    try {
      processor.shutDown();
      processor.resetTokens();
      processor.start();
      Rebuild current = started;
      while (true) {
        Thread.sleep(POLL.toMillis());
        OptionalLong position = position(processor);
        long replayed = replayed(position, started.head());
        boolean done =
            !processor.isReplaying()
                && (started.head() < 0
                    || position.isPresent() && position.getAsLong() >= started.head());
        current = progress(current, replayed, done ? Status.DONE : Status.RUNNING, null);
        rebuilds.put(current.id(), current);
        if (done) {
          Rebuild finished = current;
          LOG.info(
              () ->
                  "Read model "
                      + finished.group()
                      + " rebuilt: "
                      + finished.eventsReplayed()
                      + " events in "
                      + finished.durationMillis()
                      + " ms");
          return;
        }
        if (processor.isError() && !processor.isRunning()) {
          throw new IllegalStateException("the processor stopped in error");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(started, e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Rebuild of " + started.group() + " failed", e);
      fail(started, e);
      if (!processor.isRunning()) {
        processor.start();
      }
    }
  }

  private void fail(Rebuild started, Exception e) {
    Rebuild current = rebuilds.getOrDefault(started.id(), started);
    rebuilds.put(
        current.id(),
        progress(current, current.eventsReplayed(), Status.FAILED, String.valueOf(e.getMessage())));
  }

  private Rebuild progress(Rebuild r, long replayed, Status status, String error) {
    Instant now = Instant.now();
    long millis = Duration.between(r.startedAt(), now).toMillis();
    double progress =
        r.eventsToReplay() == 0 ? 1.0 : Math.min(1.0, replayed / (double) r.eventsToReplay());
    return new Rebuild(
        r.id(),
        r.group(),
        status,
        r.startedAt(),
        status == Status.RUNNING ? null : now,
        r.head(),
        r.eventsToReplay(),
        replayed,
        status == Status.DONE ? 1.0 : progress,
        millis,
        millis == 0 ? null : replayed * 1000.0 / millis,
        error);
  }

  private long replayed(OptionalLong position, long head) {
    if (position.isEmpty()) {
      return 0;
    }
    long upTo = Math.min(position.getAsLong(), head);
    return sql.one(
            "SELECT count(*) AS n FROM domainevententry WHERE globalindex <= ?",
            r -> r.getLong("n"),
            upTo)
        .orElse(0L);
  }

  private long head() {
    return sql.one(
            "SELECT coalesce(max(globalindex), -1) AS head FROM domainevententry",
            r -> r.getLong("head"))
        .orElse(-1L);
  }

  private static OptionalLong position(TrackingEventProcessor processor) {
    OptionalLong lowest = OptionalLong.empty();
    for (EventTrackerStatus status : processor.processingStatus().values()) {
      TrackingToken token = status.getTrackingToken();
      OptionalLong at = token == null ? OptionalLong.empty() : token.position();
      if (at.isEmpty()) {
        return OptionalLong.empty();
      }
      if (lowest.isEmpty() || at.getAsLong() < lowest.getAsLong()) {
        lowest = at;
      }
    }
    return lowest;
  }

  private Optional<TrackingEventProcessor> processor(String name) {
    return configuration
        .eventProcessingConfiguration()
        .eventProcessor(name, TrackingEventProcessor.class);
  }

  /** Why {@code group} cannot be rebuilt, or null when it can. */
  private String refusal(String group, TrackingEventProcessor processor) {
    if (KafkaPublisher.PROCESSOR.equals(group) || !processor.supportsReset()) {
      return "Read model "
          + group
          + " has effects outside its tables (publishing, live feeds): it is never replayed";
    }
    for (Object handler : handlers.getOrDefault(group, List.of())) {
      boolean clears =
          Arrays.stream(handler.getClass().getDeclaredMethods())
              .anyMatch(m -> m.isAnnotationPresent(ResetHandler.class));
      if (!clears) {
        return "Read model "
            + group
            + " cannot be rebuilt: "
            + handler.getClass().getSimpleName()
            + " does not clear its tables (@ResetHandler)";
      }
    }
    return null;
  }
}
