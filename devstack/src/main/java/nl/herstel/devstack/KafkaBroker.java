package nl.herstel.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Apache Kafka broker in KRaft combined mode (broker and controller), running in a
 * child JVM so that it can be stopped, killed and restarted independently of the caller.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());

  /** 60 s, or longer when {@code -Dherstel.devstack.ready-timeout} gives a busy machine longer. */
  private static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Math.max(60, Long.getLong("herstel.devstack.ready-timeout", 60)));

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final Path logFile;
  private final Path config;
  private final boolean quickStart;
  private final int externalPort;
  private final int advertisedExternalPort;
  private volatile Process process;

  private KafkaBroker(
      Path dataDir,
      int port,
      int controllerPort,
      Path logFile,
      boolean quickStart,
      int externalPort,
      int advertisedExternalPort) {
    this.quickStart = quickStart;
    this.externalPort = externalPort;
    this.advertisedExternalPort = advertisedExternalPort;
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.logFile = logFile;
    this.config = dataDir.resolve("server.properties");
  }

  /**
   * Formats {@code dataDir} (once) and starts the broker; returns when it answers.
   *
   * @param port the PLAINTEXT port, 0 for a free one
   * @param controllerPort the CONTROLLER port, 0 for a free one
   */
  public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
    Path abs = dataDir.toAbsolutePath().normalize();
    return start(abs, port, controllerPort, abs.getParent().resolve("kafka.log"));
  }

  /** As {@link #start(Path, int, int)}, with the child's output going to {@code logFile}. */
  public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile) {
    return start(dataDir, port, controllerPort, logFile, true);
  }

  /**
   * As {@link #start(Path, int, int, Path)}.
   *
   * @param quickStart run the child JVM with the C1 compiler only: starts ~40% faster on two cores
   *     (tests); false for full JIT throughput (the devstack)
   */
  public static KafkaBroker start(
      Path dataDir, int port, int controllerPort, Path logFile, boolean quickStart) {
    return start(dataDir, port, controllerPort, logFile, quickStart, 0, 0);
  }

  /**
   * As {@link #start(Path, int, int, Path, boolean)}, with a second listener for clients that reach
   * the broker through a proxy ({@link TcpProxy}): it listens on {@code externalPort} and is
   * advertised as {@code advertisedExternalPort} (the proxy's), so that those clients keep going
   * through the proxy after the bootstrap. Both 0: no second listener.
   */
  public static KafkaBroker start(
      Path dataDir,
      int port,
      int controllerPort,
      Path logFile,
      boolean quickStart,
      int externalPort,
      int advertisedExternalPort) {
    int p = FreePorts.orFree(port);
    int c = FreePorts.orFree(controllerPort);
    while (c == p) {
      c = FreePorts.find();
    }
    KafkaBroker broker =
        new KafkaBroker(
            dataDir.toAbsolutePath().normalize(),
            p,
            c,
            logFile,
            quickStart,
            externalPort,
            advertisedExternalPort);
    broker.launch();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Creates the topics that do not exist yet (replication factor 1). */
  public void createTopics(List<String> names, int partitions) {
    createTopics(bootstrapServers(), names, partitions);
  }

  /** Creates the topics that do not exist yet on any broker (replication factor 1). */
  public static void createTopics(String bootstrapServers, List<String> names, int partitions) {
    try (Admin admin = admin(bootstrapServers, 30_000)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          names.stream()
              .filter(n -> !existing.contains(n))
              .map(n -> new NewTopic(n, partitions, (short) 1))
              .collect(Collectors.toList());
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics " + names + ": " + e, e);
    }
  }

  /**
   * SIGTERM (controlled shutdown), wait up to 20 s, then kill. The data stays; {@link #restart()}
   * brings the broker back on the same ports.
   */
  public synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    long t0 = System.nanoTime();
    boolean graceful = ProcessTree.terminate(p.toHandle(), STOP_GRACE);
    process = null;
    LOG.log(
        Level.INFO,
        "Kafka broker {0} stopped {1} in {2} ms",
        bootstrapServers(),
        graceful ? "gracefully" : "forcibly",
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** Stops the broker if it runs and starts it again with the same ports and data. */
  public synchronized void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void launch() {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      writeConfig();
      Path argFile = writeArgFile();
      if (!Files.exists(logDir().resolve("meta.properties"))) {
        String clusterId = Uuid.randomUuid().toString();
        Process format =
            javaProcess(
                    argFile,
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    clusterId,
                    "-c",
                    config.toString())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
          format.destroyForcibly();
          throw new IllegalStateException(
              "formatting Kafka storage failed\n" + LogTail.of(logFile, 40));
        }
      }
      process = javaProcess(argFile, "kafka.Kafka", config.toString()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka in " + dataDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka", e);
    }
    awaitReady(t0);
  }

  private void awaitReady(long t0) {
    long deadline = t0 + READY_TIMEOUT.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException(
            "Kafka exited during start (exit "
                + (p == null ? "?" : p.exitValue())
                + ")\n"
                + LogTail.of(logFile, 60));
      }
      if (!accepts(port)) {
        // No admin client before the listener is up: it would log a warning per attempt.
        sleep(200);
        continue;
      }
      try (Admin admin = admin(bootstrapServers(), 2_000)) {
        admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
        LOG.log(
            Level.INFO,
            "Kafka broker on {0} ready in {1} ms",
            bootstrapServers(),
            (System.nanoTime() - t0) / 1_000_000);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Kafka", e);
      } catch (Exception e) {
        last = e;
      }
      sleep(200);
    }
    Process p = process;
    if (p != null) {
      ProcessTree.kill(p.toHandle());
      process = null;
    }
    throw new IllegalStateException(
        "Kafka not ready on "
            + bootstrapServers()
            + " after "
            + READY_TIMEOUT.toSeconds()
            + " s (last error: "
            + last
            + ")\n"
            + LogTail.of(logFile, 60));
  }

  private Path logDir() {
    return dataDir.resolve("kraft-logs");
  }

  private void writeConfig() throws IOException {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    boolean external = externalPort > 0;
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:"
            + port
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort
            + (external ? ",EXTERNAL://127.0.0.1:" + externalPort : ""));
    p.put(
        "advertised.listeners",
        "PLAINTEXT://127.0.0.1:"
            + port
            + (external ? ",EXTERNAL://127.0.0.1:" + advertisedExternalPort : ""));
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT" + (external ? ",EXTERNAL:PLAINTEXT" : ""));
    p.put("log.dirs", logDir().toString());
    p.put("num.partitions", "3");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("delete.topic.enable", "true");
    try (var w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(w, "written by nl.herstel.devstack.KafkaBroker on every start");
    }
  }

  /** The classpath goes into a java @argfile: a test classpath can exceed one argument's limit. */
  private Path writeArgFile() throws IOException {
    List<Path> cp =
        Classpath.of(kafka.Kafka.class, Admin.class, scala.Option.class, KafkaBroker.class);
    String joined =
        cp.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    Path argFile = dataDir.resolve("java.args");
    Files.writeString(
        argFile, "-cp\n\"" + joined.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
    return argFile;
  }

  private ProcessBuilder javaProcess(Path argFile, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Xss1m");
    cmd.add("-XX:+UseSerialGC");
    if (quickStart) {
      cmd.add("-XX:TieredStopAtLevel=1");
    }
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    cmd.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    cmd.add("-Dkafka.logs.dir=" + dataDir);
    cmd.add("@" + argFile);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dataDir.toFile());
    Map<String, String> env = pb.environment();
    env.remove("CLASSPATH");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    return pb;
  }

  private static Admin admin(String bootstrap, int timeoutMs) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 2_000));
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "herstel-devstack-admin");
    return Admin.create(p);
  }

  private static boolean accepts(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
