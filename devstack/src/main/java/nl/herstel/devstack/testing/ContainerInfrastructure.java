package nl.herstel.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers path, for developers who have a Docker engine. Kept in this one class so that
 * nothing of Testcontainers is loaded unless {@link #dockerAvailable()} says yes.
 */
final class ContainerInfrastructure {
  static final String POSTGRES_IMAGE = "postgres:17-alpine";
  static final String KAFKA_IMAGE = "apache/kafka:4.4.0";

  private ContainerInfrastructure() {}

  /**
   * True when a Docker engine answers. Without any sign of Docker (no DOCKER_HOST, no known socket,
   * no Testcontainers configuration) it answers false at once, without loading Testcontainers.
   */
  static boolean dockerAvailable() {
    String flag = System.getProperty("herstel.test.docker", System.getenv("HERSTEL_TEST_DOCKER"));
    if ("false".equalsIgnoreCase(flag)) {
      return false;
    }
    if (!"true".equalsIgnoreCase(flag) && !dockerHinted()) {
      return false;
    }
    ExecutorService ex =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "herstel-docker-probe");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<Boolean> f = ex.submit(() -> DockerClientFactory.instance().isDockerAvailable());
      return f.get(20, TimeUnit.SECONDS);
    } catch (Exception | LinkageError e) {
      return false;
    } finally {
      ex.shutdownNow();
    }
  }

  private static boolean dockerHinted() {
    if (System.getenv("DOCKER_HOST") != null) {
      return true;
    }
    String home = System.getProperty("user.home", "");
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    for (String p :
        new String[] {
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/run/podman/podman.sock",
          home + "/.docker/run/docker.sock",
          home + "/.docker/desktop/docker.sock",
          home + "/.rd/docker.sock",
          home + "/.colima/default/docker.sock",
          home + "/.testcontainers.properties",
          runtime == null ? "" : runtime + "/docker.sock",
          runtime == null ? "" : runtime + "/podman/podman.sock"
        }) {
      if (!p.isEmpty() && Files.exists(Path.of(p))) {
        return true;
      }
    }
    return false;
  }

  /** PostgreSQL in a container; the JDBC URL names its admin database {@code postgres}. */
  static AutoCloseable[] start(String[] jdbcUserPasswordBootstrap) {
    PostgreSQLContainer pg =
        new PostgreSQLContainer(POSTGRES_IMAGE)
            .withDatabaseName("postgres")
            .withUsername("postgres")
            .withPassword("postgres")
            .withStartupTimeout(Duration.ofMinutes(2));
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    pg.start();
    try {
      kafka.start();
    } catch (RuntimeException e) {
      pg.stop();
      throw e;
    }
    jdbcUserPasswordBootstrap[0] = pg.getJdbcUrl();
    jdbcUserPasswordBootstrap[1] = pg.getUsername();
    jdbcUserPasswordBootstrap[2] = pg.getPassword();
    jdbcUserPasswordBootstrap[3] = kafka.getBootstrapServers();
    return new AutoCloseable[] {kafka::stop, pg::stop};
  }
}
