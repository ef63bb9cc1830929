package nl.herstel.lessons.api;

import java.util.List;

/**
 * How many incidents of a category per year amount to which likelihood of its threat (DOMAIN.md,
 * BIA step 2: likelihood 1, rare, to 5, almost certain). {@code thresholds} holds, in ascending
 * order, the fewest incidents a year for likelihood 2, 3, 4 and 5; the default {@code 1, 2, 4, 12}
 * reads: none a year is 1, one is 2, two or three are 3, four to eleven are 4, twelve or more
 * (monthly) are 5.
 */
public record LikelihoodScale(List<Integer> thresholds) {
  /** The default scale: 0/yr → 1, 1 → 2, 2–3 → 3, 4–11 → 4, ≥ 12 → 5. */
  public static final LikelihoodScale DEFAULT = new LikelihoodScale(List.of(1, 2, 4, 12));

  public LikelihoodScale {
    if (!valid(thresholds)) {
      throw new IllegalArgumentException(
          "A likelihood scale is four ascending positive counts, e.g. 1,2,4,12");
    }
    thresholds = List.copyOf(thresholds);
  }

  /**
   * The scale configured as four comma-separated counts; the default when it is blank or not four
   * ascending positive counts.
   */
  public static LikelihoodScale parse(String config) {
    if (config == null || config.isBlank()) {
      return DEFAULT;
    }
    try {
      List<Integer> counts =
          java.util.Arrays.stream(config.split(","))
              .map(String::strip)
              .map(Integer::valueOf)
              .toList();
      return valid(counts) ? new LikelihoodScale(counts) : DEFAULT;
    } catch (NumberFormatException e) {
      return DEFAULT;
    }
  }

  /** The likelihood, 1 to 5, that so many incidents a year amount to. */
  public int level(int incidentsPerYear) {
    int level = 1;
    for (int threshold : thresholds) {
      if (incidentsPerYear >= threshold) {
        level++;
      }
    }
    return level;
  }

  private static boolean valid(List<Integer> counts) {
    if (counts == null || counts.size() != 4) {
      return false;
    }
    int previous = 0;
    for (Integer count : counts) {
      if (count == null || count <= previous) {
        return false;
      }
      previous = count;
    }
    return true;
  }
}
