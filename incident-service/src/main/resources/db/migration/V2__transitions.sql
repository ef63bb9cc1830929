-- Every lifecycle transition of an incident: from, to, why, and who under which role.
CREATE TABLE incident_transition (
    incident_id VARCHAR(255) NOT NULL REFERENCES incident (incident_id),
    sequence    BIGINT       NOT NULL,
    from_status VARCHAR(20)  NOT NULL,
    to_status   VARCHAR(20)  NOT NULL,
    reason      TEXT         NOT NULL,
    principal   VARCHAR(255),
    role        VARCHAR(255),
    at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
