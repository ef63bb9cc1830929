package nl.herstel.incidents.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;

/** The few JDBC moves the incident records' projections share. */
final class RecordsSql {
  private final JdbcTransactions db;

  RecordsSql(JdbcTransactions db) {
    this.db = db;
  }

  /** A row mapper that may throw what JDBC throws. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update the incident records", e);
    }
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the incident records", e);
    }
    return rows;
  }

  static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }

  static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp value = r.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }

  static Duration duration(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Duration.ofSeconds(value);
  }

  static Boolean bool(ResultSet r, String column) throws SQLException {
    boolean value = r.getBoolean(column);
    return r.wasNull() ? null : value;
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
