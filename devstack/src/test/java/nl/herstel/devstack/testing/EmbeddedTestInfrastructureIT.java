package nl.herstel.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.herstel.devstack.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded path (no HERSTEL_TEST_* variables, no Docker here) and the server.env it writes. */
class EmbeddedTestInfrastructureIT {
  @TempDir Path wlp;

  @Test
  void extensionWritesServerEnvBackedByRunningInfrastructure() throws Exception {
    Path serverDir = Files.createDirectories(wlp.resolve("usr/servers/bia-service"));
    Files.writeString(serverDir.resolve("server.env"), "KEEP_ME=1\nHERSTEL_DB_URL=stale\n");
    System.setProperty(HerstelServiceExtension.SERVER_PROPERTY, "bia-service");
    System.setProperty(HerstelServiceExtension.DATABASE_PROPERTY, "herstel_bia");
    System.setProperty(HerstelServiceExtension.WLP_PROPERTY, wlp.toString());
    long t0 = System.nanoTime();
    new HerstelServiceExtension().beforeAll(null);
    new HerstelServiceExtension().beforeAll(null); // idempotent
    System.out.printf(
        "test infrastructure (PostgreSQL + Kafka in parallel) %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);

    Map<String, String> env = read(serverDir.resolve("server.env"));
    assertThat(env)
        .containsEntry("KEEP_ME", "1")
        .containsEntry("HERSTEL_SERVICE_NAME", "bia-service")
        .containsEntry("HERSTEL_DB_USER", "postgres")
        .containsEntry("HERSTEL_DB_PASSWORD", "")
        .containsEntry("MP_JWT_VERIFY_ISSUER", "https://herstel.dev/devstack")
        .containsKeys("HERSTEL_KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    assertThat(env.get("HERSTEL_DB_URL")).endsWith("/herstel_bia");

    try (Connection c =
            DriverManager.getConnection(env.get("HERSTEL_DB_URL"), env.get("HERSTEL_DB_USER"), "");
        ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("herstel_bia");
    }

    TestInfrastructure infra = TestInfrastructure.get();
    assertThat(infra.kafkaBootstrap()).isEqualTo(env.get("HERSTEL_KAFKA_BOOTSTRAP_SERVERS"));
    assertThat(infra.embeddedKafka()).isNotNull();
    KafkaBroker.createTopics(infra.kafkaBootstrap(), List.of("herstel.bia.v1"), 3);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("herstel.bia.v1");
    }
    assertThat(Path.of(java.net.URI.create(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))))
        .isEqualTo(infra.jwt().publicKeyPem());
    assertThat(infra.token("auditor").split("\\.")).hasSize(3);
  }

  @Test
  void replacesTheDatabaseOfAnExternalUrl() {
    assertThat(
            TestInfrastructure.replaceDatabase(
                "jdbc:postgresql://db:5432/postgres?ssl=false", "herstel_bia"))
        .isEqualTo("jdbc:postgresql://db:5432/herstel_bia?ssl=false");
    assertThat(TestInfrastructure.replaceDatabase("jdbc:postgresql://db/postgres", "x"))
        .isEqualTo("jdbc:postgresql://db/x");
  }

  private static Map<String, String> read(Path file) throws Exception {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }
}
