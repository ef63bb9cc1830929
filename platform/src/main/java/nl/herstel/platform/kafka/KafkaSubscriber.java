package nl.herstel.platform.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventType;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.platform.axon.ModuleDefinition.Subscription;
import nl.herstel.platform.config.KafkaConfig;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes other services' contract events in the service's consumer group. Each record is applied
 * in one database transaction together with the insert of its CloudEvent id into the inbox; a
 * record whose id is already there is skipped. Offsets are committed only after the database
 * commit, so a crash between the two redelivers a record that is then skipped. A record that fails
 * is retried (with back-off) until it succeeds: order per aggregate is kept.
 */
public final class KafkaSubscriber implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(KafkaSubscriber.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Map<Class<?>, List<IntegrationEventHandler<IntegrationEvent>>> handlers =
      new HashMap<>();
  private final JdbcTransactions transactions;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> topics = new LinkedHashSet<>();
  private final String serviceName;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean assigned;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public KafkaSubscriber(
      List<Subscription<?>> subscriptions,
      KafkaConfig config,
      JdbcTransactions transactions,
      String serviceName) {
    this.transactions = transactions;
    this.serviceName = serviceName;
    for (Subscription<?> subscription : subscriptions) {
      EventType type = EventTypes.of(subscription.type());
      topics.add(config.topicName(type.topic()));
      handlers
          .computeIfAbsent(subscription.type(), k -> new java.util.ArrayList<>())
          .add((IntegrationEventHandler) subscription.handler());
    }
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
    this.thread = new Thread(this::run, serviceName + "-kafka-subscriber");
    this.thread.setDaemon(true);
  }

  public void start() {
    if (!topics.isEmpty()) {
      thread.start();
    }
  }

  /** Whether this subscriber has nothing to consume or has joined its group. */
  public boolean isHealthy() {
    return topics.isEmpty() || (thread.isAlive() && assigned);
  }

  private void run() {
    consumer.subscribe(List.copyOf(topics));
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        assigned = !consumer.assignment().isEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
          apply(record);
          consumer.commitSync(
              Map.of(
                  new TopicPartition(record.topic(), record.partition()),
                  new OffsetAndMetadata(record.offset() + 1)));
        }
        backoff = Duration.ofMillis(200);
      } catch (WakeupException e) {
        break;
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        LOG.log(Level.WARNING, "Applying a Kafka record failed; retrying in " + backoff, e);
        rewindToCommitted();
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String ceType = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
    String ceId = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
    Optional<EventType> type = Optional.ofNullable(ceType).flatMap(EventTypes::byType);
    if (ceId == null || type.isEmpty() || !handlers.containsKey(type.get().recordClass())) {
      return;
    }
    IntegrationEvent event = ContractJson.read(record.value(), type.get().recordClass());
    String correlationId =
        Optional.ofNullable(
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.CORRELATION_ID))
            .orElse(ceId);
    IncomingEvent envelope =
        new IncomingEvent(
            ceId,
            ceType,
            CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE),
            CloudEventHeaders.time(record.headers()),
            correlationId);
    Caller caller =
        new Caller(
            "system:" + serviceName,
            "system",
            correlationId,
            ceId,
            envelope.source() == null ? "kafka" : envelope.source());
    transactions.executeInTransaction(
        () ->
            CallContext.callAs(
                caller,
                () -> {
                  if (firstDelivery(ceId, record.topic(), ceType)) {
                    for (IntegrationEventHandler<IntegrationEvent> handler :
                        handlers.get(type.get().recordClass())) {
                      handler.handle(event, envelope);
                    }
                  }
                  return null;
                }));
  }

  private boolean firstDelivery(String id, String topic, String type) {
    try (Connection c = transactions.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO inbox_message (message_id, topic, type) VALUES (?, ?, ?)"
                    + " ON CONFLICT (message_id) DO NOTHING")) {
      insert.setString(1, id);
      insert.setString(2, topic);
      insert.setString(3, type);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DataAccessException("Could not record an incoming event", e);
    }
  }

  private void rewindToCommitted() {
    try {
      Set<TopicPartition> partitions = consumer.assignment();
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = committed.get(partition);
        if (offset != null) {
          consumer.seek(partition, offset.offset());
        } else {
          consumer.seekToBeginning(List.of(partition));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not rewind; the next poll retries", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    if (!thread.isAlive()) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
