-- issue 13: the story of each incident as incident-service publishes it (herstel.incidents.v1),
-- kept by lessons-service's Kafka consumers in the same transaction as the inbox row of the
-- event that changed it. lessons_incident and lessons_incident_process are the one home of
-- "an incident as lessons knows it": opened, classified, plan activated, recovered, closed,
-- dismissed, merged into or split off another.

-- A row may be made by a merge seen from the absorbing incident before the merged incident's own
-- events arrive (they travel on another partition): what IncidentOpened brings may be missing.
ALTER TABLE lessons_incident
    ALTER COLUMN title DROP NOT NULL,
    ALTER COLUMN severity DROP NOT NULL,
    ALTER COLUMN disrupted_at DROP NOT NULL,
    ALTER COLUMN opened_at DROP NOT NULL,
    ADD COLUMN category           VARCHAR(40),
    ADD COLUMN status             VARCHAR(20),
    ADD COLUMN dismissed          BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN split_from         TEXT,
    ADD COLUMN merged_into        TEXT,
    ADD COLUMN merged_at          TIMESTAMPTZ,
    ADD COLUMN plan_activated_at  TIMESTAMPTZ,
    ADD COLUMN plan_id            TEXT,
    ADD COLUMN plan_version       INTEGER,
    ADD COLUMN plan_name          TEXT,
    ADD COLUMN scenario_card_id   TEXT,
    ADD COLUMN scenario_title     TEXT,
    ADD COLUMN mandate            TEXT,
    ADD COLUMN activated_by       TEXT,
    ADD COLUMN recovered_at       TIMESTAMPTZ,
    ADD COLUMN closed_at          TIMESTAMPTZ,
    ADD COLUMN summary            TEXT;

-- The aggregation reads incidents by when they were disrupted (the period), leaving merged ones
-- out; category and process filters narrow it.
CREATE INDEX lessons_incident_disrupted ON lessons_incident (disrupted_at)
    INCLUDE (category, merged_into, dismissed, opened_at, plan_activated_at, recovered_at);
CREATE INDEX lessons_incident_category ON lessons_incident (category, disrupted_at);
-- Costs and notifications of an incident merged into another count with that other one.
CREATE INDEX lessons_incident_merged ON lessons_incident (merged_into) WHERE merged_into IS NOT NULL;

-- Each disrupted process: its targets as the incident knew them, its latest restoration and the
-- deadlines it breached. A restoration may arrive for a process lessons did not see disrupted.
ALTER TABLE lessons_incident_process
    ALTER COLUMN name DROP NOT NULL,
    ADD COLUMN rto_seconds        BIGINT,
    ADD COLUMN mtpd_seconds       BIGINT,
    ADD COLUMN rpo_seconds        BIGINT,
    ADD COLUMN rto_deadline       TIMESTAMPTZ,
    ADD COLUMN mtpd_deadline      TIMESTAMPTZ,
    ADD COLUMN restored_at        TIMESTAMPTZ,
    ADD COLUMN data_restored_to   TIMESTAMPTZ,
    ADD COLUMN recovery_seconds   BIGINT,
    ADD COLUMN data_loss_seconds  BIGINT,
    ADD COLUMN rto_met            BOOLEAN,
    ADD COLUMN mtpd_met           BOOLEAN,
    ADD COLUMN rpo_met            BOOLEAN,
    ADD COLUMN rto_breached_at    TIMESTAMPTZ,
    ADD COLUMN mtpd_breached_at   TIMESTAMPTZ;
CREATE INDEX lessons_incident_process_process ON lessons_incident_process (process_id, incident_id);

CREATE TABLE lessons_incident_asset (
    incident_id TEXT NOT NULL REFERENCES lessons_incident (incident_id),
    asset_id    TEXT NOT NULL,
    PRIMARY KEY (incident_id, asset_id)
);
CREATE INDEX lessons_incident_asset_asset ON lessons_incident_asset (asset_id, incident_id);

CREATE TABLE lessons_incident_cost (
    cost_id     TEXT           PRIMARY KEY,
    incident_id TEXT           NOT NULL REFERENCES lessons_incident (incident_id),
    kind        VARCHAR(20)    NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    description TEXT           NOT NULL,
    incurred_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX lessons_incident_cost_incident ON lessons_incident_cost (incident_id);

CREATE TABLE lessons_incident_notification (
    incident_id   TEXT        NOT NULL REFERENCES lessons_incident (incident_id),
    obligation_id TEXT        NOT NULL,
    authority     VARCHAR(40) NOT NULL,
    legal_basis   TEXT,
    discovered_at TIMESTAMPTZ,
    due_at        TIMESTAMPTZ,
    submitted_at  TIMESTAMPTZ,
    late          BOOLEAN,
    overdue_at    TIMESTAMPTZ,
    PRIMARY KEY (incident_id, obligation_id)
);

CREATE TABLE lessons_incident_task (
    incident_id      TEXT        NOT NULL REFERENCES lessons_incident (incident_id),
    task_id          TEXT        NOT NULL,
    title            TEXT,
    step_no          INTEGER,
    plan_id          TEXT,
    scenario_card_id TEXT,
    status           VARCHAR(20) NOT NULL,
    created_at       TIMESTAMPTZ,
    started_at       TIMESTAMPTZ,
    done_at          TIMESTAMPTZ,
    PRIMARY KEY (incident_id, task_id)
);

CREATE TABLE lessons_incident_decision (
    incident_id TEXT        NOT NULL REFERENCES lessons_incident (incident_id),
    decision_id TEXT        NOT NULL,
    known       JSONB       NOT NULL,
    unknown     JSONB       NOT NULL,
    options     JSONB       NOT NULL,
    risks       JSONB       NOT NULL,
    what        TEXT        NOT NULL,
    rationale   TEXT,
    mandate     TEXT,
    decided_by  TEXT        NOT NULL,
    decided_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, decision_id)
);

-- Every move of the incident, keyed by the CloudEvent id that brought it.
CREATE TABLE lessons_incident_transition (
    event_id        TEXT        PRIMARY KEY,
    incident_id     TEXT        NOT NULL REFERENCES lessons_incident (incident_id),
    from_status     VARCHAR(20) NOT NULL,
    to_status       VARCHAR(20) NOT NULL,
    reason          TEXT,
    transitioned_by TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX lessons_incident_transition_incident ON lessons_incident_transition (incident_id, at);
