package nl.herstel.plans.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import nl.herstel.plans.api.PlanStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version of a plan: who made it, when and why, and (for a single version) its whole document:
 * the content plus its status.
 */
@Schema(description = "One version of a recovery plan")
public record PlanVersionView(
    String planId,
    int version,
    PlanStatus status,
    Instant recordedAt,
    String principal,
    String reason,
    @Schema(description = "the whole plan as it stood in this version; absent in lists")
        JsonNode document) {}
