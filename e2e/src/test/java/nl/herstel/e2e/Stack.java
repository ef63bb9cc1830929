package nl.herstel.e2e;

import java.nio.file.Path;
import java.nio.file.Paths;
import nl.herstel.devstack.Devstack;
import nl.herstel.devstack.DevstackOptions;

/**
 * One whole devstack for the end-to-end suite, started on first use and stopped when the JVM ends:
 * embedded PostgreSQL, Kafka and all five Liberty servers, on ports away from a developer's running
 * devstack (gateway on 18080).
 */
final class Stack {
  /** {@code -Dherstel.e2e.port-base} moves it, so that two checkouts can run the suite at once. */
  static final int PORT_BASE = Integer.getInteger("herstel.e2e.port-base", 18080);

  /** The one browser origin the e2e gateway allows (CORS). */
  static final String ALLOWED_ORIGIN = "https://console.herstel.test";

  private static Devstack running;

  private Stack() {}

  static synchronized Devstack get() {
    if (running == null) {
      Path data =
          Paths.get(System.getProperty("herstel.e2e.data", "target/devstack")).toAbsolutePath();
      running =
          Devstack.start(
              DevstackOptions.defaults()
                  .dataDir(data)
                  .reset(true)
                  .portBase(PORT_BASE)
                  .postgresPort(0)
                  .kafkaPort(0)
                  .kafkaControllerPort(0)
                  .demoData(false)
                  // The full fault suite slows the network to Kafka: the services reach it through
                  // a proxy then (only then: the other suites need no proxy in between).
                  .kafkaProxy("full".equals(System.getProperty("herstel.faults")))
                  // GatewayIT plays clients behind a proxy (X-Forwarded-For from 127.0.0.1), a
                  // browser origin, and an intake key with a small budget.
                  .environment("gateway", "HERSTEL_GATEWAY_TRUSTED_PROXIES", "127.0.0.1")
                  .environment("gateway", "HERSTEL_GATEWAY_CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN)
                  .environment("gateway", "HERSTEL_GATEWAY_LIMITS_INTAKE_KEY_PER_SECOND", "2")
                  .environment("gateway", "HERSTEL_GATEWAY_LIMITS_INTAKE_KEY_BURST", "10")
                  .environment("gateway", "HERSTEL_GATEWAY_LIMITS_BAD_KEY_ATTEMPTS", "5")
                  // CorrelationIT reads incident-service's log as production writes it.
                  .environment("incident-service", "HERSTEL_LOG_FORMAT", "JSON"));
      Runtime.getRuntime().addShutdownHook(new Thread(running::close, "e2e-devstack-stop"));
    }
    return running;
  }
}
