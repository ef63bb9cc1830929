package nl.herstel.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything Herstel needs, running locally: PostgreSQL (durable), Kafka, the token service and the
 * Liberty servers of the services. {@link #close()} stops it all in reverse order.
 */
public final class Devstack implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Devstack.class.getName());

  /** The topics the services publish to, and the one their dead letters go to. */
  public static final List<String> TOPICS =
      List.of(
          "herstel.bia.v1",
          "herstel.plans.v1",
          "herstel.incidents.v1",
          "herstel.lessons.v1",
          "herstel.dead-letters.v1");

  public static final int TOPIC_PARTITIONS = 3;

  /**
   * How long a server may take to become ready: 180 s, or {@code -Dherstel.devstack.ready-timeout}
   * seconds on a machine that is busy with other work.
   */
  public static final Duration SERVER_READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("herstel.devstack.ready-timeout", 180));

  private final DevstackOptions options;
  private volatile EmbeddedPostgresServer postgres;
  private volatile KafkaBroker kafka;
  private volatile TcpProxy kafkaProxy;
  private volatile DevJwt jwt;
  private volatile TokenServer tokenServer;
  private final Map<String, LibertyServer> servers =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile Ports ports;
  private final Map<String, Long> startMillis = Collections.synchronizedMap(new LinkedHashMap<>());
  private boolean closed;

  private Devstack(DevstackOptions options) {
    this.options = options;
    this.ports = options.ports();
  }

  /** Starts everything and waits until every server is ready; on failure stops what it started. */
  public static Devstack start(DevstackOptions options) {
    Devstack d = new Devstack(options);
    try {
      d.startAll();
      return d;
    } catch (RuntimeException | Error e) {
      try {
        d.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void startAll() {
    Path data = options.dataDir();
    if (options.reset()) {
      deleteRecursively(data);
    }
    try {
      Files.createDirectories(data.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    long t = System.nanoTime();
    postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), options.postgresPort(), true);
    startMillis.put("postgres", ms(t));
    List<ServiceSpec> specs = specs();
    for (ServiceSpec s : ServiceSpec.all(options.ports())) {
      s.databaseName().ifPresent(postgres::createDatabaseIfMissing);
    }

    t = System.nanoTime();
    int external = 0;
    int proxyPort = 0;
    if (options.kafkaProxy()) {
      external = FreePorts.find();
      proxyPort = FreePorts.find();
      while (proxyPort == external) {
        proxyPort = FreePorts.find();
      }
      kafkaProxy = TcpProxy.start(proxyPort, "127.0.0.1", external);
    }
    kafka =
        KafkaBroker.start(
            data.resolve("kafka"),
            options.kafkaPort(),
            options.kafkaControllerPort(),
            data.resolve("logs").resolve("kafka.log"),
            false,
            external,
            proxyPort);
    startMillis.put("kafka", ms(t));
    kafka.createTopics(TOPICS, TOPIC_PARTITIONS);
    ports = new Ports(options.portBase(), postgres.port(), kafka.port(), kafka.controllerPort());

    jwt = DevJwt.loadOrCreate(data.resolve("keys"));
    tokenServer = TokenServer.start(jwt, ports.tokens());

    t = System.nanoTime();
    for (ServiceSpec s : specs) {
      servers.put(
          s.name(),
          LibertyServer.start(
              options.wlpDir(),
              s.name(),
              s.port(),
              envFor(s),
              data.resolve("logs").resolve(s.name() + ".log")));
    }
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (LibertyServer server : List.copyOf(servers.values())) {
      ready.add(CompletableFuture.runAsync(() -> server.awaitReady(SERVER_READY_TIMEOUT)));
    }
    try {
      CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
    if (!specs.isEmpty()) {
      startMillis.put("services", ms(t));
    }

    if (options.demoData()) {
      for (DemoDataLoader loader : ServiceLoader.load(DemoDataLoader.class)) {
        LOG.log(Level.INFO, "loading demo data with {0}", loader.getClass().getName());
        loader.load(this);
      }
    }
  }

  /** The environment a service's Liberty server gets. */
  Map<String, String> envFor(ServiceSpec s) {
    Map<String, String> env =
        new LinkedHashMap<>(
            ServiceEnvironment.of(
                s.name(),
                s.databaseName().map(postgres::jdbcUrl).orElse(null),
                postgres.user(),
                postgres.password(),
                kafkaProxy == null ? kafka.bootstrapServers() : "127.0.0.1:" + kafkaProxy.port(),
                jwt.publicKeyPem()));
    if (ServiceSpec.GATEWAY.equals(s.name())) {
      env.putAll(ServiceEnvironment.gatewayRoutes(ports));
      env.putAll(ServiceEnvironment.consoleSignIn(ports));
    }
    if (ServiceSpec.PLANS.equals(s.name())) {
      env.put(
          DevSecrets.PLAN_SIGNING_KEY_PASSPHRASE,
          DevSecrets.loadOrCreate(
              options.dataDir().resolve("keys"), "plan-signing-key.passphrase"));
    }
    env.put("HTTPS_PORT", Integer.toString(ports.httpsFor(s.port())));
    env.putAll(options.environment(s.name()));
    return env;
  }

  /** The services to start, from the options, in listing order. */
  public List<ServiceSpec> specs() {
    List<ServiceSpec> specs = new ArrayList<>();
    for (ServiceSpec s : ServiceSpec.all(options.ports())) {
      if (options.services().contains(s.name())) {
        specs.add(s);
      }
    }
    return specs;
  }

  public DevstackOptions options() {
    return options;
  }

  public Ports ports() {
    return ports;
  }

  public String gatewayUrl() {
    return "http://localhost:" + ports.gateway();
  }

  public String tokenUrl() {
    return tokenServer.url();
  }

  /** A token with the given roles (subject {@code dev-<first role>}), valid 8 hours. */
  public String token(String... roles) {
    if (roles.length == 0) {
      throw new IllegalArgumentException("give at least one role");
    }
    return jwt.mint("dev-" + roles[0], new LinkedHashSet<>(List.of(roles)), TokenServer.TOKEN_TTL);
  }

  public DevJwt jwt() {
    return jwt;
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  /**
   * The proxy between the services and Kafka, when the options asked for one.
   *
   * @throws IllegalStateException when this devstack runs without it
   */
  public TcpProxy kafkaProxy() {
    if (kafkaProxy == null) {
      throw new IllegalStateException("this devstack runs without a Kafka proxy");
    }
    return kafkaProxy;
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  /**
   * The running server {@code name}.
   *
   * @throws IllegalArgumentException when it was not started
   */
  public LibertyServer server(String name) {
    LibertyServer s = servers.get(name);
    if (s == null) {
      throw new IllegalArgumentException("server " + name + " is not running in this devstack");
    }
    return s;
  }

  /**
   * Restarts server {@code name} with the same environment: gracefully, or after a SIGKILL when
   * {@code crash} is set (what a fault test needs), and waits until it is ready again.
   */
  public synchronized LibertyServer restart(String name, boolean crash) {
    LibertyServer old = server(name);
    if (crash) {
      old.kill();
    } else {
      old.stop();
    }
    ServiceSpec spec =
        specs().stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown server " + name));
    LibertyServer fresh =
        LibertyServer.start(options.wlpDir(), name, spec.port(), envFor(spec), old.logFile());
    servers.put(name, fresh);
    fresh.awaitReady(SERVER_READY_TIMEOUT);
    return fresh;
  }

  /** Measured start times in ms: postgres, kafka, services (all servers ready). */
  public Map<String, Long> startMillis() {
    synchronized (startMillis) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(startMillis));
    }
  }

  /** Stops servers, token service, Kafka, PostgreSQL, in that order; each step runs regardless. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      List<CompletableFuture<Void>> stops = new ArrayList<>();
      for (LibertyServer s : List.copyOf(servers.values())) {
        stops.add(CompletableFuture.runAsync(s::stop));
      }
      for (CompletableFuture<Void> f : stops) {
        try {
          f.join();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a server did not stop cleanly", e);
        }
      }
    } finally {
      try {
        if (tokenServer != null) {
          tokenServer.close();
        }
      } finally {
        try {
          if (kafka != null) {
            kafka.close();
          }
          if (kafkaProxy != null) {
            kafkaProxy.close();
          }
        } finally {
          if (postgres != null) {
            postgres.close();
          }
        }
      }
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
