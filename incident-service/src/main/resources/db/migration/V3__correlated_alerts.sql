-- Alerts that joined an existing incident instead of opening one (correlation), by their source id.
CREATE TABLE incident_alert (
    source      VARCHAR(100) NOT NULL,
    source_id   VARCHAR(200) NOT NULL,
    incident_id VARCHAR(255) NOT NULL REFERENCES incident (incident_id),
    title       VARCHAR(500) NOT NULL,
    severity    VARCHAR(20)  NOT NULL,
    joined_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX incident_alert_incident ON incident_alert (incident_id);
CREATE INDEX incident_asset_asset ON incident_asset (asset_id);
CREATE INDEX incident_asset_name ON incident_asset (lower(name));
