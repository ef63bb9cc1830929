package nl.herstel.platform.messaging;

import java.util.Optional;
import java.util.function.Supplier;

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
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
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
  }

  public static void unbind() {
    clear();
  }
}
