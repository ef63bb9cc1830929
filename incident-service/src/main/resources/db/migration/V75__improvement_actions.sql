-- Improvement actions lessons-service recorded for an incident (lessons: ImprovementActionRecorded,
-- ImprovementActionChanged), kept by the Kafka consumer with the inbox row; the newest state (by
-- occurred_at) wins.
CREATE TABLE incident_improvement_action (
    action_id      VARCHAR(64)  PRIMARY KEY,
    incident_id    VARCHAR(64)  NOT NULL,
    title          TEXT         NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    reason         TEXT,
    owner          TEXT         NOT NULL,
    due            DATE         NOT NULL,
    priority       VARCHAR(10)  NOT NULL,
    target_kind    VARCHAR(20)  NOT NULL,
    target_id      TEXT         NOT NULL,
    target_plan_id TEXT,
    occurred_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX incident_improvement_action_incident
    ON incident_improvement_action (incident_id, due, action_id);
