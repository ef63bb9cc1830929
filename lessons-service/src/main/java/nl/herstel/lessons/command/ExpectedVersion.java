package nl.herstel.lessons.command;

import nl.herstel.platform.domain.StaleVersion;
import org.axonframework.modelling.command.AggregateLifecycle;

/** The optimistic concurrency check of lessons' aggregates: If-Match against the stored version. */
final class ExpectedVersion {
  private ExpectedVersion() {}

  /** Refuses the command when the caller edited another version than the current one. */
  static void check(String what, String id, Long expected) {
    Long actual = AggregateLifecycle.getVersion();
    if (expected != null && !expected.equals(actual)) {
      throw new StaleVersion(
          what
              + " "
              + id
              + " is at version "
              + actual
              + ", not "
              + expected
              + "; reload it and try again");
    }
  }
}
