package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs under Failsafe on purpose: proves the child JVM's classpath works behind a booter jar. */
class KafkaBrokerIT {
  @TempDir Path tmp;

  @Test
  void produceConsumeSurviveStopAndRestart() throws Exception {
    System.out.println("java.class.path = " + System.getProperty("java.class.path"));
    Set<Long> before = children();
    long t0 = System.nanoTime();
    try (KafkaBroker broker = KafkaBroker.start(tmp.resolve("kafka"), 0, 0)) {
      System.out.printf(
          "Kafka first start (format + start) %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      broker.createTopics(List.of("herstel.test.v1"), 3);
      broker.createTopics(List.of("herstel.test.v1"), 3); // idempotent

      try (KafkaProducer<String, String> producer = producer(broker)) {
        producer
            .send(new ProducerRecord<>("herstel.test.v1", "k1", "before"))
            .get(10, TimeUnit.SECONDS);
      }

      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      try (KafkaProducer<String, String> producer = producer(broker)) {
        assertThatThrownBy(
                () ->
                    producer
                        .send(new ProducerRecord<>("herstel.test.v1", "k2", "while down"))
                        .get(3, TimeUnit.SECONDS))
            .isInstanceOfAny(
                java.util.concurrent.ExecutionException.class,
                java.util.concurrent.TimeoutException.class,
                org.apache.kafka.common.KafkaException.class);
      }

      long t1 = System.nanoTime();
      broker.restart();
      System.out.printf(
          "Kafka restart on existing data %d ms%n", (System.nanoTime() - t1) / 1_000_000);
      try (KafkaProducer<String, String> producer = producer(broker)) {
        producer
            .send(new ProducerRecord<>("herstel.test.v1", "k3", "after"))
            .get(10, TimeUnit.SECONDS);
      }
      assertThat(consumeAll(broker, 2)).contains("before", "after").doesNotContain("while down");
    }
    assertThat(children()).as("no process of the broker left").isSubsetOf(before);
  }

  private static Set<Long> children() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static KafkaProducer<String, String> producer(KafkaBroker broker) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> consumeAll(KafkaBroker broker, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-broker-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of("herstel.test.v1"));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
