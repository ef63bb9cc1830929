package nl.herstel.platform.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import nl.herstel.platform.config.DatabaseConfig;
import nl.herstel.platform.config.ServiceConfig;
import org.flywaydb.core.Flyway;

/**
 * The service's database: a connection pool, migrated on first use, and the transactions that Axon
 * and our projections share.
 *
 * <p>Two Flyway histories keep the platform's tables (event store, token store, inbox) apart from
 * the service's own read models, so neither has to know the other's version numbers.
 */
@ApplicationScoped
public class Database {

  @Inject DatabaseConfig config;
  @Inject ServiceConfig service;

  private HikariDataSource dataSource;
  private JdbcTransactions transactions;

  /** Creates the pool and migrates both schemas; called once at start-up. */
  public synchronized JdbcTransactions transactions() {
    if (transactions == null) {
      HikariConfig hikari = new HikariConfig();
      hikari.setJdbcUrl(config.url());
      // Named, the driver is loaded from this application's class loader. Left to DriverManager,
      // which registers drivers once per JVM, an application restarted inside a running server
      // finds only the stopped instance's driver and fails with "No suitable driver".
      hikari.setDriverClassName("org.postgresql.Driver");
      hikari.setUsername(config.user());
      hikari.setPassword(config.password());
      hikari.setMaximumPoolSize(config.poolSize());
      hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
      hikari.setValidationTimeout(Math.min(1000, config.connectionTimeout().toMillis() / 2));
      hikari.setPoolName(service.name());
      hikari.setInitializationFailTimeout(-1);
      dataSource = new HikariDataSource(hikari);
      migrate("classpath:db/herstel-platform", "herstel_platform_history");
      migrate("classpath:db/migration", "flyway_schema_history");
      transactions = new JdbcTransactions(dataSource);
    }
    return transactions;
  }

  /** Whether the database answers a trivial query within two seconds. */
  public boolean isReachable() {
    if (dataSource == null) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void migrate(String location, String historyTable) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        .callbackLocations(location)
        .table(historyTable)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(false)
        .load()
        .migrate();
  }

  /** Closes the pool; called by the Axon runtime after its processors have stopped. */
  public synchronized void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }
}
