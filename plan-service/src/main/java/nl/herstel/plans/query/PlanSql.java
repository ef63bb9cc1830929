package nl.herstel.plans.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.herstel.contracts.ContractJson;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;

/**
 * The few JDBC moves plan-service's read models and consumers share. Statements run on the
 * connection of the current transaction (a processor batch, a consumer's record), so their rows
 * commit with its token or inbox entry.
 */
public final class PlanSql {
  static final ObjectMapper JSON = ContractJson.mapper();

  private final JdbcTransactions db;

  public PlanSql(JdbcTransactions db) {
    this.db = db;
  }

  /** A row mapper that may throw what JDBC throws. */
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  public int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(c, s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update plan-service's read model", e);
    }
  }

  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(c, s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read plan-service's read model", e);
    }
    return rows;
  }

  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
    return list(sql, mapper, args).stream().findFirst();
  }

  public static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp value = r.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  public static Duration duration(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Duration.ofSeconds(value);
  }

  public static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write JSON", e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return json == null ? null : JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not read JSON", e);
    }
  }

  public static <T> T fromJson(String json, JavaType type) {
    try {
      return json == null ? null : JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not read JSON", e);
    }
  }

  private static void bind(Connection c, PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof Instant instant) {
        s.setTimestamp(i + 1, Timestamp.from(instant));
      } else if (arg instanceof List<?> list) {
        Array array = c.createArrayOf("varchar", list.toArray());
        s.setArray(i + 1, array);
      } else {
        s.setObject(i + 1, arg);
      }
    }
  }
}
