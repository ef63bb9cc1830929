package nl.herstel.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.herstel.devstack.ServiceEnvironment;

/**
 * Writes a Liberty server's {@code server.env}, which {@code server run} reads: how
 * Arquillian-managed integration tests hand the test infrastructure to the server.
 */
public final class LibertyServerEnv {
  private LibertyServerEnv() {}

  /**
   * Sets {@code env} in {@code <wlp>/usr/servers/<serverName>/server.env}, keeping any other
   * variables already in the file.
   */
  public static void write(Path wlpDir, String serverName, Map<String, String> env) {
    Path file = wlpDir.resolve("usr/servers").resolve(serverName).resolve("server.env");
    try {
      Files.createDirectories(file.getParent());
      Map<String, String> merged = new LinkedHashMap<>();
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int eq = line.indexOf('=');
          if (eq > 0 && !line.startsWith("#")) {
            merged.put(line.substring(0, eq).trim(), line.substring(eq + 1));
          }
        }
      }
      for (Map.Entry<String, String> e : env.entrySet()) {
        if (e.getValue().contains("\n")) {
          throw new IllegalArgumentException("multi-line value for " + e.getKey());
        }
        merged.put(e.getKey(), e.getValue());
      }
      StringBuilder sb =
          new StringBuilder("# written by nl.herstel.devstack.testing.LibertyServerEnv\n");
      merged.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The service variables (HERSTEL_*, MP_JWT_*), as the devstack sets them, for {@code database}.
   */
  public static Map<String, String> serviceEnv(TestInfrastructure infra, String database) {
    return serviceEnv(infra, null, database);
  }

  /**
   * As {@link #serviceEnv(TestInfrastructure, String)}, with {@code HERSTEL_SERVICE_NAME} when
   * {@code serviceName} is given; no database variables when {@code database} is null or blank.
   */
  public static Map<String, String> serviceEnv(
      TestInfrastructure infra, String serviceName, String database) {
    boolean db = database != null && !database.isBlank();
    return ServiceEnvironment.of(
        serviceName,
        db ? infra.jdbcUrl(database) : null,
        db ? infra.dbUser() : null,
        db ? infra.dbPassword() : null,
        infra.kafkaBootstrap(),
        infra.jwt().publicKeyPem());
  }
}
