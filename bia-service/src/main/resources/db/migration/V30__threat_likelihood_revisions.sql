-- issue 13, the loop back wider than RTO: lessons propose a threat's likelihood from how often
-- its incident category occurred; the revision names the threat instead of a process.
ALTER TABLE bia_revision
    ALTER COLUMN process_id DROP NOT NULL,
    ADD COLUMN threat_id           VARCHAR(64),
    ADD COLUMN current_likelihood  SMALLINT,
    ADD COLUMN proposed_likelihood SMALLINT;
