package nl.herstel.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.config.KafkaConfig;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.kafka.DeadLetter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health for every service: ready when PostgreSQL answers and the Kafka cluster can be
 * described; live once Axon has started. A Kafka outage makes a service unready, never dead: it
 * keeps accepting commands and publishes when the broker is back.
 */
@ApplicationScoped
public class HealthChecks {
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(2);

  @Inject Database database;
  @Inject KafkaConfig kafka;
  @Inject AxonRuntime axon;

  private Admin admin;

  @Produces
  @Readiness
  HealthCheck database() {
    return () ->
        axon.isServiceRuntime()
            ? HealthCheckResponse.named("postgresql").status(database.isReachable()).build()
            : HealthCheckResponse.named("postgresql").up().withData("used", false).build();
  }

  @Produces
  @Readiness
  HealthCheck kafka() {
    return () ->
        axon.isServiceRuntime()
            ? HealthCheckResponse.named("kafka").status(kafkaReachable()).build()
            : HealthCheckResponse.named("kafka").up().withData("used", false).build();
  }

  /**
   * Ready while the consumer runs; its data says how many dead letters wait for an operator (they
   * do not make the service unready: the partition moved on).
   */
  @Produces
  @Readiness
  HealthCheck deadLetters() {
    return () -> {
      if (!axon.isServiceRuntime() || !axon.isStarted()) {
        return HealthCheckResponse.named("dead-letters").up().withData("used", false).build();
      }
      try {
        long pending =
            axon.subscriber().map(s -> s.deadLetters().count(DeadLetter.Status.PENDING)).orElse(0L);
        return HealthCheckResponse.named("dead-letters").up().withData("pending", pending).build();
      } catch (RuntimeException e) {
        return HealthCheckResponse.named("dead-letters").down().build();
      }
    };
  }

  @Produces
  @Liveness
  HealthCheck axon() {
    return () ->
        HealthCheckResponse.named("axon")
            .status(axon.isStarted() || !axon.isServiceRuntime())
            .build();
  }

  private synchronized boolean kafkaReachable() {
    try {
      if (admin == null) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        admin = Admin.create(p);
      }
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) KAFKA_TIMEOUT.toMillis()))
          .nodes()
          .get(KAFKA_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
