package nl.herstel.platform.domain;

/** Something the request names does not exist. Answered as 404. */
public class NotFound extends RuntimeException {
  private final String field;

  public NotFound(String what, String id) {
    this(null, what, id);
  }

  /** A reference in field {@code field} names a {@code what} that does not exist. */
  public NotFound(String field, String what, String id) {
    super(what + " '" + id + "' does not exist");
    this.field = field;
  }

  public String field() {
    return field;
  }
}
