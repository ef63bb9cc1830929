-- Evaluations of incidents, the evaluation policy and improvement actions: read models rebuilt
-- from the event store by the lessons-evaluations processor.

CREATE TABLE lessons_evaluation (
    evaluation_id VARCHAR(64)  PRIMARY KEY,
    incident_id   VARCHAR(255) NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    content       JSONB        NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    TEXT,
    updated_at    TIMESTAMPTZ  NOT NULL,
    finalised_at  TIMESTAMPTZ,
    finalised_by  TEXT
);
CREATE INDEX lessons_evaluation_incident ON lessons_evaluation (incident_id, status);
CREATE INDEX lessons_evaluation_created ON lessons_evaluation (created_at DESC, evaluation_id DESC);

CREATE TABLE lessons_evaluation_policy (
    policy_id VARCHAR(64) PRIMARY KEY,
    rules     JSONB       NOT NULL,
    version   BIGINT      NOT NULL,
    set_at    TIMESTAMPTZ NOT NULL,
    set_by    TEXT
);

CREATE TABLE lessons_improvement_action (
    action_id      VARCHAR(64) PRIMARY KEY,
    title          TEXT        NOT NULL,
    description    TEXT,
    owner          TEXT        NOT NULL,
    due            DATE        NOT NULL,
    priority       VARCHAR(10) NOT NULL,
    target_kind    VARCHAR(20) NOT NULL,
    target_id      TEXT        NOT NULL,
    target_plan_id TEXT,
    status         VARCHAR(20) NOT NULL,
    status_reason  TEXT,
    incident_id    VARCHAR(255),
    evaluation_id  VARCHAR(64),
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX lessons_improvement_action_due ON lessons_improvement_action (due, action_id);
CREATE INDEX lessons_improvement_action_incident ON lessons_improvement_action (incident_id);
CREATE INDEX lessons_improvement_action_target ON lessons_improvement_action (target_kind, target_id);

CREATE TABLE lessons_improvement_note (
    action_id VARCHAR(64) NOT NULL REFERENCES lessons_improvement_action (action_id),
    seq       BIGINT      NOT NULL,
    text      TEXT        NOT NULL,
    noted_by  TEXT,
    noted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (action_id, seq)
);

-- What an improvement action may target, as the owning services published it (bia: assets,
-- threats; plans: plans and their scenario cards, backup policies, training records). Processes
-- are in lessons_process_target. Kept by the Kafka consumers with the inbox row; plan_id is ''
-- except for scenario cards.
CREATE TABLE lessons_known_target (
    kind       VARCHAR(20) NOT NULL,
    target_id  TEXT        NOT NULL,
    plan_id    TEXT        NOT NULL DEFAULT '',
    name       TEXT,
    retired    BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, target_id, plan_id)
);
