-- issue 13, the loop back: exercises lessons-service asked for (lessons: ExerciseRequested), kept by
-- the Kafka consumer in the same transaction as its inbox row.
CREATE TABLE plan_exercise_request (
    request_id       VARCHAR(64)  PRIMARY KEY,
    plan_id          VARCHAR(64)  NOT NULL,
    scenario_card_id VARCHAR(64)  NOT NULL,
    incident_id      TEXT         NOT NULL,
    process_ids      TEXT         NOT NULL,
    reason           TEXT         NOT NULL,
    requested_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_exercise_request_plan ON plan_exercise_request (plan_id, requested_at);
