package nl.herstel.platform.domain;

/** The request conflicts with the current state (a duplicate, a stale version). Answered as 409. */
public class Conflict extends RuntimeException {
  private final String field;

  public Conflict(String message) {
    this(null, message);
  }

  /** A conflict caused by one field's value, e.g. a name another resource already uses. */
  public Conflict(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field whose value conflicts, or {@code null} when no one field is at fault. */
  public String field() {
    return field;
  }
}
