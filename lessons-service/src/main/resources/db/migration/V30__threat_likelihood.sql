-- issue 13, the loop back wider than RTO: threat likelihood proposals from how often each
-- incident category occurred in a year.

-- The threats lessons knows (kind THREAT) keep their current likelihood, 1..5, from bia's
-- ThreatRegistered and ThreatLikelihoodChanged. Threats consumed before this column existed have
-- none until their likelihood changes again; no proposal is made for them.
ALTER TABLE lessons_known_target ADD COLUMN likelihood SMALLINT;

-- A proposal may revise a threat's likelihood instead of a process's target: then kind is
-- THREAT_LIKELIHOOD, process_id is null and the threat columns are filled; the incidents counted
-- are in occurrences (JSON: incidentId, disruptedAt).
ALTER TABLE lessons_revision_proposal
    ALTER COLUMN process_id DROP NOT NULL,
    ADD COLUMN threat_id           TEXT,
    ADD COLUMN threat_name         TEXT,
    ADD COLUMN category            VARCHAR(40),
    ADD COLUMN current_likelihood  SMALLINT,
    ADD COLUMN proposed_likelihood SMALLINT,
    ADD COLUMN occurrences         TEXT;
CREATE INDEX lessons_revision_proposal_threat ON lessons_revision_proposal (threat_id)
    WHERE threat_id IS NOT NULL;

-- The fate of a likelihood proposal names its threat, so the next assessment of the threat knows
-- its pending proposal was decided, whether or not the proposal's row is projected yet.
ALTER TABLE lessons_revision_fate ADD COLUMN threat_id TEXT;
CREATE INDEX lessons_revision_fate_threat ON lessons_revision_fate (threat_id)
    WHERE threat_id IS NOT NULL;
