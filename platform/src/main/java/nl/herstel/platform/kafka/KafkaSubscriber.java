package nl.herstel.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventType;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.platform.axon.ModuleDefinition.Subscription;
import nl.herstel.platform.config.KafkaConfig;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Outages;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Consumes other services' contract events in the service's consumer group. Each record is applied
 * in one database transaction together with the insert of its CloudEvent id into the inbox; a
 * record whose id is already there is skipped. Offsets are committed only after the database
 * commit, so a crash between the two redelivers a record that is then skipped.
 *
 * <p>A record that fails because the database is away (or lost a race) is retried with back-off
 * until it succeeds: order per aggregate is kept. A record that fails for what it is (it cannot be
 * read, or a handler refuses it) is retried {@link KafkaConfig#maxAttempts()} times and then set
 * aside as a dead letter: sent to the dead-letter topic with its error in headers, kept in the
 * {@code dead_letter} table, and the partition moves on. An operator lists, replays or discards
 * dead letters ({@link #replay}, {@link #discard}).
 */
public final class KafkaSubscriber implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(KafkaSubscriber.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration DEAD_LETTER_SEND_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

  private final Map<Class<?>, List<IntegrationEventHandler<IntegrationEvent>>> handlers =
      new HashMap<>();
  private final JdbcTransactions transactions;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> topics = new LinkedHashSet<>();
  private final String serviceName;
  private final Thread thread;
  private final DeadLetters deadLetters;
  private final KafkaConfig config;
  private final Map<String, Integer> failures = new HashMap<>();
  private final ConsumerMetrics metrics;
  private final Map<TopicPartition, Long> lags = new ConcurrentHashMap<>();
  private KafkaProducer<String, byte[]> deadLetterProducer;
  private volatile boolean running = true;
  private volatile boolean assigned;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public KafkaSubscriber(
      List<Subscription<?>> subscriptions,
      KafkaConfig config,
      JdbcTransactions transactions,
      String serviceName,
      ConsumerMetrics metrics) {
    this.transactions = transactions;
    this.metrics = metrics;
    this.serviceName = serviceName;
    this.config = config;
    this.deadLetters = new DeadLetters(transactions);
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

  /** The dead letters this subscriber set aside. */
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  private void run() {
    consumer.subscribe(List.copyOf(topics));
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        assigned = !consumer.assignment().isEmpty();
        measureLag();
        for (ConsumerRecord<String, byte[]> record : records) {
          applyOrSetAside(record);
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
    if (deadLetterProducer != null) {
      deadLetterProducer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Notes each assigned partition's lag as the consumer last fetched it (no request to the broker);
   * a partition this consumer lost counts 0, so the lags of a group's consumers add up.
   */
  private void measureLag() {
    Set<TopicPartition> assignment = consumer.assignment();
    for (TopicPartition partition : assignment) {
      consumer
          .currentLag(partition)
          .ifPresent(
              lag -> {
                if (lags.put(partition, lag) == null) {
                  metrics.partitionAssigned(
                      partition.topic(),
                      partition.partition(),
                      () -> lags.getOrDefault(partition, 0L));
                }
              });
    }
    lags.keySet().removeIf(partition -> !assignment.contains(partition));
  }

  /**
   * Applies a record; a record that keeps failing for what it is becomes a dead letter. Throws when
   * the record should be retried (the caller rewinds and backs off).
   */
  private void applyOrSetAside(ConsumerRecord<String, byte[]> record) {
    String position = record.topic() + "/" + record.partition() + "/" + record.offset();
    try {
      apply(record.topic(), record.headers(), record.value());
      failures.remove(position);
    } catch (RuntimeException e) {
      if (!running || Outages.isTransient(e)) {
        throw e;
      }
      int attempts = failures.merge(position, 1, Integer::sum);
      if (attempts < config.maxAttempts()) {
        throw e;
      }
      setAside(record, e, attempts);
      failures.remove(position);
    }
  }

  private void setAside(ConsumerRecord<String, byte[]> record, RuntimeException e, int attempts) {
    String error = describe(e);
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(config.deadLetterTopic(), null, record.key(), record.value());
    record.headers().forEach(h -> letter.headers().add(h));
    CloudEventHeaders.put(letter.headers(), "herstel_dlt_consumer", serviceName);
    CloudEventHeaders.put(letter.headers(), "herstel_dlt_topic", record.topic());
    CloudEventHeaders.put(
        letter.headers(), "herstel_dlt_partition", Integer.toString(record.partition()));
    CloudEventHeaders.put(letter.headers(), "herstel_dlt_offset", Long.toString(record.offset()));
    CloudEventHeaders.put(letter.headers(), "herstel_dlt_error", error);
    try {
      deadLetterProducer()
          .send(letter)
          .get(DEAD_LETTER_SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending a dead letter", interrupted);
    } catch (ExecutionException | TimeoutException failed) {
      throw new IllegalStateException("Could not send a dead letter; retrying", failed);
    }
    deadLetters.keep(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        headers,
        record.value(),
        error,
        attempts);
    metrics.setAside(record.topic());
    LOG.warning(
        () ->
            "Set aside Kafka record "
                + record.topic()
                + "/"
                + record.partition()
                + "/"
                + record.offset()
                + " ("
                + headers.get(CloudEventHeaders.TYPE)
                + " "
                + headers.get(CloudEventHeaders.ID)
                + ") as a dead letter after "
                + attempts
                + " attempts: "
                + error);
  }

  private synchronized KafkaProducer<String, byte[]> deadLetterProducer() {
    if (deadLetterProducer == null) {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-dead-letters");
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DEAD_LETTER_SEND_TIMEOUT.toMillis());
      p.put(
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DEAD_LETTER_SEND_TIMEOUT.toMillis() / 2);
      p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      deadLetterProducer = new KafkaProducer<>(p);
    }
    return deadLetterProducer;
  }

  /**
   * Applies a dead letter again, in one transaction with marking it replayed: after the cause was
   * fixed (a handler, a migration, the data it refers to). Its CloudEvent id still guards against a
   * double application. Fails with 409 when it is not pending or fails again (its error then
   * updated).
   */
  public DeadLetter replay(UUID id, String by) {
    deadLetters.find(id).orElseThrow(() -> new NotFound("Dead letter", id.toString()));
    try {
      transactions.inTransaction(
          () -> {
            DeadLetter letter = pending(id);
            RecordHeaders headers = new RecordHeaders();
            letter.headers().forEach((k, v) -> CloudEventHeaders.put(headers, k, v));
            apply(letter.topic(), headers, deadLetters.payload(id));
            deadLetters.settle(id, DeadLetter.Status.REPLAYED, by, null);
            return null;
          });
    } catch (Conflict | NotFound e) {
      throw e;
    } catch (RuntimeException e) {
      if (Outages.isDatabaseUnavailable(e)) {
        throw e;
      }
      String error = describe(e);
      deadLetters.failedAgain(id, error);
      throw new Conflict("The dead letter failed again: " + error);
    }
    return deadLetters.find(id).orElseThrow();
  }

  /** Sets a pending dead letter aside for good, with the operator's reason. */
  public DeadLetter discard(UUID id, String by, String reason) {
    deadLetters.find(id).orElseThrow(() -> new NotFound("Dead letter", id.toString()));
    transactions.inTransaction(
        () -> {
          pending(id);
          deadLetters.settle(id, DeadLetter.Status.DISCARDED, by, reason);
          return null;
        });
    return deadLetters.find(id).orElseThrow();
  }

  private DeadLetter pending(UUID id) {
    return deadLetters
        .lockPending(id)
        .orElseThrow(
            () -> new Conflict("Dead letter " + id + " was already replayed or discarded"));
  }

  /** A failure in words an operator can act on: its messages, without stack or class names. */
  static String describe(Throwable failure) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        messages.add(QUALIFIED_NAME.matcher(t.getMessage().strip()).replaceAll("$1"));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String text = messages.isEmpty() ? "failed without a message" : String.join(" <- ", messages);
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private void apply(String topic, Headers recordHeaders, byte[] value) {
    String ceType = CloudEventHeaders.get(recordHeaders, CloudEventHeaders.TYPE);
    String ceId = CloudEventHeaders.get(recordHeaders, CloudEventHeaders.ID);
    Optional<EventType> type = Optional.ofNullable(ceType).flatMap(EventTypes::byType);
    if (ceId == null || type.isEmpty() || !handlers.containsKey(type.get().recordClass())) {
      return;
    }
    IntegrationEvent event = ContractJson.read(value, type.get().recordClass());
    String correlationId =
        Optional.ofNullable(CloudEventHeaders.get(recordHeaders, CloudEventHeaders.CORRELATION_ID))
            .orElse(ceId);
    IncomingEvent envelope =
        new IncomingEvent(
            ceId,
            ceType,
            CloudEventHeaders.get(recordHeaders, CloudEventHeaders.SOURCE),
            CloudEventHeaders.time(recordHeaders),
            correlationId);
    Caller caller =
        new Caller(
            "system:" + serviceName,
            "system",
            correlationId,
            ceId,
            envelope.source() == null ? "kafka" : envelope.source());
    transactions.inTransaction(
        () ->
            CallContext.callAs(
                caller,
                () -> {
                  if (firstDelivery(ceId, topic, ceType)) {
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
