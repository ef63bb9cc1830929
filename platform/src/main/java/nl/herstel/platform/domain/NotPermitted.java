package nl.herstel.platform.domain;

/**
 * The caller's role may do this in general, but not here: a process owner acting on someone else's
 * process, a role the plan does not mandate. Answered as 403 with the reason.
 */
public class NotPermitted extends RuntimeException {
  public NotPermitted(String message) {
    super(message);
  }
}
