package nl.herstel.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the figures the benchmarks wrote ({@link Bench#record}, one JSON line each) into the bench
 * command's table: {@code bench.md} (markdown, also printed) and {@code bench.json} beside the
 * figures file.
 *
 * <pre>
 * java -cp … nl.herstel.devstack.testing.BenchTable target/bench/figures.jsonl
 * </pre>
 */
public final class BenchTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchTable <figures.jsonl>");
      System.exit(2);
    }
    Path figures = Path.of(args[0]);
    List<JsonNode> lines = read(figures);
    Path dir = figures.toAbsolutePath().getParent();
    String markdown = markdown(lines);
    Files.writeString(dir.resolve("bench.md"), markdown, StandardCharsets.UTF_8);
    ArrayNode all = JSON.createArrayNode();
    lines.forEach(all::add);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("bench.json").toFile(), all);
    System.out.print(markdown);
    System.out.println();
    System.out.println("Written: " + dir.resolve("bench.md") + " and " + dir.resolve("bench.json"));
  }

  /** The figures in the file, in the order they were measured. */
  static List<JsonNode> read(Path figures) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    if (!Files.exists(figures)) {
      return lines;
    }
    for (String line : Files.readAllLines(figures, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  /** One row per figure; the goal and whether it was met where the figure has one. */
  static String markdown(List<JsonNode> lines) {
    StringBuilder table = new StringBuilder();
    table.append("| Benchmark | Figure | Value | Goal | Met |\n");
    table.append("|---|---|---:|---|---|\n");
    long goals = 0;
    long met = 0;
    boolean anyShort = false;
    for (JsonNode line : lines) {
      boolean hasGoal = line.hasNonNull("goal");
      anyShort |= "short".equals(line.path("mode").asText());
      if (hasGoal) {
        goals++;
        met += line.get("met").asBoolean() ? 1 : 0;
      }
      table
          .append("| ")
          .append(cell(line.path("benchmark").asText()))
          .append(" | ")
          .append(cell(line.path("figure").asText()))
          .append(" | ")
          .append(Bench.format(line.path("value").asDouble()))
          .append(' ')
          .append(cell(line.path("unit").asText()))
          .append(" | ")
          .append(hasGoal ? cell(line.get("goal").asText()) : "")
          .append(" | ")
          .append(hasGoal ? (line.get("met").asBoolean() ? "yes" : "**no**") : "")
          .append(" |\n");
    }
    table
        .append('\n')
        .append(lines.size())
        .append(" figures; ")
        .append(met)
        .append(" of ")
        .append(goals)
        .append(" goals met")
        .append(anyShort ? " (a short run: its sizes prove the benchmarks run, not speed)" : "")
        .append(".\n");
    return table.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
