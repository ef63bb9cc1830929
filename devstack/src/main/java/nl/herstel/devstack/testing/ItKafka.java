package nl.herstel.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka for integration tests, on the {@link TestInfrastructure}'s broker: publish a record the way
 * another Herstel service would (CloudEvents binary-mode headers), and wait for a record a service
 * published.
 */
public final class ItKafka {
  private ItKafka() {}

  /**
   * Publishes {@code json} to {@code topic} under {@code key} as CloudEvent {@code ceId} of type
   * {@code ceType} from {@code ceSource}, and waits for the broker's acknowledgement.
   */
  public static void publish(
      String topic, String key, byte[] json, String ceType, String ceId, String ceSource) {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json);
      Map.of(
              "ce_id", ceId,
              "ce_type", ceType,
              "ce_source", ceSource,
              "ce_specversion", "1.0",
              "ce_subject", key,
              "ce_time", Instant.now().toString(),
              "content-type", "application/json")
          .forEach(
              (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka did not accept the record", e.getCause());
    }
  }

  /**
   * Reads {@code topic} from the beginning until a record matches, and returns every matching
   * record seen by then; fails after {@code timeout} without one.
   */
  public static List<ConsumerRecord<String, byte[]>> awaitRecords(
      String topic, Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (found.isEmpty() && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(
                r -> {
                  if (matching.test(r)) {
                    found.add(r);
                  }
                });
      }
      if (found.isEmpty()) {
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
      }
      return found;
    }
  }

  /** A header's value as text, or {@code null}. */
  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A consumer in a group of its own, reading from the earliest offset. */
  public static KafkaConsumer<String, byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  /** A producer of string keys and JSON bytes. */
  public static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}
