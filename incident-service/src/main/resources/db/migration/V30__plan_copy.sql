-- The plan copy: the latest published version of each recovery plan (herstelplan), upserted from
-- the plans contract event on Kafka in the consumer's transaction. An older version arriving late
-- changes nothing. Ids and names are as wide as the contract allows.
CREATE TABLE plan_copy (
    plan_id          VARCHAR(255) PRIMARY KEY,
    name             TEXT         NOT NULL,
    version          INTEGER      NOT NULL,
    activation_roles TEXT[]       NOT NULL,
    published_at     TIMESTAMPTZ  NOT NULL
);

-- The business processes a plan covers.
CREATE TABLE plan_copy_process (
    plan_id    VARCHAR(255) NOT NULL REFERENCES plan_copy (plan_id),
    process_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (plan_id, process_id)
);
CREATE INDEX plan_copy_process_process ON plan_copy_process (process_id);

-- A plan's scenario cards (scenariokaarten). The contract gives a card no id; card_id is derived
-- from its scenario (ransomware, ransomware-2, ...) and stable within a plan version.
CREATE TABLE plan_copy_card (
    plan_id  VARCHAR(255) NOT NULL REFERENCES plan_copy (plan_id),
    card_id  VARCHAR(300) NOT NULL,
    position INTEGER      NOT NULL,
    scenario TEXT         NOT NULL,
    title    TEXT         NOT NULL,
    steps    TEXT[]       NOT NULL,
    PRIMARY KEY (plan_id, card_id)
);
