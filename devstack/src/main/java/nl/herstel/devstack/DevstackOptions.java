package nl.herstel.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What {@link Devstack#start(DevstackOptions)} starts, and where. Fluent and mutable. */
public final class DevstackOptions {
  private Path dataDir;
  private boolean reset;
  private int portBase = Ports.DEFAULT_BASE;
  private int postgresPort = Ports.DEFAULT_POSTGRES;
  private int kafkaPort = Ports.DEFAULT_KAFKA;
  private int kafkaControllerPort = Ports.DEFAULT_KAFKA_CONTROLLER;
  private Path wlpDir;
  private Set<String> services = new LinkedHashSet<>(ServiceSpec.NAMES);
  private boolean demoData = true;
  private boolean kafkaProxy;
  private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();

  /**
   * Sets an environment variable of one service's server (e.g. the gateway's {@code
   * HERSTEL_GATEWAY_LIMITS_INTAKE_KEY_BURST}), over what the devstack sets itself.
   */
  public DevstackOptions environment(String service, String name, String value) {
    environment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
    return this;
  }

  /** The extra environment variables of {@code service}. */
  public Map<String, String> environment(String service) {
    return Map.copyOf(environment.getOrDefault(service, Map.of()));
  }

  public static DevstackOptions defaults() {
    return new DevstackOptions();
  }

  /**
   * The project root: the {@code herstel.root} system property, else the nearest directory at or
   * above the working directory that holds {@code mvnw}, else the working directory.
   */
  public static Path projectRoot() {
    String prop = System.getProperty("herstel.root");
    if (prop != null && !prop.isBlank()) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path cwd = Paths.get("").toAbsolutePath().normalize();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw"))) {
        return p;
      }
    }
    return cwd;
  }

  /** Default {@code <project root>/.devstack}. */
  public Path dataDir() {
    return dataDir != null ? dataDir : projectRoot().resolve(".devstack");
  }

  public DevstackOptions dataDir(Path dir) {
    this.dataDir = dir == null ? null : dir.toAbsolutePath().normalize();
    return this;
  }

  public boolean reset() {
    return reset;
  }

  /** Delete the data directory before starting. */
  public DevstackOptions reset(boolean reset) {
    this.reset = reset;
    return this;
  }

  public int portBase() {
    return portBase;
  }

  public DevstackOptions portBase(int base) {
    this.portBase = base;
    return this;
  }

  public int postgresPort() {
    return postgresPort;
  }

  public DevstackOptions postgresPort(int port) {
    this.postgresPort = port;
    return this;
  }

  public int kafkaPort() {
    return kafkaPort;
  }

  public DevstackOptions kafkaPort(int port) {
    this.kafkaPort = port;
    return this;
  }

  public int kafkaControllerPort() {
    return kafkaControllerPort;
  }

  public DevstackOptions kafkaControllerPort(int port) {
    this.kafkaControllerPort = port;
    return this;
  }

  /** Default {@code <project root>/target/liberty/wlp}. */
  public Path wlpDir() {
    return wlpDir != null ? wlpDir : projectRoot().resolve("target/liberty/wlp");
  }

  public DevstackOptions wlpDir(Path dir) {
    this.wlpDir = dir == null ? null : dir.toAbsolutePath().normalize();
    return this;
  }

  /** The Liberty servers to start (default: all five). */
  public Set<String> services() {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(services));
  }

  public DevstackOptions services(Set<String> names) {
    for (String n : names) {
      if (!ServiceSpec.NAMES.contains(n)) {
        throw new IllegalArgumentException(
            "unknown service " + n + " (known: " + ServiceSpec.NAMES + ")");
      }
    }
    this.services = new LinkedHashSet<>(Objects.requireNonNull(names));
    return this;
  }

  /**
   * Whether the services reach Kafka through a {@link TcpProxy} that a fault test can slow down
   * ({@link Devstack#kafkaProxy()}); off by default.
   */
  public boolean kafkaProxy() {
    return kafkaProxy;
  }

  public DevstackOptions kafkaProxy(boolean on) {
    this.kafkaProxy = on;
    return this;
  }

  public boolean demoData() {
    return demoData;
  }

  public DevstackOptions demoData(boolean on) {
    this.demoData = on;
    return this;
  }

  /** The ports these options imply. */
  public Ports ports() {
    return new Ports(portBase, postgresPort, kafkaPort, kafkaControllerPort);
  }
}
