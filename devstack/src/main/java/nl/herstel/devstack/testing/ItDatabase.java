package nl.herstel.devstack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database of the service under test (system property {@code herstel.it.database}), for
 * assertions an API cannot make: nothing stored after a rejected request, one inbox row per
 * CloudEvent, a tampered row.
 */
public final class ItDatabase {
  private ItDatabase() {}

  public static Connection connect() throws SQLException {
    TestInfrastructure infra = TestInfrastructure.get();
    return DriverManager.getConnection(
        infra.jdbcUrl(System.getProperty("herstel.it.database")),
        infra.dbUser(),
        infra.dbPassword());
  }

  /** The single number {@code sql} answers, e.g. a {@code count(*)}, with {@code args} bound. */
  public static long count(String sql, Object... args) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
