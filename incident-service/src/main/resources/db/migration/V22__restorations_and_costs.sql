-- Restorations during recovery with actual recovery time and data loss against RTO and RPO, and
-- the incident's costs. Rebuilt by the incident-recovery-records processor.
CREATE TABLE incident_restoration (
    incident_id       VARCHAR(255) NOT NULL,
    sequence          BIGINT       NOT NULL,
    process_id        VARCHAR(255) NOT NULL,
    disrupted_at      TIMESTAMPTZ  NOT NULL,
    restored_at       TIMESTAMPTZ  NOT NULL,
    data_restored_to  TIMESTAMPTZ  NOT NULL,
    recovery_seconds  BIGINT       NOT NULL,
    data_loss_seconds BIGINT       NOT NULL,
    rto_seconds       BIGINT,
    rpo_seconds       BIGINT,
    rto_met           BOOLEAN,
    rpo_met           BOOLEAN,
    principal         VARCHAR(255),
    role              VARCHAR(255),
    recorded_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

CREATE TABLE incident_cost (
    incident_id VARCHAR(255)   NOT NULL,
    sequence    BIGINT         NOT NULL,
    cost_id     VARCHAR(255)   NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    amount      NUMERIC(17, 2) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    description TEXT           NOT NULL,
    incurred_at TIMESTAMPTZ    NOT NULL,
    principal   VARCHAR(255),
    role        VARCHAR(255),
    recorded_at TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
