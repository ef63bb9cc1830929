package nl.herstel.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.ConsumerMetrics;
import nl.herstel.platform.kafka.DeadLetter;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The metrics of every event-sourced service, read by Prometheus from {@code /metrics}: how far
 * each processing group is behind the event store, how far the Kafka consumer is behind each
 * partition, and the dead letters. Gauges are computed when scraped; the processor lags of one
 * scrape come from one query.
 */
@ApplicationScoped
public class ServiceMetrics implements ConsumerMetrics {
  static final String PROCESSOR_LAG = "herstel_processor_lag_events";
  static final String CONSUMER_LAG = "herstel_kafka_consumer_lag_records";
  static final String DEAD_LETTERS_PENDING = "herstel_dead_letters_pending";
  static final String DEAD_LETTERS_SET_ASIDE = "herstel_dead_letters_set_aside";
  private static final Logger LOG = Logger.getLogger(ServiceMetrics.class.getName());
  private static final Duration FRESH = Duration.ofSeconds(1);

  /**
   * Per processing group: the event store's head global index minus the group's slowest segment's
   * token position (a group without a token has everything to do). Gaps in the global index count
   * as events, so the figure is an upper bound.
   */
  private static final String LAG_QUERY =
      "SELECT t.processorname, h.head - COALESCE(min(p.position), 0) AS lag"
          + " FROM tokenentry t"
          + " CROSS JOIN (SELECT COALESCE(max(globalindex), 0) AS head FROM domainevententry) h"
          + " LEFT JOIN LATERAL (SELECT COALESCE(j->>'index', j->'currentToken'->>'index',"
          + " j->>'globalIndex')::bigint AS position"
          + " FROM (SELECT convert_from(t.token, 'UTF8')::jsonb AS j) token) p ON TRUE"
          + " GROUP BY t.processorname, h.head";

  @Inject MetricRegistry registry;
  @Inject AxonRuntime axon;
  @Inject Database database;

  private Map<String, Long> lags = Map.of();
  private long lagsReadAt;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!axon.isServiceRuntime()) {
      return;
    }
    try {
      axon.start();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Axon did not start; processor metrics are missing", e);
      return;
    }
    for (String group : axon.processorNames()) {
      registry.gauge(
          Metadata.builder()
              .withName(PROCESSOR_LAG)
              .withDescription("Events in the event store the processing group has not handled yet")
              .build(),
          () -> processorLag(group),
          new Tag("group", group));
    }
    registry.gauge(
        Metadata.builder()
            .withName(DEAD_LETTERS_PENDING)
            .withDescription("Dead letters waiting for an operator to replay or discard them")
            .build(),
        this::pendingDeadLetters);
  }

  @Override
  public void partitionAssigned(String topic, int partition, LongSupplier lag) {
    registry.gauge(
        Metadata.builder()
            .withName(CONSUMER_LAG)
            .withDescription(
                "Records of the partition this service's consumer has not fetched yet"
                    + " (0 while another replica owns it)")
            .build(),
        lag::getAsLong,
        new Tag("topic", topic),
        new Tag("partition", Integer.toString(partition)));
    setAsideCounter(topic);
  }

  @Override
  public void setAside(String topic) {
    setAsideCounter(topic).inc();
  }

  private Counter setAsideCounter(String topic) {
    return registry.counter(
        Metadata.builder()
            .withName(DEAD_LETTERS_SET_ASIDE)
            .withDescription("Records set aside as dead letters after failing for what they are")
            .build(),
        new Tag("topic", topic));
  }

  private long pendingDeadLetters() {
    return axon.subscriber().map(s -> s.deadLetters().count(DeadLetter.Status.PENDING)).orElse(0L);
  }

  private long processorLag(String group) {
    return lags().getOrDefault(group, 0L);
  }

  /** The lags of all groups, read at most once a second (once per scrape). */
  private synchronized Map<String, Long> lags() {
    long now = System.nanoTime();
    if (now - lagsReadAt > FRESH.toNanos()) {
      lags =
          new Sql(database.transactions())
              .list(LAG_QUERY, r -> Map.entry(r.getString(1), r.getLong(2))).stream()
                  .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      lagsReadAt = now;
    }
    return lags;
  }
}
