package nl.herstel.incidents.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentHistory;
import nl.herstel.incidents.query.HistoryEntry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Sends the live view's server-sent events. The event processor only says which incident changed
 * ({@link #changed}); one thread of its own then reads the incident's new events from the store and
 * sends each subscriber those after the last one it got. So every subscriber gets every event once,
 * in order, whether it arrived live, after a processor redelivery or through {@code Last-Event-ID}
 * resumption, and a slow dashboard never holds up the processor. Closed sinks are dropped when a
 * send fails and by a heartbeat every {@value #HEARTBEAT_SECONDS} seconds.
 */
@ApplicationScoped
public class IncidentBroadcaster {
  static final int HEARTBEAT_SECONDS = 15;
  private static final Logger LOG = Logger.getLogger(IncidentBroadcaster.class.getName());
  private static final long SEND_TIMEOUT_SECONDS = 5;

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private ScheduledExecutorService sender;

  @Inject QueryGateway queries;

  /** One open stream; touched only on the sender thread after it was added. */
  private static final class Subscriber {
    final SseEventSink sink;
    final Sse sse;
    long lastSent;

    Subscriber(SseEventSink sink, Sse sse, long lastSent) {
      this.sink = sink;
      this.sse = sse;
      this.lastSent = lastSent;
    }
  }

  @PostConstruct
  void start() {
    sender =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "incident-live-view");
              thread.setDaemon(true);
              return thread;
            });
    sender.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Streams the incident's events after {@code after} (a sequence number; -1 for all) to the sink,
   * starting with a {@code subscribed} event once the subscription is in place.
   */
  void subscribe(String incidentId, SseEventSink sink, Sse sse, long after) {
    Subscriber subscriber = new Subscriber(sink, sse, after);
    subscribers.computeIfAbsent(incidentId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
    submit(
        () -> {
          OutboundSseEvent ready =
              sse.newEventBuilder()
                  .name("subscribed")
                  .data(
                      String.class,
                      json.createObjectNode()
                          .put("incidentId", incidentId)
                          .put("after", after)
                          .toString())
                  .reconnectDelay(3000)
                  .build();
          if (send(incidentId, subscriber, ready)) {
            deliver(incidentId, Set.of(subscriber));
          }
        });
  }

  /** Called by the event processor: the incident has new events. Returns at once. */
  public void changed(String incidentId) {
    if (subscribers.containsKey(incidentId)) {
      submit(() -> deliver(incidentId, subscribers.getOrDefault(incidentId, Set.of())));
    }
  }

  private void deliver(String incidentId, Set<Subscriber> targets) {
    if (targets.isEmpty()) {
      return;
    }
    List<HistoryEntry> history =
        queries
            .query(
                new FindIncidentHistory(incidentId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class))
            .join();
    for (Subscriber subscriber : targets) {
      for (HistoryEntry entry : history) {
        if (entry.sequence() <= subscriber.lastSent) {
          continue;
        }
        OutboundSseEvent event =
            subscriber
                .sse
                .newEventBuilder()
                .id(Long.toString(entry.sequence()))
                .name(entry.type())
                .data(String.class, write(entry))
                .build();
        if (!send(incidentId, subscriber, event)) {
          break;
        }
        subscriber.lastSent = entry.sequence();
      }
    }
  }

  private void heartbeat() {
    subscribers.forEach(
        (incidentId, targets) ->
            targets.forEach(
                s -> send(incidentId, s, s.sse.newEventBuilder().comment("heartbeat").build())));
  }

  /** Sends one event; on failure closes and drops the subscriber and answers false. */
  private boolean send(String incidentId, Subscriber subscriber, OutboundSseEvent event) {
    if (!subscriber.sink.isClosed()) {
      try {
        subscriber
            .sink
            .send(event)
            .toCompletableFuture()
            .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception gone) {
        LOG.log(Level.FINE, "A live view subscriber went away", gone);
      }
    }
    drop(incidentId, subscriber);
    return false;
  }

  private void drop(String incidentId, Subscriber subscriber) {
    try {
      subscriber.sink.close();
    } catch (RuntimeException alreadyClosed) {
      LOG.log(Level.FINEST, "Closing a live view sink failed", alreadyClosed);
    }
    subscribers.computeIfPresent(
        incidentId,
        (id, set) -> {
          set.remove(subscriber);
          return set.isEmpty() ? null : set;
        });
  }

  private void submit(Runnable task) {
    try {
      sender.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "The live view could not send", e);
            }
          });
    } catch (RejectedExecutionException shuttingDown) {
      LOG.log(Level.FINE, "The live view is shutting down", shuttingDown);
    }
  }

  private String write(HistoryEntry entry) {
    try {
      return json.writeValueAsString(entry);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A history entry is not JSON", e);
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
    subscribers.values().forEach(set -> set.forEach(s -> s.sink.close()));
    subscribers.clear();
  }
}
