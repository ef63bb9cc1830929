-- The correlation keys (a SOC tool's case or group id) of each incident's alerts, per source: an
-- alert with the key of an open incident's alert from the same source joins that incident.
CREATE TABLE incident_correlation_key (
    incident_id     VARCHAR(255) NOT NULL,
    source          VARCHAR(100) NOT NULL,
    correlation_key VARCHAR(200) NOT NULL,
    PRIMARY KEY (source, correlation_key, incident_id)
);
