package nl.herstel.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.devstack.testing.TestInfrastructure;
import nl.herstel.platform.jdbc.ProcessTargetsCopy.Fact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A consumer's copy of BIA process targets on a real PostgreSQL: the newest targets win. */
class ProcessTargetsCopyIT {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static HikariDataSource dataSource;
  private static Sql sql;
  private static ProcessTargetsCopy copy;

  @BeforeAll
  static void database() {
    TestInfrastructure infra = TestInfrastructure.get();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(infra.jdbcUrl("herstel_platform_copy_it"));
    dataSource.setUsername(infra.dbUser());
    dataSource.setPassword(infra.dbPassword());
    sql = new Sql(new JdbcTransactions(dataSource));
    sql.update(
        "CREATE TABLE IF NOT EXISTS it_process_copy (process_id TEXT PRIMARY KEY, name TEXT,"
            + " critical BOOLEAN, mtpd_seconds BIGINT NOT NULL, rto_seconds BIGINT NOT NULL,"
            + " rpo_seconds BIGINT, targets_at TIMESTAMPTZ NOT NULL)");
    copy =
        new ProcessTargetsCopy(
            sql, "it_process_copy", "targets_at", EnumSet.of(Fact.NAME, Fact.CRITICAL));
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @Test
  void registrationThenNewTargetsKeepsTheNameAndTheNewTargets() {
    String id = UUID.randomUUID().toString();
    copy.registered(registered(id, "Payments", 8, T0));
    copy.targetsSet(targetsSet(id, 12, T0.plusSeconds(60)));
    assertThat(row(id)).containsExactly("Payments", "true", "43200", "3600");
  }

  @Test
  void targetsArrivingBeforeTheirRegistrationAreNotOverwrittenByIt() {
    String id = UUID.randomUUID().toString();
    copy.targetsSet(targetsSet(id, 12, T0.plusSeconds(60)));
    copy.registered(registered(id, "Payments", 8, T0));
    assertThat(row(id)).containsExactly("Payments", "true", "43200", "3600");
  }

  @Test
  void olderTargetsArrivingLateChangeNothing() {
    String id = UUID.randomUUID().toString();
    copy.registered(registered(id, "Payments", 8, T0));
    copy.targetsSet(targetsSet(id, 12, T0.plusSeconds(120)));
    copy.targetsSet(targetsSet(id, 4, T0.plusSeconds(60)));
    assertThat(row(id)).containsExactly("Payments", "true", "43200", "3600");
  }

  private static ProcessRegistered registered(String id, String name, int rtoHours, Instant at) {
    return new ProcessRegistered(
        id,
        name,
        null,
        true,
        false,
        null,
        Duration.ofHours(24),
        Duration.ofHours(rtoHours),
        Duration.ofHours(1),
        at);
  }

  private static RecoveryTargetsSet targetsSet(String id, int rtoHours, Instant at) {
    return new RecoveryTargetsSet(
        id,
        Duration.ofHours(24),
        Duration.ofHours(rtoHours),
        Duration.ofHours(1),
        TargetSource.MANUAL,
        null,
        "test",
        at);
  }

  private static List<String> row(String id) {
    return sql.one(
            "SELECT name, critical, rto_seconds, rpo_seconds FROM it_process_copy"
                + " WHERE process_id = ?",
            r ->
                List.of(
                    r.getString("name"),
                    String.valueOf(r.getBoolean("critical")),
                    r.getString("rto_seconds"),
                    r.getString("rpo_seconds")),
            id)
        .orElseThrow();
  }
}
