package nl.herstel.bia.api;

import java.time.Duration;

/** How bad an outage of a process is in one category after {@code horizon}: 0 (none) to 4. */
public record ImpactRating(ImpactCategory category, Duration horizon, int score) {}
