-- The communications log: who told which audience what, through which channel (out-of-band or
-- not), and when. Rebuilt from the event store by the incident-communications processor; no
-- foreign key to incident: another processor fills that table, in its own time.
CREATE TABLE incident_communication (
    incident_id      VARCHAR(255) NOT NULL,
    sequence         BIGINT       NOT NULL,
    communication_id VARCHAR(255) NOT NULL,
    audience         VARCHAR(40)  NOT NULL,
    channel          VARCHAR(40)  NOT NULL,
    out_of_band      BOOLEAN      NOT NULL,
    message          TEXT         NOT NULL,
    sent_at          TIMESTAMPTZ  NOT NULL,
    principal        VARCHAR(255),
    role             VARCHAR(255),
    logged_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
