package nl.herstel.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.herstel.devstack.testing.Bench.Goal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTableTest {
  @TempDir Path dir;

  @Test
  void figuresRecordedByBenchmarksBecomeATableWithTheirGoals() throws Exception {
    Path figures = dir.resolve("figures.jsonl");
    String previous = System.getProperty("herstel.bench.out");
    System.setProperty("herstel.bench.out", figures.toString());
    try {
      Bench.record("intake", "single alerts | 8 clients", 95.4, "events/s");
      Bench.record("intake", "single alerts ÷ pgbench", 0.0143, "×", Goal.atLeast(0.3));
      Bench.record("bia", "impact p99", 34.2, "ms", Goal.atMost(50));
    } finally {
      if (previous == null) {
        System.clearProperty("herstel.bench.out");
      } else {
        System.setProperty("herstel.bench.out", previous);
      }
    }

    List<JsonNode> lines = BenchTable.read(figures);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).get("met").asBoolean()).isFalse();
    assertThat(lines.get(2).get("met").asBoolean()).isTrue();

    BenchTable.main(new String[] {figures.toString()});
    String markdown = Files.readString(dir.resolve("bench.md"));
    assertThat(markdown)
        .contains("| intake | single alerts \\| 8 clients | 95.4 events/s |  |  |")
        .contains("| intake | single alerts ÷ pgbench | 0.014 × | ≥ 0.300 | **no** |")
        .contains("| bia | impact p99 | 34.2 ms | ≤ 50 | yes |")
        .contains("3 figures; 1 of 2 goals met.");
    assertThat(Files.readString(dir.resolve("bench.json"))).contains("\"figure\" : \"impact p99\"");
  }

  @Test
  void percentilesAreNearestRank() {
    double[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    assertThat(Bench.percentile(values, 50)).isEqualTo(5);
    assertThat(Bench.percentile(values, 99)).isEqualTo(10);
    assertThat(Bench.percentile(new double[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void goalsHoldInTheirDirection() {
    assertThat(Goal.atMost(50).metBy(50)).isTrue();
    assertThat(Goal.atMost(50).metBy(50.1)).isFalse();
    assertThat(Goal.atLeast(0.3).metBy(0.29)).isFalse();
    assertThat(Goal.atLeast(0.3)).hasToString("≥ 0.300");
  }
}
