package nl.herstel.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.herstel.contracts.Topic;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Kafka cluster and the names of Herstel's topics. */
@ApplicationScoped
public class KafkaConfig {

  /** Bootstrap servers, e.g. {@code localhost:19092}. */
  @Inject
  @ConfigProperty(name = "herstel.kafka.bootstrap-servers", defaultValue = "localhost:19092")
  String bootstrapServers;

  /**
   * How long a send may take before the publisher gives up and retries the whole batch later, in
   * milliseconds. Keeps a broker outage from blocking the publisher thread for minutes.
   */
  @Inject
  @ConfigProperty(name = "herstel.kafka.delivery-timeout-ms", defaultValue = "30000")
  int deliveryTimeoutMs;

  /**
   * How often a consumer tries a record that fails for what it is (it cannot be read, or a handler
   * refuses it) before setting it aside as a dead letter; a database outage never counts.
   */
  @Inject
  @ConfigProperty(name = "herstel.kafka.consumer.max-attempts", defaultValue = "5")
  int maxAttempts;

  /** The topic dead letters are sent to, with their error and origin in headers. */
  @Inject
  @ConfigProperty(name = "herstel.topics.dead-letters", defaultValue = "herstel.dead-letters.v1")
  String deadLetterTopic;

  @Inject Config config;

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public int deliveryTimeoutMs() {
    return deliveryTimeoutMs;
  }

  /** The configured name of a topic ({@link Topic#configKey()}), or its default name. */
  public String topicName(Topic topic) {
    return config.getOptionalValue(topic.configKey(), String.class).orElse(topic.defaultName());
  }
}
