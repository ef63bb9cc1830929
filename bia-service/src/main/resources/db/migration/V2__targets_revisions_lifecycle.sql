-- Recovery-target history, optimistic-concurrency versions, revision decisions, retirement.
ALTER TABLE bia_process ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bia_process ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE bia_process ADD COLUMN retirement_reason TEXT;
ALTER TABLE bia_asset ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE bia_asset ADD COLUMN retirement_reason TEXT;

CREATE TABLE bia_target_history (
    process_id   VARCHAR(64)  NOT NULL,
    seq          BIGINT       NOT NULL,
    mtpd_seconds BIGINT       NOT NULL,
    rto_seconds  BIGINT       NOT NULL,
    rpo_seconds  BIGINT,
    source       VARCHAR(20)  NOT NULL,
    revision_id  VARCHAR(64),
    reason       TEXT,
    set_by       VARCHAR(200),
    set_by_role  VARCHAR(50),
    set_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (process_id, seq)
);

ALTER TABLE bia_revision ADD COLUMN proposed_mtpd_seconds BIGINT;
ALTER TABLE bia_revision ADD COLUMN decided_by VARCHAR(200);
ALTER TABLE bia_revision ADD COLUMN decided_at TIMESTAMPTZ;
ALTER TABLE bia_revision ADD COLUMN decision_reason TEXT;

CREATE INDEX bia_dependency_from ON bia_dependency (from_id);

