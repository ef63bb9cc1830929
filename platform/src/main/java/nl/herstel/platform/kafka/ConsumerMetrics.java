package nl.herstel.platform.kafka;

import java.util.function.LongSupplier;

/**
 * What the {@link KafkaSubscriber} reports to the service's metrics: the lag of each partition it
 * was assigned, and each record it set aside as a dead letter.
 */
public interface ConsumerMetrics {
  /** Nothing is reported (a deployment without metrics). */
  ConsumerMetrics NONE =
      new ConsumerMetrics() {
        @Override
        public void partitionAssigned(String topic, int partition, LongSupplier lag) {}

        @Override
        public void setAside(String topic) {}
      };

  /**
   * A partition was assigned to this consumer for the first time; {@code lag} reads how many
   * records behind the partition's end it is (0 while another consumer owns the partition).
   */
  void partitionAssigned(String topic, int partition, LongSupplier lag);

  /** A record of {@code topic} was set aside as a dead letter. */
  void setAside(String topic);
}
