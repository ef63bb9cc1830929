package nl.herstel.platform.messaging;

import java.util.Optional;
import java.util.function.Supplier;
import nl.herstel.platform.logging.LogFields;

/** The {@link Caller} of the work running on this thread: set by REST filters and Kafka intake. */
public final class CallContext {
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  private CallContext() {}

  public static Optional<Caller> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} as {@code caller}, restoring the previous caller afterwards. */
  public static <T> T callAs(Caller caller, Supplier<T> work) {
    Caller previous = CURRENT.get();
    CURRENT.set(caller);
    LogFields.correlation(caller.correlationId());
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
        LogFields.clear();
      } else {
        CURRENT.set(previous);
        LogFields.correlation(previous.correlationId());
      }
    }
  }

  static void set(Caller caller) {
    CURRENT.set(caller);
  }

  static void clear() {
    CURRENT.remove();
  }

  /** For the REST filter: binds {@code caller} until {@link #unbind()}. */
  public static void bind(Caller caller) {
    set(caller);
    LogFields.correlation(caller.correlationId());
  }

  public static void unbind() {
    clear();
    LogFields.clear();
  }
}
