-- The BOB decision log: picture (known, unknown), judgement (options, risks), decision (what,
-- rationale, mandate), with who decided under which role and when.
CREATE TABLE incident_decision (
    incident_id VARCHAR(255) NOT NULL REFERENCES incident (incident_id),
    sequence    BIGINT       NOT NULL,
    decision_id VARCHAR(255) NOT NULL,
    known       TEXT[]       NOT NULL,
    unknown     TEXT[]       NOT NULL,
    options     TEXT[]       NOT NULL,
    risks       TEXT[]       NOT NULL,
    what        TEXT         NOT NULL,
    rationale   TEXT         NOT NULL,
    mandate     TEXT         NOT NULL,
    principal   VARCHAR(255),
    role        VARCHAR(255),
    at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
