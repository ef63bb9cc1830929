-- What lessons-service knows of other services, kept by its Kafka consumers in the same
-- transaction as the inbox row of the event that changed it.

-- Recovery targets of the BIA's processes (bia: ProcessRegistered, RecoveryTargetsSet).
CREATE TABLE lessons_process_target (
    process_id   TEXT        PRIMARY KEY,
    name         TEXT,
    mtpd_seconds BIGINT      NOT NULL,
    rto_seconds  BIGINT      NOT NULL,
    rpo_seconds  BIGINT,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Incidents as they were opened (incidents: IncidentOpened).
CREATE TABLE lessons_incident (
    incident_id  TEXT        PRIMARY KEY,
    title        TEXT        NOT NULL,
    severity     VARCHAR(20) NOT NULL,
    disrupted_at TIMESTAMPTZ NOT NULL,
    opened_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE lessons_incident_process (
    incident_id TEXT NOT NULL REFERENCES lessons_incident (incident_id),
    process_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (incident_id, process_id)
);

-- The recovery information read model, rebuilt from the event store by the
-- lessons-read-model processor.
CREATE TABLE lessons_review (
    incident_id  VARCHAR(255) PRIMARY KEY,
    title        TEXT,
    severity     VARCHAR(20),
    summary      TEXT,
    disrupted_at TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ  NOT NULL,
    reviewed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX lessons_review_closed ON lessons_review (closed_at DESC);

CREATE TABLE lessons_review_process (
    incident_id    VARCHAR(255) NOT NULL REFERENCES lessons_review (incident_id),
    process_id     TEXT         NOT NULL,
    name           TEXT,
    restored_at    TIMESTAMPTZ  NOT NULL,
    actual_seconds BIGINT       NOT NULL,
    rto_seconds    BIGINT,
    mtpd_seconds   BIGINT,
    verdict        VARCHAR(20),
    PRIMARY KEY (incident_id, process_id)
);

CREATE TABLE lessons_revision_proposal (
    proposal_id          VARCHAR(64)  PRIMARY KEY,
    incident_id          VARCHAR(255) NOT NULL REFERENCES lessons_review (incident_id),
    process_id           TEXT         NOT NULL,
    process_name         TEXT,
    current_rto_seconds  BIGINT       NOT NULL,
    actual_seconds       BIGINT       NOT NULL,
    proposed_rto_seconds BIGINT       NOT NULL,
    rationale            TEXT         NOT NULL,
    proposed_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX lessons_revision_proposal_incident ON lessons_revision_proposal (incident_id);
CREATE INDEX lessons_revision_proposal_proposed ON lessons_revision_proposal (proposed_at DESC);
