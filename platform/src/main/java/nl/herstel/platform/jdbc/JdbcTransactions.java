package nl.herstel.platform.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * One JDBC transaction per thread, shared by Axon and by our own SQL.
 *
 * <p>Axon 4 has no non-Spring JDBC transaction manager (see STACK.md). This one is also Axon's
 * {@link ConnectionProvider}: inside a transaction every caller gets the same connection, so
 * loading an aggregate and appending its events is one transaction, and a processor batch's
 * projection rows commit together with its tracking token. Nested transactions join the outer one;
 * a rollback anywhere marks the whole transaction rollback-only. Outside a transaction (token
 * claims run there too) callers get a plain pooled connection in auto-commit mode.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {

  private final DataSource dataSource;
  private final ThreadLocal<Bound> current = new ThreadLocal<>();

  public JdbcTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Transaction startTransaction() {
    Bound bound = current.get();
    if (bound != null) {
      bound.depth++;
      return new Joined(bound);
    }
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      Bound fresh = new Bound(connection);
      current.set(fresh);
      return new Owned(fresh);
    } catch (SQLException e) {
      throw new DataAccessException("Could not start a database transaction", e);
    }
  }

  /**
   * The connection of the current transaction (closing it is a no-op), or a new pooled connection
   * when no transaction is active.
   */
  @Override
  public Connection getConnection() throws SQLException {
    Bound bound = current.get();
    return bound != null ? bound.shared : dataSource.getConnection();
  }

  /**
   * Runs {@code work} in a transaction (joining the current one) and returns its result.
   *
   * <p>When this call starts the transaction, an Axon unit of work owns it, so that a command sent
   * inside runs in a nested unit of work: its aggregate stays locked, and its events are stored,
   * until this transaction commits. Without it the command's own unit of work would release the
   * aggregate lock as soon as the command returned, before the commit; another thread could then
   * load the aggregate without those events and append at the same sequence number (the deadline
   * clock and a REST command on one incident did exactly that).
   */
  public <T> T inTransaction(Supplier<T> work) {
    if (isActive() || CurrentUnitOfWork.isStarted()) {
      return fetchInTransaction(work);
    }
    DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    unitOfWork.attachTransaction(this);
    ResultMessage<T> result = unitOfWork.executeWithResult(work::get);
    if (result.isExceptional()) {
      Throwable failure = result.exceptionResult();
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new DataAccessException("The transaction failed", failure);
    }
    return result.getPayload();
  }

  /** Whether the calling thread is inside a transaction. */
  public boolean isActive() {
    return current.get() != null;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  private void release(Bound bound) {
    current.remove();
    try {
      bound.connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the pool validates the connection before handing it out again
    }
    try {
      bound.connection.close();
    } catch (SQLException e) {
      throw new DataAccessException("Could not release the database connection", e);
    }
  }

  private static final class Bound {
    final Connection connection;
    final Connection shared;
    int depth;
    boolean rollbackOnly;

    Bound(Connection connection) {
      this.connection = connection;
      this.shared = nonClosing(connection);
    }
  }

  private final class Owned implements Transaction {
    private final Bound bound;

    Owned(Bound bound) {
      this.bound = bound;
    }

    @Override
    public void commit() {
      try {
        if (bound.rollbackOnly) {
          bound.connection.rollback();
          throw new DataAccessException(
              "Transaction was marked rollback-only by a nested part", null);
        }
        bound.connection.commit();
      } catch (SQLException e) {
        rollbackQuietly();
        throw new DataAccessException("Commit failed", e);
      } finally {
        release(bound);
      }
    }

    @Override
    public void rollback() {
      try {
        bound.connection.rollback();
      } catch (SQLException e) {
        throw new DataAccessException("Rollback failed", e);
      } finally {
        release(bound);
      }
    }

    private void rollbackQuietly() {
      try {
        bound.connection.rollback();
      } catch (SQLException ignored) {
        // the commit failure is the error worth reporting
      }
    }
  }

  private static final class Joined implements Transaction {
    private final Bound bound;

    Joined(Bound bound) {
      this.bound = bound;
    }

    @Override
    public void commit() {
      bound.depth--;
    }

    @Override
    public void rollback() {
      bound.rollbackOnly = true;
      bound.depth--;
    }
  }

  private static Connection nonClosing(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  return null;
                case "isClosed":
                  return false;
                case "commit":
                case "rollback":
                  if (args == null || args.length == 0) {
                    // the owner of the transaction commits or rolls back, never a participant
                    return null;
                  }
                  break;
                case "setAutoCommit":
                  return null;
                case "equals":
                  return proxy == args[0];
                case "hashCode":
                  return System.identityHashCode(proxy);
                default:
                  break;
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
