package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.bia.api.RevisionEvidence;
import nl.herstel.bia.api.RevisionKind;

/**
 * A proposed change of one of a process's recovery targets and where it stands. {@code kind} says
 * which target (RTO, MTPD or RPO); {@code currentTarget} is its value when proposed and the
 * proposed value is in {@code proposedRto}, {@code proposedMtpd} or {@code proposedRpo}. {@code
 * evidence} is what lessons measured (empty for revisions by hand), {@code proposalId} the lessons
 * proposal (null for revisions by hand). A THREAT_LIKELIHOOD revision names no process: {@code
 * threatId}, {@code currentLikelihood} and {@code proposedLikelihood} (1–5) say what it changes,
 * its evidence lists the incidents of the threat's category (OCCURRENCE).
 */
public record RevisionView(
    String id,
    String processId,
    String incidentId,
    Duration currentRto,
    Duration actualRecoveryTime,
    Duration proposedRto,
    String rationale,
    String proposedBy,
    String status,
    Instant proposedAt,
    Duration proposedMtpd,
    String decidedBy,
    Instant decidedAt,
    String decisionReason,
    RevisionKind kind,
    Duration currentTarget,
    Duration proposedRpo,
    List<RevisionEvidence> evidence,
    String proposalId,
    String threatId,
    Integer currentLikelihood,
    Integer proposedLikelihood) {}
