-- The business processes plan-service knows from the BIA's Kafka events (herstel.bia.v1),
-- written by the consumer in the same transaction as the inbox entry of each event.
-- targets_at is when the current targets were set at the BIA, so an older event never
-- overwrites newer targets.
CREATE TABLE plan_known_process (
    process_id    VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    critical      BOOLEAN      NOT NULL,
    crown_jewel   BOOLEAN      NOT NULL,
    owner         VARCHAR(200),
    mtpd_seconds  BIGINT       NOT NULL,
    rto_seconds   BIGINT       NOT NULL,
    rpo_seconds   BIGINT,
    targets_at    TIMESTAMPTZ  NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_known_process_priority ON plan_known_process (crown_jewel DESC, rto_seconds);

-- Recovery plans, rebuilt from the event store by the plans-read-model processor.
CREATE TABLE plan_plan (
    plan_id          VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    version          INTEGER      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    activation_roles TEXT         NOT NULL,
    scenario_cards   TEXT         NOT NULL,
    published_at     TIMESTAMPTZ  NOT NULL
);

-- Which processes a plan covers, in the order the plan names them.
CREATE TABLE plan_covered_process (
    plan_id    VARCHAR(64) NOT NULL REFERENCES plan_plan (plan_id),
    process_id VARCHAR(64) NOT NULL,
    position   INTEGER     NOT NULL,
    PRIMARY KEY (plan_id, process_id)
);
CREATE INDEX plan_covered_process_process ON plan_covered_process (process_id);
