package nl.herstel.platform.jdbc;

/** A database operation failed for a reason the caller cannot fix (not bad input). */
public class DataAccessException extends RuntimeException {
  public DataAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
