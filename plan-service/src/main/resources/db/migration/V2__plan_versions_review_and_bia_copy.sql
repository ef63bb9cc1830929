-- Plans become versioned documents with a review cycle. The read model is rebuilt from the event
-- store by a new processor (plans-read-model-v2), so the old rows go.
TRUNCATE plan_covered_process, plan_plan;
ALTER TABLE plan_plan
    ADD COLUMN owner             VARCHAR(200),
    ADD COLUMN published_version INTEGER,
    ADD COLUMN content           TEXT NOT NULL,
    ADD COLUMN review_due        DATE,
    ADD COLUMN review_requests   TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN updated_at        TIMESTAMPTZ NOT NULL;
ALTER TABLE plan_plan ALTER COLUMN published_at DROP NOT NULL;
CREATE INDEX plan_plan_name ON plan_plan (name, plan_id);
CREATE INDEX plan_plan_review_due ON plan_plan (review_due);

-- Every version of every plan: its whole document (content and status) as JSON, so any two can be
-- compared, with who made it, when and why.
CREATE TABLE plan_version (
    plan_id     VARCHAR(64) NOT NULL,
    version     INTEGER     NOT NULL,
    status      VARCHAR(20) NOT NULL,
    document    TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    principal   VARCHAR(200),
    reason      TEXT,
    PRIMARY KEY (plan_id, version)
);

-- What the current content of each plan points at in the BIA, to find the plans a BIA change
-- concerns: processes in scope, threats linked by scenario cards, supplier assets.
CREATE TABLE plan_link (
    plan_id   VARCHAR(64) NOT NULL,
    kind      VARCHAR(10) NOT NULL,
    target_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (plan_id, kind, target_id)
);
CREATE INDEX plan_link_target ON plan_link (kind, target_id);

-- The bundles taken of each plan.
CREATE TABLE plan_bundle (
    bundle_id VARCHAR(64)  PRIMARY KEY,
    plan_id   VARCHAR(64)  NOT NULL,
    version   INTEGER      NOT NULL,
    format    VARCHAR(10)  NOT NULL,
    encrypted BOOLEAN      NOT NULL,
    sha256    VARCHAR(64)  NOT NULL,
    taken_at  TIMESTAMPTZ  NOT NULL,
    taken_by  VARCHAR(200)
);
CREATE INDEX plan_bundle_plan ON plan_bundle (plan_id, taken_at);

-- Network descriptions and diagrams with their verification cycle.
CREATE TABLE plan_network_document (
    document_id           VARCHAR(64)  PRIMARY KEY,
    title                 VARCHAR(200) NOT NULL,
    document_version      VARCHAR(64),
    owner                 VARCHAR(200),
    location              VARCHAR(1000),
    last_verified_at      TIMESTAMPTZ,
    verification_seconds  BIGINT       NOT NULL,
    verify_by             TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_network_document_verify_by ON plan_network_document (verify_by);

-- The BIA as plan-service learns it from herstel.bia.v1, for the system inventory and to know
-- which plans a change concerns. Written by the consumers with their inbox entries.
ALTER TABLE plan_known_process ADD COLUMN retired BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE plan_bia_asset (
    asset_id              VARCHAR(64)  PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    description           TEXT,
    owner                 VARCHAR(200),
    contract_reference    VARCHAR(200),
    sla_reference         VARCHAR(200),
    guarantee_seconds     BIGINT,
    retired               BOOLEAN      NOT NULL DEFAULT false,
    changed_at            TIMESTAMPTZ  NOT NULL
);

CREATE TABLE plan_bia_dependency (
    dependency_id     VARCHAR(64) PRIMARY KEY,
    from_id           VARCHAR(64) NOT NULL,
    from_kind         VARCHAR(10) NOT NULL,
    to_id             VARCHAR(64) NOT NULL,
    to_kind           VARCHAR(10) NOT NULL,
    alternative_group VARCHAR(64)
);
CREATE INDEX plan_bia_dependency_from ON plan_bia_dependency (from_id);
CREATE INDEX plan_bia_dependency_to ON plan_bia_dependency (to_id);

CREATE TABLE plan_bia_threat (
    threat_id  VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    likelihood INTEGER      NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL
);
