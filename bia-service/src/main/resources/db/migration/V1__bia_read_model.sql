-- The BIA read model, rebuilt from the event store by the bia-read-model processor.
CREATE TABLE bia_process (
    process_id    VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    description   TEXT,
    critical      BOOLEAN      NOT NULL,
    crown_jewel   BOOLEAN      NOT NULL,
    owner         VARCHAR(200),
    mtpd_seconds  BIGINT       NOT NULL,
    rto_seconds   BIGINT       NOT NULL,
    rpo_seconds   BIGINT,
    status        VARCHAR(20)  NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE bia_asset (
    asset_id      VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    description   TEXT,
    status        VARCHAR(20)  NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE bia_dependency (
    dependency_id VARCHAR(64) PRIMARY KEY,
    from_id       VARCHAR(64) NOT NULL,
    from_kind     VARCHAR(20) NOT NULL,
    to_id         VARCHAR(64) NOT NULL,
    to_kind       VARCHAR(20) NOT NULL,
    added_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (from_id, to_id)
);
CREATE INDEX bia_dependency_to ON bia_dependency (to_id);

CREATE TABLE bia_revision (
    revision_id          VARCHAR(64)  PRIMARY KEY,
    process_id           VARCHAR(64)  NOT NULL,
    incident_id          VARCHAR(64),
    current_rto_seconds  BIGINT,
    actual_seconds       BIGINT,
    proposed_rto_seconds BIGINT       NOT NULL,
    rationale            TEXT,
    proposed_by          VARCHAR(200),
    status               VARCHAR(20)  NOT NULL,
    proposed_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bia_revision_status ON bia_revision (status, proposed_at);
