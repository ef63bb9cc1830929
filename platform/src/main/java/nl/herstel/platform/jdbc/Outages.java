package nl.herstel.platform.jdbc;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is away from a request that is wrong. A failure caused by a lost or refused
 * connection, an exhausted pool, a server shutting down or a transaction that lost a serialization
 * race passes when retried; anything else (a constraint, a bug, bad data) fails again.
 */
public final class Outages {
  private Outages() {}

  /** Whether {@code failure} (or one of its causes) says the database cannot be reached now. */
  public static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P: operator intervention (shutdown); 53300: too many
        // connections
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether retrying {@code failure} later can succeed: the database is away, or the transaction
   * lost a race (serialization failure, deadlock).
   */
  public static boolean isTransient(Throwable failure) {
    if (isDatabaseUnavailable(failure)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
