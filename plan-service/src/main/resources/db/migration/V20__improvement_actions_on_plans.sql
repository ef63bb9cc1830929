-- Improvement actions from lessons-service that target a plan or one of its scenario cards
-- (lessons: ImprovementActionRecorded, ImprovementActionChanged), kept by the Kafka consumer with
-- the inbox row; the newest state (by occurred_at) wins.
CREATE TABLE plan_improvement_action (
    action_id   VARCHAR(64)  PRIMARY KEY,
    plan_id     TEXT         NOT NULL,
    card_id     TEXT,
    title       TEXT         NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    reason      TEXT,
    owner       TEXT         NOT NULL,
    due         DATE         NOT NULL,
    priority    VARCHAR(10)  NOT NULL,
    incident_id VARCHAR(255),
    occurred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_improvement_action_plan ON plan_improvement_action (plan_id, due, action_id);
