package nl.herstel.platform.domain;

/**
 * A command breaks a domain rule (for example RTO longer than MTPD). Answered as 422 with the
 * offending field named; nothing is stored.
 */
public class RuleViolation extends RuntimeException {
  private final String field;

  public RuleViolation(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, as the client named it, or {@code null} for the whole request. */
  public String field() {
    return field;
  }
}
