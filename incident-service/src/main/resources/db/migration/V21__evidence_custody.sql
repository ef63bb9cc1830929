-- Evidence custody: each item with its SHA-256 as collected, its current custodian, and every
-- transfer and integrity re-verification. Rebuilt by the incident-evidence processor.
CREATE TABLE incident_evidence (
    incident_id      VARCHAR(255) NOT NULL,
    item_id          VARCHAR(255) NOT NULL,
    sequence         BIGINT       NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    description      TEXT         NOT NULL,
    collected_by     VARCHAR(255) NOT NULL,
    collected_at     TIMESTAMPTZ  NOT NULL,
    storage_location TEXT         NOT NULL,
    custodian        VARCHAR(255) NOT NULL,
    integrity        VARCHAR(20)  NOT NULL,
    principal        VARCHAR(255),
    role             VARCHAR(255),
    registered_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, item_id)
);

CREATE TABLE incident_evidence_transfer (
    incident_id VARCHAR(255) NOT NULL,
    sequence    BIGINT       NOT NULL,
    item_id     VARCHAR(255) NOT NULL,
    from_party  VARCHAR(255) NOT NULL,
    to_party    VARCHAR(255) NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    reason      TEXT         NOT NULL,
    principal   VARCHAR(255),
    role        VARCHAR(255),
    PRIMARY KEY (incident_id, sequence)
);

CREATE TABLE incident_evidence_verification (
    incident_id     VARCHAR(255) NOT NULL,
    sequence        BIGINT       NOT NULL,
    item_id         VARCHAR(255) NOT NULL,
    expected_sha256 CHAR(64)     NOT NULL,
    observed_sha256 CHAR(64)     NOT NULL,
    matches         BOOLEAN      NOT NULL,
    verified_at     TIMESTAMPTZ  NOT NULL,
    principal       VARCHAR(255),
    role            VARCHAR(255),
    PRIMARY KEY (incident_id, sequence)
);
