package nl.herstel.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventType;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.platform.config.KafkaConfig;
import nl.herstel.platform.messaging.EventMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Publishes a service's contract events from its event store to Kafka: the event store is the
 * outbox (DESIGN.md). It runs in its own tracking processor; each batch's records are sent, and the
 * batch's token commits only after Kafka acknowledged every one of them (idempotent producer,
 * {@code acks=all}). When Kafka is down the batch fails, the processor backs off and retries, and
 * nothing is lost; a retry may publish a record twice, which consumers skip by CloudEvent id.
 */
@ProcessingGroup(KafkaPublisher.PROCESSOR)
@DisallowReplay
public final class KafkaPublisher implements AutoCloseable {
  public static final String PROCESSOR = "kafka-publisher";
  private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

  private final List<ContractMapper> mappers;
  private final KafkaConfig config;
  private final String source;
  private final KafkaProducer<String, byte[]> producer;

  public KafkaPublisher(List<ContractMapper> mappers, KafkaConfig config, String source) {
    this.mappers = List.copyOf(mappers);
    this.config = config;
    this.source = source;
    this.producer = new KafkaProducer<>(producerProperties(config));
  }

  private static Properties producerProperties(KafkaConfig config) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, config.deliveryTimeoutMs()));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, config.deliveryTimeoutMs());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.deliveryTimeoutMs());
    return p;
  }

  @EventHandler
  public void on(Object payload, EventMessage<?> message) {
    for (ContractMapper mapper : mappers) {
      Optional<IntegrationEvent> contract = mapper.toContract(payload, message);
      if (contract.isPresent()) {
        pending().add(producer.send(record(contract.get(), message)));
      }
    }
  }

  private ProducerRecord<String, byte[]> record(IntegrationEvent event, EventMessage<?> message) {
    EventType type = EventTypes.of(event.getClass());
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            config.topicName(type.topic()), event.subject(), ContractJson.write(event));
    String correlationId =
        String.valueOf(
            message
                .getMetaData()
                .getOrDefault(EventMetadata.CORRELATION_ID, message.getIdentifier()));
    var headers = record.headers();
    CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
    CloudEventHeaders.put(headers, CloudEventHeaders.ID, message.getIdentifier());
    CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, type.type());
    CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, source);
    CloudEventHeaders.put(headers, CloudEventHeaders.TIME, message.getTimestamp().toString());
    CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, event.subject());
    CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
    CloudEventHeaders.put(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
    CloudEventHeaders.put(
        headers,
        CloudEventHeaders.TRACEPARENT,
        CloudEventHeaders.traceparent(correlationId, message.getIdentifier()));
    return record;
  }

  /** The batch's unacknowledged sends; the first call per batch registers the wait for them. */
  private List<Future<RecordMetadata>> pending() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        PENDING,
        key -> {
          List<Future<RecordMetadata>> sends = new ArrayList<>();
          unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
          return sends;
        });
  }

  private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
    producer.flush();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.deliveryTimeoutMs());
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublicationFailed("Interrupted while waiting for Kafka", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new PublicationFailed("Kafka did not acknowledge a record; the batch is retried", e);
      }
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }

  /** Kafka did not acknowledge; the processor retries the batch from its last token. */
  public static final class PublicationFailed extends RuntimeException {
    PublicationFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
