-- The BIA copy learns asset identifiers (host names, FQDNs, addresses, CIDR ranges, cloud resource
-- ids, CMDB ids, aliases) and retirement; the resolution rule looks them up by index, never by scan.
ALTER TABLE bia_copy_asset ADD COLUMN retired BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE bia_copy_identifier (
    asset_id      VARCHAR(255)  NOT NULL,
    identifier_id VARCHAR(255)  NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    value         VARCHAR(1000) NOT NULL,
    host_label    VARCHAR(63),
    network       CIDR,
    PRIMARY KEY (asset_id, identifier_id)
);
CREATE INDEX bia_copy_identifier_value ON bia_copy_identifier (value);
CREATE INDEX bia_copy_identifier_host_label ON bia_copy_identifier (host_label)
    WHERE host_label IS NOT NULL;
CREATE INDEX bia_copy_identifier_network ON bia_copy_identifier USING gist (network inet_ops)
    WHERE network IS NOT NULL;

-- The unresolved queue: every hint no asset matched, with the incidents that named it. Rebuilt
-- from the event store by the unresolved-assets processor.
CREATE TABLE unresolved_hint (
    hint_key   VARCHAR(1000) PRIMARY KEY,
    hint       VARCHAR(1000) NOT NULL,
    first_seen TIMESTAMPTZ   NOT NULL,
    last_seen  TIMESTAMPTZ   NOT NULL,
    alerts     INTEGER       NOT NULL,
    address    INET,
    host_label VARCHAR(1000) NOT NULL,
    name_key   VARCHAR(1000) NOT NULL
);
CREATE INDEX unresolved_hint_newest ON unresolved_hint (last_seen DESC, hint_key DESC);
CREATE INDEX unresolved_hint_address ON unresolved_hint USING gist (address inet_ops)
    WHERE address IS NOT NULL;
CREATE INDEX unresolved_hint_host_label ON unresolved_hint (host_label);
CREATE INDEX unresolved_hint_name_key ON unresolved_hint (name_key);

CREATE TABLE unresolved_hint_incident (
    hint_key    VARCHAR(1000) NOT NULL REFERENCES unresolved_hint (hint_key) ON DELETE CASCADE,
    incident_id VARCHAR(255)  NOT NULL,
    alerts      INTEGER       NOT NULL,
    last_seen   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (hint_key, incident_id)
);
CREATE INDEX unresolved_hint_incident_incident ON unresolved_hint_incident (incident_id);
