package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.bia.api.ImpactRating;

/**
 * A process's impact assessment. {@code suggestedMtpd} is the first rated horizon at which any
 * category reaches {@code unacceptableLevel}; null when none does (or nothing is rated yet).
 */
public record ImpactAssessmentView(
    String processId,
    List<Duration> horizons,
    int unacceptableLevel,
    List<ImpactRating> ratings,
    Duration suggestedMtpd,
    Duration currentMtpd,
    String assessedBy,
    Instant assessedAt) {

  /**
   * The assessment of a process as stored, with the MTPD it suggests: the first rated horizon at
   * which any category reaches {@code unacceptableLevel} (DOMAIN.md: the MTPD is the time after
   * which the impact of an outage becomes unacceptable).
   */
  public static ImpactAssessmentView of(
      String processId,
      List<Duration> horizons,
      int unacceptableLevel,
      ImpactProjection.StoredImpacts stored,
      Duration currentMtpd) {
    return new ImpactAssessmentView(
        processId,
        horizons,
        unacceptableLevel,
        stored.ratings(),
        suggestedMtpd(stored.ratings(), unacceptableLevel),
        currentMtpd,
        stored.assessedBy(),
        stored.assessedAt());
  }

  /** The first horizon at which a rating reaches {@code unacceptableLevel}; null if none does. */
  public static Duration suggestedMtpd(List<ImpactRating> ratings, int unacceptableLevel) {
    return ratings.stream()
        .filter(r -> r.score() >= unacceptableLevel)
        .map(ImpactRating::horizon)
        .min(Duration::compareTo)
        .orElse(null);
  }
}
