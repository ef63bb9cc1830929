-- The recovery read model, rebuilt from the event store by the incident-recovery processor:
-- categories, plan activations (and refusals) and recovery tasks.
CREATE TABLE incident_category (
    incident_id VARCHAR(255) PRIMARY KEY,
    category    VARCHAR(40)  NOT NULL,
    reason      TEXT,
    principal   VARCHAR(255),
    at          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE incident_activation (
    incident_id      VARCHAR(255) NOT NULL,
    sequence         BIGINT       NOT NULL,
    plan_id          VARCHAR(255) NOT NULL,
    plan_version     INTEGER      NOT NULL,
    plan_name        TEXT,
    scenario_card_id VARCHAR(300),
    scenario_title   TEXT,
    mandate          VARCHAR(255),
    refused          BOOLEAN      NOT NULL,
    reason           TEXT,
    principal        VARCHAR(255),
    role             VARCHAR(255),
    at               TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

CREATE TABLE recovery_task (
    task_id          VARCHAR(255) PRIMARY KEY,
    incident_id      VARCHAR(255) NOT NULL,
    position         BIGINT       NOT NULL,
    step_no          INTEGER,
    title            TEXT         NOT NULL,
    assignee_role    VARCHAR(255),
    assignee         VARCHAR(255),
    status           VARCHAR(20)  NOT NULL,
    note             TEXT,
    plan_id          VARCHAR(255),
    scenario_card_id VARCHAR(300),
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(255),
    started_at       TIMESTAMPTZ,
    started_by       VARCHAR(255),
    done_at          TIMESTAMPTZ,
    done_by          VARCHAR(255),
    updated_at       TIMESTAMPTZ  NOT NULL,
    updated_by       VARCHAR(255)
);
CREATE INDEX recovery_task_incident ON recovery_task (incident_id, position);
