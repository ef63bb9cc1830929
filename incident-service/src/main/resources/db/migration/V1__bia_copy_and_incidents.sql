-- The BIA copy: what incident-service knows of the business impact analysis, upserted from the
-- bia contract events on Kafka in the consumer's transaction, together with the inbox insert.
-- Ids and names are as wide as the contract allows: a long name must never stall the consumer.
CREATE TABLE bia_copy_process (
    process_id   VARCHAR(255) PRIMARY KEY,
    name         TEXT,
    critical     BOOLEAN,
    crown_jewel  BOOLEAN,
    mtpd_seconds BIGINT       NOT NULL,
    rto_seconds  BIGINT       NOT NULL,
    rpo_seconds  BIGINT,
    targets_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE bia_copy_asset (
    asset_id VARCHAR(255) PRIMARY KEY,
    name     TEXT         NOT NULL,
    kind     VARCHAR(20)  NOT NULL
);
CREATE INDEX bia_copy_asset_name ON bia_copy_asset (lower(name));
CREATE INDEX bia_copy_asset_id ON bia_copy_asset (lower(asset_id));

-- from_id depends on (is supported by) to_id; an incident walks these edges backwards from a hit
-- asset to the processes it disrupts.
CREATE TABLE bia_copy_dependency (
    dependency_id VARCHAR(255) PRIMARY KEY,
    from_id       VARCHAR(255) NOT NULL,
    from_kind     VARCHAR(20)  NOT NULL,
    to_id         VARCHAR(255) NOT NULL,
    to_kind       VARCHAR(20)  NOT NULL
);
CREATE INDEX bia_copy_dependency_to ON bia_copy_dependency (to_id);

-- The incident read model, rebuilt from the event store by the incident-read-model processor.
CREATE TABLE incident (
    incident_id  VARCHAR(255) PRIMARY KEY,
    source       VARCHAR(100) NOT NULL,
    source_id    VARCHAR(200) NOT NULL,
    title        VARCHAR(500) NOT NULL,
    description  TEXT,
    severity     VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    disrupted_at TIMESTAMPTZ  NOT NULL,
    opened_at    TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ,
    summary      TEXT
);
CREATE INDEX incident_opened ON incident (opened_at DESC);

-- The assets an alert named: resolved ones with their BIA id, unresolved ones by name only.
CREATE TABLE incident_asset (
    incident_id VARCHAR(255) NOT NULL REFERENCES incident (incident_id),
    position    INTEGER      NOT NULL,
    asset_id    VARCHAR(255),
    name        TEXT         NOT NULL,
    PRIMARY KEY (incident_id, position)
);

-- The processes an incident disrupts, their RTO/MTPD clocks and, once closed, their restoration.
CREATE TABLE incident_process (
    incident_id   VARCHAR(255) NOT NULL REFERENCES incident (incident_id),
    process_id    VARCHAR(255) NOT NULL,
    name          TEXT         NOT NULL,
    rto_seconds   BIGINT       NOT NULL,
    mtpd_seconds  BIGINT       NOT NULL,
    rto_deadline  TIMESTAMPTZ  NOT NULL,
    mtpd_deadline TIMESTAMPTZ  NOT NULL,
    restored_at   TIMESTAMPTZ,
    PRIMARY KEY (incident_id, process_id)
);
