package nl.herstel.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code devstack.sh}: starts the whole of Herstel locally and blocks until Ctrl-C. */
public final class DevstackMain {
  private DevstackMain() {}

  static final String USAGE =
      """
      Usage: devstack.sh [--build] [--reset] [--no-demo] [--port-base N] [--data-dir PATH]

        --build        build first (./mvnw package -DskipTests); done anyway when artifacts are missing
        --reset        delete the data directory (PostgreSQL, Kafka, keys, logs) first
        --no-demo      do not load demo data
        --port-base N  gateway on N, services on N+1..N+4, token service on N+9 (default 8080)
        --data-dir P   where data and logs live (default <project root>/.devstack)
        --help         this text
      """;

  public static void main(String[] args) {
    // Libraries in this JVM (zonky, Kafka admin client) log through SLF4J: keep the console quiet.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args));
  }

  static int run(String[] args) {
    DevstackOptions options = DevstackOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      try {
        switch (a) {
          case "--help", "-h" -> {
            System.out.print(USAGE);
            return 0;
          }
          case "--reset" -> options.reset(true);
          case "--no-demo" -> options.demoData(false);
          case "--build" -> {
            /* handled by devstack.sh */
          }
          case "--port-base" -> options.portBase(Integer.parseInt(args[++i]));
          case "--data-dir" -> options.dataDir(Paths.get(args[++i]));
          default -> {
            System.err.println("unknown option: " + a);
            System.err.print(USAGE);
            return 2;
          }
        }
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
        System.err.println("bad value for " + a);
        System.err.print(USAGE);
        return 2;
      }
    }

    List<String> missing = new ArrayList<>();
    for (String name : options.services()) {
      Path serverXml = options.wlpDir().resolve("usr/servers").resolve(name).resolve("server.xml");
      if (!Files.isRegularFile(serverXml)) {
        missing.add(serverXml.toString());
      }
    }
    if (!missing.isEmpty()) {
      System.err.println("Liberty servers not found:");
      missing.forEach(m -> System.err.println("  " + m));
      System.err.println("build first: ./mvnw package -DskipTests");
      return 2;
    }

    System.out.println("Starting Herstel devstack (data in " + options.dataDir() + ") ...");
    Devstack devstack;
    try {
      devstack = Devstack.start(options);
    } catch (RuntimeException e) {
      System.err.println("devstack failed to start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Herstel devstack ...");
                  try {
                    devstack.close();
                  } finally {
                    stopped.countDown();
                  }
                },
                "devstack-shutdown"));
    System.out.println(banner(devstack));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static String banner(Devstack d) {
    Ports p = d.ports();
    StringBuilder sb = new StringBuilder();
    String line = "=".repeat(78);
    sb.append(line).append('\n');
    sb.append(" Herstel devstack is up").append(timings(d)).append('\n');
    sb.append(line).append('\n');
    sb.append(String.format(" %-18s %s%n", "Gateway", d.gatewayUrl()));
    sb.append(String.format(" %-18s %s%n", "Merged OpenAPI", d.gatewayUrl() + "/api/openapi"));
    for (ServiceSpec s : d.specs()) {
      sb.append(
          String.format(
              " %-18s %s   (%s/openapi, %s/health)%n",
              s.name(), s.baseUrl(), s.baseUrl(), s.baseUrl()));
    }
    sb.append(String.format(" %-18s %s%n", "Kafka bootstrap", d.kafka().bootstrapServers()));
    for (ServiceSpec s : ServiceSpec.all(p)) {
      s.databaseName()
          .ifPresent(
              db ->
                  sb.append(
                      String.format(
                          " %-18s %s (user %s, no password)%n",
                          "JDBC " + db, d.postgres().jdbcUrl(db), d.postgres().user())));
    }
    sb.append(String.format(" %-18s %s%n", "Token service", d.tokenUrl()));
    sb.append(String.format(" %-18s %s%n", "Logs", d.options().dataDir().resolve("logs")));
    sb.append('\n');
    sb.append(" Get a token:  curl -s 'http://localhost:")
        .append(p.tokens())
        .append("/token?role=bcm-manager'\n");
    sb.append(" Use it:       TOKEN=$(curl -s 'http://localhost:")
        .append(p.tokens())
        .append("/token?role=bcm-manager'); curl -H \"Authorization: Bearer $TOKEN\" ")
        .append(d.gatewayUrl())
        .append("/...\n");
    sb.append(" Roles:        ")
        .append(String.join(", ", new java.util.TreeSet<>(DevJwt.ROLES)))
        .append('\n');
    sb.append("\n Press Ctrl-C to stop everything.\n");
    sb.append(line);
    return sb.toString();
  }

  private static String timings(Devstack d) {
    var t = d.startMillis();
    StringBuilder sb = new StringBuilder(" (");
    t.forEach(
        (k, v) ->
            sb.append(sb.length() > 2 ? ", " : "").append(k).append(' ').append(v).append(" ms"));
    return sb.append(')').toString();
  }
}
