package nl.herstel.platform.domain;

/**
 * The caller edited a version that is no longer the current one: the {@code If-Match} it sent names
 * an older ETag. Answered as 412 Precondition Failed; the caller reloads and tries again.
 */
public class StaleVersion extends Conflict {
  public StaleVersion(String message) {
    super("If-Match", message);
  }
}
