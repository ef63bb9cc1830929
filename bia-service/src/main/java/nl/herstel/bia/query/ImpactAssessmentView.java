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
    Instant assessedAt) {}
