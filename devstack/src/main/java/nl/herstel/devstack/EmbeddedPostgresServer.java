package nl.herstel.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries) whose data directory is kept between runs.
 * Durable servers run with {@code fsync=on} and {@code synchronous_commit=on}; the others (tests)
 * trade durability for speed. {@link #stop()} and {@link #restart()} take it away and bring it back
 * on the same port with the same data (what a fault test needs).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EmbeddedPostgresServer.class.getName());
  private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private volatile EmbeddedPostgres pg;
  private final Path dataDir;
  private final int port;
  private final boolean durable;

  private EmbeddedPostgresServer(EmbeddedPostgres pg, Path dataDir, boolean durable) {
    this.pg = pg;
    this.dataDir = dataDir;
    this.port = pg.getPort();
    this.durable = durable;
  }

  /**
   * Starts PostgreSQL on {@code dataDir} (created and initialised when empty, reused otherwise).
   *
   * @param port the port, 0 for a free one
   * @param durable fsync and synchronous commit on (devstack) or off (tests)
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
    return new EmbeddedPostgresServer(launch(dataDir, port, durable), dataDir, durable);
  }

  private static EmbeddedPostgres launch(Path dataDir, int port, boolean durable) {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(dataDir);
      Path log = dataDir.toAbsolutePath().getParent().resolve("postgres.log");
      String onOff = durable ? "on" : "off";
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("fsync", onOff)
              .setServerConfig("synchronous_commit", onOff)
              .setServerConfig("full_page_writes", onOff)
              .setServerConfig("max_connections", "300")
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      LOG.log(
          Level.INFO,
          "PostgreSQL on port {0} (data {1}, durable={2}) started in {3} ms",
          pg.getPort(),
          dataDir,
          durable,
          (System.nanoTime() - t0) / 1_000_000);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on " + dataDir, e);
    }
  }

  /**
   * Stops the server ({@code pg_ctl stop -m fast}: open connections are cut); the data directory
   * and the port stay for {@link #restart()}. Does nothing when it is stopped.
   */
  public synchronized void stop() {
    EmbeddedPostgres running = pg;
    if (running == null) {
      return;
    }
    long t0 = System.nanoTime();
    pg = null;
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    }
    LOG.log(
        Level.INFO,
        "PostgreSQL on port {0} stopped in {1} ms",
        port,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** Stops the server if it runs and starts it again on the same port with the same data. */
  public synchronized void restart() {
    stop();
    pg = launch(dataDir, port, durable);
  }

  public boolean isRunning() {
    return pg != null;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  public String user() {
    return "postgres";
  }

  /** Empty: the embedded server uses trust authentication on localhost. */
  public String password() {
    return "";
  }

  /** Creates the database unless it exists (safe to call concurrently). */
  public void createDatabaseIfMissing(String name) {
    createDatabaseIfMissing(jdbcUrl("postgres"), user(), password(), name);
  }

  /**
   * Creates {@code name} on the server behind {@code adminJdbcUrl} unless it exists. Shared with
   * the test infrastructure's external-PostgreSQL path.
   */
  public static void createDatabaseIfMissing(
      String adminJdbcUrl, String user, String password, String name) {
    if (!DB_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password)) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE \"" + name + "\"");
      } catch (SQLException e) {
        // 42P04 duplicate_database: someone else was faster. 23505: concurrent catalog insert.
        if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
