package nl.herstel.devstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * What every benchmark shares: its mode, its sizes and where its figures go.
 *
 * <p>System property {@code herstel.benchmark}: {@code true} (or {@code full}) runs the benchmarks
 * at full size, as {@code ./bench.sh} does; {@code short} (the build's default) runs them at a
 * hundredth of that, which proves they run and asserts nothing about speed; anything else skips
 * them. {@code herstel.benchmark.scale} scales the full size further (0.2 for a quicker full run).
 * Each figure is appended as one JSON line to {@code herstel.bench.out} (when set), which {@link
 * BenchTable} turns into the table the bench command prints.
 */
public final class Bench {
  /** The expression JUnit's {@code @EnabledIfSystemProperty} matches to run a benchmark. */
  public static final String ENABLED = "true|full|short";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Bench() {}

  /** Whether this run is the short form (the build's), not the measured one. */
  public static boolean isShort() {
    return "short".equals(System.getProperty("herstel.benchmark", ""));
  }

  /**
   * A count at this run's size: {@code full} times the scale in a full run, {@code full / 100} (at
   * least {@code least}) in a short one.
   */
  public static int size(int full, int least) {
    double factor =
        isShort() ? 0.01 : Double.parseDouble(System.getProperty("herstel.benchmark.scale", "1"));
    return Math.max(least, (int) Math.round(full * factor));
  }

  /** The {@code p}th percentile (nearest rank) of the values, which must not be empty. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  /** Milliseconds since {@code startNanos}, a {@link System#nanoTime()} reading. */
  public static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  /**
   * Prints a figure and keeps it for the table.
   *
   * @param benchmark the benchmark, e.g. {@code intake}
   * @param figure what was measured, e.g. {@code single alerts, 8 clients}
   * @param value the measured value
   * @param unit its unit, e.g. {@code events/s}, {@code ms}, {@code ×}
   * @param goal the goal it is held against, or {@code null}
   */
  public static void record(String benchmark, String figure, double value, String unit, Goal goal) {
    String shown = format(value);
    System.out.printf(
        Locale.ROOT,
        "BENCHMARK %s — %s: %s %s%s%n",
        benchmark,
        figure,
        shown,
        unit,
        goal == null ? "" : " (goal " + goal + (goal.metBy(value) ? ": met)" : ": MISSED)"));
    String out = System.getProperty("herstel.bench.out", "");
    if (out.isBlank()) {
      return;
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("benchmark", benchmark);
    line.put("figure", figure);
    line.put("value", value);
    line.put("unit", unit);
    line.put("mode", isShort() ? "short" : "full");
    if (goal != null) {
      line.put("goal", goal.toString());
      line.put("met", goal.metBy(value));
    }
    try {
      Path file = Path.of(out);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figure to " + out, e);
    }
  }

  /** A figure without a goal. */
  public static void record(String benchmark, String figure, double value, String unit) {
    record(benchmark, figure, value, unit, null);
  }

  /** A value as the table shows it: whole numbers grouped, fractions to about three digits. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (Math.abs(value) >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * What a figure is held against.
   *
   * @param atMost whether the figure must stay at or below the bound (else at or above it)
   * @param bound the bound
   */
  public record Goal(boolean atMost, double bound) {
    /** At or below the bound: latencies, durations, sizes. */
    public static Goal atMost(double bound) {
      return new Goal(true, bound);
    }

    /** At or above the bound: rates and ratios. */
    public static Goal atLeast(double bound) {
      return new Goal(false, bound);
    }

    /** Whether the value meets it. */
    public boolean metBy(double value) {
      return atMost ? value <= bound : value >= bound;
    }

    @Override
    public String toString() {
      return (atMost ? "≤ " : "≥ ") + format(bound);
    }
  }
}
