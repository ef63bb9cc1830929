-- issue 13, the loop back: proposals of every kind (RTO, MTPD, RPO) with their evidence, and
-- their fate as bia-service decided it.

-- A proposal now names its kind and the target it would change; the RTO columns stay filled for
-- RTO breaches (kind RTO from one incident) and are null for the other kinds.
ALTER TABLE lessons_revision_proposal
    ADD COLUMN kind                    VARCHAR(20) NOT NULL DEFAULT 'RTO',
    ADD COLUMN current_target_seconds  BIGINT,
    ADD COLUMN proposed_target_seconds BIGINT,
    ADD COLUMN evidence                TEXT,
    ALTER COLUMN current_rto_seconds   DROP NOT NULL,
    ALTER COLUMN actual_seconds        DROP NOT NULL,
    ALTER COLUMN proposed_rto_seconds  DROP NOT NULL;
UPDATE lessons_revision_proposal
   SET current_target_seconds = current_rto_seconds,
       proposed_target_seconds = proposed_rto_seconds;
CREATE INDEX lessons_revision_proposal_process ON lessons_revision_proposal (process_id);

-- The fate of each proposal (bia: RevisionDecided naming the proposal), kept by the Kafka
-- consumer in the same transaction as its inbox row; a decision may arrive before the proposal's
-- row is projected, so it is its own table, joined on read.
CREATE TABLE lessons_revision_fate (
    proposal_id VARCHAR(64)  PRIMARY KEY,
    revision_id TEXT         NOT NULL,
    accepted    BOOLEAN      NOT NULL,
    reason      TEXT         NOT NULL,
    decided_by  TEXT         NOT NULL,
    decided_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX lessons_revision_fate_decided ON lessons_revision_fate (decided_at);
