package nl.herstel.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nl.herstel.devstack.DevJwt;
import nl.herstel.devstack.EmbeddedPostgresServer;
import nl.herstel.devstack.KafkaBroker;

/**
 * PostgreSQL, Kafka and JWT keys for integration tests, one set per JVM, stopped by a shutdown
 * hook. Where they come from, in order:
 *
 * <ol>
 *   <li>{@code HERSTEL_TEST_JDBC_URL} (+ {@code HERSTEL_TEST_DB_USER}, {@code
 *       HERSTEL_TEST_DB_PASSWORD}; the URL names an admin database) and/or {@code
 *       HERSTEL_TEST_KAFKA_BOOTSTRAP}: external servers;
 *   <li>else, when a Docker engine answers: Testcontainers;
 *   <li>else the embedded ones (temporary directories, random ports, fsync off), each started on
 *       first use.
 * </ol>
 */
public final class TestInfrastructure {
  private static final System.Logger LOG = System.getLogger(TestInfrastructure.class.getName());
  private static TestInfrastructure instance;

  private final Path tempDir;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();

  // external or container PostgreSQL
  private String adminJdbcUrl;
  private String dbUser;
  private String dbPassword;
  private String kafkaBootstrap;
  private final boolean containers;

  private EmbeddedPostgresServer embeddedPostgres;
  private KafkaBroker embeddedKafka;
  private DevJwt jwt;

  private TestInfrastructure() {
    try {
      tempDir = Files.createTempDirectory("herstel-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adminJdbcUrl = env("HERSTEL_TEST_JDBC_URL");
    if (adminJdbcUrl != null) {
      dbUser = envOr("HERSTEL_TEST_DB_USER", "postgres");
      dbPassword = envOr("HERSTEL_TEST_DB_PASSWORD", "");
    }
    kafkaBootstrap = env("HERSTEL_TEST_KAFKA_BOOTSTRAP");
    boolean useContainers =
        (adminJdbcUrl == null || kafkaBootstrap == null)
            && ContainerInfrastructure.dockerAvailable();
    if (useContainers) {
      String[] out = new String[4];
      for (AutoCloseable c : ContainerInfrastructure.start(out)) {
        toClose.add(c);
      }
      if (adminJdbcUrl == null) {
        adminJdbcUrl = out[0];
        dbUser = out[1];
        dbPassword = out[2];
      }
      if (kafkaBootstrap == null) {
        kafkaBootstrap = out[3];
      }
    }
    containers = useContainers;
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "herstel-test-infrastructure"));
  }

  /** The JVM-wide instance (created on first call). */
  public static synchronized TestInfrastructure get() {
    if (instance == null) {
      instance = new TestInfrastructure();
    }
    return instance;
  }

  /** Starts the embedded PostgreSQL and Kafka now (in parallel) if they are to be used. */
  public TestInfrastructure startAll() {
    Thread pg = new Thread(this::postgres, "herstel-test-postgres");
    pg.start();
    kafkaBootstrap();
    try {
      pg.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    postgres(); // rethrows a failure of the thread above
    return this;
  }

  /** A JDBC URL for {@code database}, created when missing. */
  public String jdbcUrl(String database) {
    postgres();
    if (createdDatabases.add(database)) {
      if (embeddedPostgres != null) {
        embeddedPostgres.createDatabaseIfMissing(database);
      } else {
        EmbeddedPostgresServer.createDatabaseIfMissing(adminJdbcUrl, dbUser, dbPassword, database);
      }
    }
    if (embeddedPostgres != null) {
      return embeddedPostgres.jdbcUrl(database);
    }
    return replaceDatabase(adminJdbcUrl, database);
  }

  public String dbUser() {
    postgres();
    return embeddedPostgres != null ? embeddedPostgres.user() : dbUser;
  }

  public String dbPassword() {
    postgres();
    return embeddedPostgres != null ? embeddedPostgres.password() : dbPassword;
  }

  public synchronized String kafkaBootstrap() {
    if (kafkaBootstrap == null) {
      long t0 = System.nanoTime();
      embeddedKafka =
          KafkaBroker.start(tempDir.resolve("kafka"), 0, 0, tempDir.resolve("kafka.log"));
      toClose.add(embeddedKafka);
      kafkaBootstrap = embeddedKafka.bootstrapServers();
      LOG.log(Level.INFO, "embedded Kafka for tests on {0} in {1} ms", kafkaBootstrap, ms(t0));
    }
    return kafkaBootstrap;
  }

  /** The embedded broker (to stop/restart it in fault tests), or null when Kafka is external. */
  public synchronized KafkaBroker embeddedKafka() {
    kafkaBootstrap();
    return embeddedKafka;
  }

  /** True when PostgreSQL and Kafka run in Testcontainers. */
  public boolean usesContainers() {
    return containers;
  }

  /** A token issuer whose keys live in this JVM's temporary directory. */
  public synchronized DevJwt jwt() {
    if (jwt == null) {
      jwt = DevJwt.loadOrCreate(tempDir.resolve("keys"));
    }
    return jwt;
  }

  /** A token with the given roles, subject {@code test-<first role>}, valid one hour. */
  public String token(String... roles) {
    if (roles.length == 0) {
      throw new IllegalArgumentException("give at least one role");
    }
    return jwt().mint("test-" + roles[0], new LinkedHashSet<>(List.of(roles)), Duration.ofHours(1));
  }

  private synchronized void postgres() {
    if (adminJdbcUrl == null && embeddedPostgres == null) {
      long t0 = System.nanoTime();
      embeddedPostgres = EmbeddedPostgresServer.start(tempDir.resolve("postgres"), 0, false);
      toClose.add(embeddedPostgres);
      LOG.log(
          Level.INFO,
          "embedded PostgreSQL for tests on port {0} in {1} ms",
          embeddedPostgres.port(),
          ms(t0));
    }
  }

  /** jdbc:postgresql://host:port/admin?x=y -> jdbc:postgresql://host:port/database?x=y */
  static String replaceDatabase(String url, String database) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String params = q < 0 ? "" : url.substring(q);
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    if (slash < 0) {
      return base + "/" + database + params;
    }
    return base.substring(0, slash + 1) + database + params;
  }

  private synchronized void shutdown() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "could not stop test infrastructure part", e);
      }
    }
    toClose.clear();
    try (Stream<Path> s = Files.walk(tempDir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null ? fallback : v;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
