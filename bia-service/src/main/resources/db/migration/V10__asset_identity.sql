-- Asset identity: who holds each name and identifier (command side, written with the command's
-- events), and the identifiers in the read model.
CREATE TABLE asset_identity_claim (
    claim_key VARCHAR(1000) PRIMARY KEY,
    asset_id  VARCHAR(64)   NOT NULL
);
CREATE INDEX asset_identity_claim_asset ON asset_identity_claim (asset_id);

-- Names registered before names were unique: the first asset (by registration) keeps its name.
INSERT INTO asset_identity_claim (claim_key, asset_id)
SELECT lower(btrim(name)), asset_id FROM bia_asset WHERE status = 'ACTIVE'
ORDER BY registered_at, asset_id
ON CONFLICT (claim_key) DO NOTHING;

CREATE TABLE bia_asset_identifier (
    asset_id      VARCHAR(64)   NOT NULL,
    identifier_id VARCHAR(64)   NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    value         VARCHAR(1000) NOT NULL,
    added_at      TIMESTAMPTZ   NOT NULL,
    sequence      BIGINT        NOT NULL,
    PRIMARY KEY (asset_id, identifier_id)
);
