package nl.herstel.platform.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;

/**
 * The one way our read models, consumers and clocks touch SQL: a statement on the connection of the
 * current transaction (a processor batch, a consumer's record, a command), so its rows commit with
 * the token, inbox entry or events of that transaction; outside a transaction on a pooled
 * connection in auto-commit mode.
 *
 * <p>Arguments bind by their Java type: an {@link Instant} as a timestamp, a {@link Duration} as
 * whole seconds, an enum by its name, a collection as an array (of {@code uuid} when its elements
 * are UUIDs, else of {@code varchar}); everything else as JDBC binds it. Failures surface as {@link
 * DataAccessException}; one caused by a database that is away is answered 503 by the REST layer
 * ({@link Outages}).
 */
public final class Sql {
  /** The JSON form of documents kept in {@code jsonb} columns: the contracts' mapper. */
  public static final ObjectMapper JSON = ContractJson.mapper();

  private final JdbcTransactions db;

  public Sql(JdbcTransactions db) {
    this.db = db;
  }

  /** A row mapper that may throw what JDBC throws. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
  public int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(c, s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not write to the read model", e);
    }
  }

  /** Runs one statement for each argument list, sent to the database as one batch. */
  public void batch(String sql, Collection<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (Object[] args : rows) {
        bind(c, s, args);
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new DataAccessException("Could not write to the read model", e);
    }
  }

  /** Every row the query returns, mapped. */
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
      throw new DataAccessException("Could not read the read model", e);
    }
    return rows;
  }

  /** The first row the query returns, mapped, if there is one. */
  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
    return list(sql, mapper, args).stream().findFirst();
  }

  /** Whether the query returns a row. */
  public boolean exists(String sql, Object... args) {
    return one(sql, r -> Boolean.TRUE, args).isPresent();
  }

  public static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp value = r.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** A duration kept as whole seconds, or null. */
  public static Duration duration(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Duration.ofSeconds(value);
  }

  public static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }

  public static Boolean bool(ResultSet r, String column) throws SQLException {
    boolean value = r.getBoolean(column);
    return r.wasNull() ? null : value;
  }

  public static UUID uuid(ResultSet r, String column) throws SQLException {
    return r.getObject(column, UUID.class);
  }

  public static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
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
      } else if (arg instanceof Duration duration) {
        s.setLong(i + 1, duration.toSeconds());
      } else if (arg instanceof Enum<?> value) {
        s.setString(i + 1, value.name());
      } else if (arg instanceof Collection<?> values) {
        boolean uuids = !values.isEmpty() && values.iterator().next() instanceof UUID;
        s.setArray(i + 1, c.createArrayOf(uuids ? "uuid" : "varchar", values.toArray()));
      } else {
        s.setObject(i + 1, arg);
      }
    }
  }
}
