-- Per-source API keys for the SOC intake. Only a SHA-256 hash of each key is stored; the key itself
-- is shown once, when it is issued.
CREATE TABLE intake_key (
    key_id       VARCHAR(64)  PRIMARY KEY,
    source       VARCHAR(100) NOT NULL,
    description  VARCHAR(500),
    key_hash     CHAR(64)     NOT NULL UNIQUE,
    key_prefix   VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    revoked_at   TIMESTAMPTZ,
    revoked_by   VARCHAR(200),
    last_used_at TIMESTAMPTZ
);
