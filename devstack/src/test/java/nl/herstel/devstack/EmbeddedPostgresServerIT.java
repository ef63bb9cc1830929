package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {
  @TempDir Path tmp;

  @Test
  void keepsDataAcrossRestartAndIsDurable() throws Exception {
    Path data = tmp.resolve("pg");
    long t0 = System.nanoTime();
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, 0, true)) {
      System.out.printf(
          "PostgreSQL first start (initdb) %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      pg.createDatabaseIfMissing("herstel_test");
      pg.createDatabaseIfMissing("herstel_test"); // idempotent
      try (Connection c =
              DriverManager.getConnection(pg.jdbcUrl("herstel_test"), pg.user(), pg.password());
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE note (id int PRIMARY KEY, text varchar(100))");
        st.execute("INSERT INTO note VALUES (1, 'survives a restart')");
        assertThat(value(st, "SHOW fsync")).isEqualTo("on");
        assertThat(value(st, "SHOW synchronous_commit")).isEqualTo("on");
        assertThat(value(st, "SELECT current_setting('server_version_num')")).startsWith("17");
      }
    }
    t0 = System.nanoTime();
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, 0, true)) {
      System.out.printf(
          "PostgreSQL restart on existing data %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      try (Connection c =
              DriverManager.getConnection(pg.jdbcUrl("herstel_test"), pg.user(), pg.password());
          Statement st = c.createStatement()) {
        assertThat(value(st, "SELECT text FROM note WHERE id = 1")).isEqualTo("survives a restart");
      }
    }
  }

  @Test
  void stopsAndRestartsAloneOnTheSamePortWithTheSameData() throws Exception {
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(tmp.resolve("away"), 0, false)) {
      int port = pg.port();
      String url = pg.jdbcUrl("postgres");
      try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE note (id int PRIMARY KEY)");
        st.execute("INSERT INTO note VALUES (7)");
        pg.stop();
        assertThat(pg.isRunning()).isFalse();
        assertThatThrownBy(() -> st.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
      }
      assertThatThrownBy(() -> DriverManager.getConnection(url, pg.user(), pg.password()))
          .isInstanceOf(SQLException.class);
      long t0 = System.nanoTime();
      pg.restart();
      System.out.printf(
          "PostgreSQL back after a stop in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(pg.isRunning()).isTrue();
      assertThat(pg.port()).isEqualTo(port);
      try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
          Statement st = c.createStatement()) {
        assertThat(value(st, "SELECT id FROM note")).isEqualTo("7");
      }
    }
  }

  @Test
  void notDurableForTests() throws Exception {
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(tmp.resolve("fast"), 0, false);
        Connection c =
            DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
        Statement st = c.createStatement()) {
      assertThat(pg.port()).isPositive();
      assertThat(value(st, "SHOW fsync")).isEqualTo("off");
    }
  }

  private static String value(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
