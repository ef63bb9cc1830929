package nl.herstel.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import nl.herstel.devstack.testing.Bench;
import nl.herstel.devstack.testing.Bench.Goal;
import nl.herstel.devstack.testing.TestInfrastructure;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The hash chain on a real PostgreSQL: appended events link up; any edit breaks a named link. */
class EventChainIT {
  private static HikariDataSource dataSource;
  private static EventChain chain;

  @BeforeAll
  static void database() {
    TestInfrastructure infra = TestInfrastructure.get();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(infra.jdbcUrl("herstel_platform_it"));
    dataSource.setUsername(infra.dbUser());
    dataSource.setPassword(infra.dbPassword());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/herstel-platform")
        .table("herstel_platform_history")
        .load()
        .migrate();
    chain = new EventChain(new JdbcTransactions(dataSource));
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @Test
  void aStreamAsAppendedIsIntact() throws Exception {
    String stream = appendStream(4);
    ChainVerification verification = chain.verify(stream);
    assertThat(verification.intact()).isTrue();
    assertThat(verification.eventsChecked()).isEqualTo(4);
  }

  @Test
  void anEditedPayloadBreaksItsLink() throws Exception {
    String stream = appendStream(4);
    execute(
        "UPDATE domainevententry SET payload = convert_to('{\"rto\":\"PT1H\"}', 'UTF8')"
            + " WHERE aggregateidentifier = '"
            + stream
            + "' AND sequencenumber = 2");
    ChainVerification verification = chain.verify(stream);
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
    assertThat(verification.eventsChecked()).isEqualTo(2);
    assertThat(verification.reason()).contains("does not match");
  }

  @Test
  void editedMetadataBreaksItsLinkToo() throws Exception {
    String stream = appendStream(3);
    execute(
        "UPDATE domainevententry SET metadata = convert_to('{\"principal\":\"mallory\"}', 'UTF8')"
            + " WHERE aggregateidentifier = '"
            + stream
            + "' AND sequencenumber = 0");
    assertThat(chain.verify(stream).firstBrokenSequence()).isEqualTo(0L);
  }

  @Test
  void aDeletedEventIsNamedAsMissing() throws Exception {
    String stream = appendStream(4);
    execute(
        "DELETE FROM domainevententry WHERE aggregateidentifier = '"
            + stream
            + "' AND sequencenumber = 1");
    ChainVerification verification = chain.verify(stream);
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
    assertThat(verification.reason()).contains("missing");
  }

  /**
   * The figure of issue 15: verifying the chain of a stream of 10,000 events takes at most a
   * second. A benchmark ({@link Bench}): short in the build, full in {@code ./bench.sh}.
   */
  @Test
  @EnabledIfSystemProperty(named = "herstel.benchmark", matches = Bench.ENABLED)
  void tenThousandEventsVerifyWithinASecond() throws Exception {
    int events = Bench.size(10_000, 100);
    String stream = appendStream(events);
    chain.verify(appendStream(50)); // warm-up: JIT, statement cache
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      ChainVerification verification = chain.verify(stream);
      long nanos = System.nanoTime() - start;
      assertThat(verification.intact()).isTrue();
      assertThat(verification.eventsChecked()).isEqualTo(events);
      best = Math.min(best, nanos);
    }
    Bench.record(
        "hash chain",
        "verify a stream of %,d events, best of 5".formatted(events),
        best / 1e6,
        "ms",
        Goal.atMost(1000));
  }

  private static String appendStream(int events) throws Exception {
    String stream = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                    + " VALUES (?, ?, 'Incident', ?, ?, ?, NULL, 'nl.herstel.Example', ?)")) {
      for (int i = 0; i < events; i++) {
        insert.setString(1, stream);
        insert.setLong(2, i);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, "{\"principal\":\"alice\"}".getBytes(StandardCharsets.UTF_8));
        insert.setBytes(5, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        insert.setString(
            6, java.time.Instant.parse("2026-11-29T10:00:00Z").plusSeconds(i).toString());
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return stream;
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
