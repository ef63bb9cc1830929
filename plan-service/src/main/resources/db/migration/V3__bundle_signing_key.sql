-- The key that signs plan bundles when none is configured: generated once, at the first bundle, by
-- whichever replica gets there first (the others read it). Never in the repository, an event or a
-- log. id is always 1: there is one key.
CREATE TABLE plan_signing_key (
    id          INTEGER     PRIMARY KEY CHECK (id = 1),
    secret_key  TEXT        NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
