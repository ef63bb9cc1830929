package nl.herstel.platform.logging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The conversation's id on every log line this thread writes while it handles a request or a
 * record: Liberty adds the extensions of its {@code LogRecordContext} to each JSON log line as
 * {@code ext_correlationId}. Liberty's API jar is not in a Maven repository this build can reach,
 * so it is looked up at run time; outside Liberty (unit tests) this does nothing.
 */
public final class LogFields {
  /** The extension's name; a JSON log line shows it as {@code ext_correlationId}. */
  public static final String CORRELATION_ID = "correlationId";

  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add =
          lookup.findStatic(
              context,
              "addExtension",
              MethodType.methodType(void.class, String.class, String.class));
      remove =
          lookup.findStatic(
              context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      add = null;
      remove = null;
    }
    ADD = add;
    REMOVE = remove;
  }

  private LogFields() {}

  /** Log lines written by this thread from now on carry {@code correlationId}. */
  public static void correlation(String correlationId) {
    if (ADD == null || correlationId == null) {
      return;
    }
    try {
      ADD.invoke(CORRELATION_ID, correlationId);
    } catch (Throwable e) {
      // logging context is best effort: never fail the work for it
    }
  }

  /** Log lines written by this thread from now on carry no correlation id. */
  public static void clear() {
    if (REMOVE == null) {
      return;
    }
    try {
      REMOVE.invoke(CORRELATION_ID);
    } catch (Throwable e) {
      // logging context is best effort: never fail the work for it
    }
  }
}
