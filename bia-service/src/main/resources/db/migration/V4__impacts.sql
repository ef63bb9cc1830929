-- Impact assessments: per process, category and horizon a score of 0 (none) to 4.
CREATE TABLE bia_impact (
    process_id      VARCHAR(64)  NOT NULL,
    category        VARCHAR(30)  NOT NULL,
    horizon_seconds BIGINT       NOT NULL,
    score           INT          NOT NULL,
    assessed_by     VARCHAR(200),
    assessed_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (process_id, category, horizon_seconds)
);
