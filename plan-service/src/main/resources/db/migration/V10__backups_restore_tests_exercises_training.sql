-- Part 2 of the plan: the backup strategy, restore tests, exercises and training records that
-- readiness per process is computed from. Rebuilt from the event store by the "preparedness"
-- processor, in the same transaction as its token.

-- Backup policies per BIA asset. covers is a comma-separated set of DATA, SYSTEM_CONFIGURATION,
-- NETWORK_CONFIGURATION.
CREATE TABLE plan_backup_policy (
    policy_id                     VARCHAR(64)  PRIMARY KEY,
    asset_id                      VARCHAR(64)  NOT NULL,
    name                          VARCHAR(200) NOT NULL,
    media                         VARCHAR(20)  NOT NULL,
    location                      VARCHAR(20)  NOT NULL,
    backup_type                   VARCHAR(20)  NOT NULL,
    frequency_seconds             BIGINT       NOT NULL,
    retention_seconds             BIGINT       NOT NULL,
    immutable                     BOOLEAN      NOT NULL,
    offline_copy                  BOOLEAN      NOT NULL,
    covers_data                   BOOLEAN      NOT NULL,
    covers                        VARCHAR(200) NOT NULL,
    restore_test_interval_seconds BIGINT       NOT NULL,
    updated_at                    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_backup_policy_asset ON plan_backup_policy (asset_id, name, policy_id);

-- Restore tests: how far back the data came (restore point), how long it took, whether it came
-- back intact.
CREATE TABLE plan_restore_test (
    test_id          VARCHAR(64)  PRIMARY KEY,
    asset_id         VARCHAR(64)  NOT NULL,
    policy_id        VARCHAR(64)  NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    restore_point    TIMESTAMPTZ  NOT NULL,
    duration_seconds BIGINT       NOT NULL,
    hash_before      VARCHAR(200),
    hash_after       VARCHAR(200),
    result           VARCHAR(20)  NOT NULL,
    notes            TEXT,
    recorded_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_restore_test_asset ON plan_restore_test (asset_id, started_at DESC);
CREATE INDEX plan_restore_test_list ON plan_restore_test (started_at DESC, test_id);

-- Training records: a person (a contact id of the plan) trained for a role of a plan.
CREATE TABLE plan_training_record (
    record_id   VARCHAR(64)  PRIMARY KEY,
    person      VARCHAR(64)  NOT NULL,
    role        VARCHAR(64)  NOT NULL,
    plan_id     VARCHAR(64),
    topic       VARCHAR(200) NOT NULL,
    trained_on  DATE         NOT NULL,
    valid_until DATE         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_training_record_role ON plan_training_record (plan_id, role, person, valid_until);
CREATE INDEX plan_training_record_list ON plan_training_record (trained_on DESC, record_id);

-- Exercises of a plan, their timed steps and their result per process.
CREATE TABLE plan_exercise (
    exercise_id      VARCHAR(64)  PRIMARY KEY,
    plan_id          VARCHAR(64)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    scenario_card_id VARCHAR(64),
    process_ids      TEXT         NOT NULL,
    participants     TEXT         NOT NULL,
    planned_for      TIMESTAMPTZ,
    status           VARCHAR(20)  NOT NULL,
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    steps            TEXT         NOT NULL DEFAULT '[]',
    seed_incident_id VARCHAR(64),
    script           TEXT         NOT NULL DEFAULT '[]',
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_exercise_list ON plan_exercise (updated_at DESC, exercise_id);

CREATE TABLE plan_exercise_result (
    exercise_id            VARCHAR(64) NOT NULL,
    process_id             VARCHAR(64) NOT NULL,
    achieved_seconds       BIGINT      NOT NULL,
    findings               TEXT        NOT NULL DEFAULT '[]',
    recorded_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (exercise_id, process_id)
);
CREATE INDEX plan_exercise_result_process ON plan_exercise_result (process_id);

-- The BIA's threat impact ratings: which threats hit which processes (from herstel.bia.v1).
CREATE TABLE plan_bia_threat_impact (
    threat_id  VARCHAR(64) NOT NULL,
    process_id VARCHAR(64) NOT NULL,
    impact     INTEGER     NOT NULL,
    PRIMARY KEY (threat_id, process_id)
);
CREATE INDEX plan_bia_threat_impact_process ON plan_bia_threat_impact (process_id);

-- Real recoveries: when a closed incident restored a process (from herstel.incidents.v1). A real
-- use of the plan counts like an exercise result in readiness.
CREATE TABLE plan_real_recovery (
    incident_id      VARCHAR(64) NOT NULL,
    process_id       VARCHAR(64) NOT NULL,
    achieved_seconds BIGINT      NOT NULL,
    restored_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, process_id)
);
CREATE INDEX plan_real_recovery_process ON plan_real_recovery (process_id, restored_at DESC);

-- The last readiness published per process, to publish ReadinessChanged only on a change.
CREATE TABLE plan_readiness_state (
    process_id VARCHAR(64)  PRIMARY KEY,
    status     VARCHAR(10)  NOT NULL,
    failing    TEXT         NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL
);
