-- Issue 11, part 2 remainders.
--
-- Each incident's story as plan-service heard it on herstel.incidents.v1 (IncidentOpened …
-- IncidentClosed), so an exercise can replay the whole timeline. One row per incident with its
-- start (the disruption) and whether it is closed; one row per fact, keyed by the CloudEvent id
-- that carried it (a fact derived from an event's part, e.g. a restoration of IncidentClosed,
-- appends ':' and the part's key). Written by the Kafka consumer with its inbox row.
CREATE TABLE plan_incident (
    incident_id   VARCHAR(64)  PRIMARY KEY,
    title         TEXT,
    disrupted_at  TIMESTAMPTZ  NOT NULL,
    closed_at     TIMESTAMPTZ
);

CREATE TABLE plan_incident_fact (
    fact_id            VARCHAR(200) PRIMARY KEY,
    incident_id        VARCHAR(64)  NOT NULL,
    seq                BIGINT       GENERATED ALWAYS AS IDENTITY,
    happened_at        TIMESTAMPTZ  NOT NULL,
    kind               VARCHAR(40)  NOT NULL,
    process_id         VARCHAR(64),
    actor              TEXT,
    ref                TEXT,
    description        TEXT         NOT NULL,
    recovery_seconds   BIGINT
);
CREATE INDEX plan_incident_fact_incident ON plan_incident_fact (incident_id, happened_at, seq);

-- The incidents closed before plan-service kept timelines: their restorations are their story.
INSERT INTO plan_incident (incident_id, disrupted_at, closed_at)
SELECT incident_id, min(restored_at - make_interval(secs => achieved_seconds)), max(restored_at)
FROM plan_real_recovery GROUP BY incident_id;
INSERT INTO plan_incident_fact (fact_id, incident_id, happened_at, kind, process_id, description,
                                recovery_seconds)
SELECT 'migrated:' || incident_id || ':' || process_id, incident_id, restored_at,
       'PROCESS_RESTORED', process_id,
       'Process ' || process_id || ' was restored after PT' || achieved_seconds || 'S',
       achieved_seconds
FROM plan_real_recovery;

-- Real plan activations (incidents: PlanActivated, and IncidentClosed's activatedPlans): a real use
-- of a plan, which with the recovery times of its processes counts as an exercise result.
CREATE TABLE plan_activation (
    incident_id      VARCHAR(64)  NOT NULL,
    plan_id          VARCHAR(64)  NOT NULL,
    plan_version     INTEGER,
    scenario_card_id VARCHAR(64),
    activated_at     TIMESTAMPTZ  NOT NULL,
    activated_by     TEXT,
    PRIMARY KEY (incident_id, plan_id)
);
CREATE INDEX plan_activation_plan ON plan_activation (plan_id);

-- Improvement actions may target a backup policy or a training record too; they show on the plans
-- whose assets the policy backs up, or on the plan the training was for. The plan of such an
-- action is resolved when asked, so plan_id is null for them.
ALTER TABLE plan_improvement_action ADD COLUMN target_kind VARCHAR(20);
ALTER TABLE plan_improvement_action ADD COLUMN target_id   TEXT;
UPDATE plan_improvement_action
   SET target_kind = CASE WHEN card_id IS NULL THEN 'PLAN' ELSE 'SCENARIO_CARD' END,
       target_id   = COALESCE(card_id, plan_id);
ALTER TABLE plan_improvement_action ALTER COLUMN target_kind SET NOT NULL;
ALTER TABLE plan_improvement_action ALTER COLUMN target_id SET NOT NULL;
ALTER TABLE plan_improvement_action ALTER COLUMN plan_id DROP NOT NULL;
CREATE INDEX plan_improvement_action_target ON plan_improvement_action (target_kind, target_id);
