-- issue 13, the loop back: a revision changes the RTO, the MTPD or the RPO, carries lessons'
-- evidence and names the lessons proposal it came from. Revisions before this are RTO revisions.
ALTER TABLE bia_revision
    ADD COLUMN kind                   VARCHAR(20) NOT NULL DEFAULT 'RTO',
    ADD COLUMN current_target_seconds BIGINT,
    ADD COLUMN proposed_rpo_seconds   BIGINT,
    ADD COLUMN evidence               TEXT,
    ADD COLUMN proposal_id            VARCHAR(64),
    ALTER COLUMN proposed_rto_seconds DROP NOT NULL;
UPDATE bia_revision SET current_target_seconds = current_rto_seconds;
