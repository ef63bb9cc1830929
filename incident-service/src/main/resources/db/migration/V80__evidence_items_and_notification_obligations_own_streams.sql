-- Evidence items and notification obligations are aggregates of their own (they live on after
-- their incident closes). Command side: which incident each such stream belongs to, written in the
-- transaction that opens the stream; the routing of later commands and the incident's history read
-- it. claim_key (an obligation's incident and authority) makes "one obligation per authority and
-- incident" hold across aggregates. Items and obligations registered before this migration live in
-- their incident's stream and have no row.
CREATE TABLE incident_record_stream (
    stream_id   VARCHAR(255) PRIMARY KEY,
    incident_id VARCHAR(255) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    claim_key   VARCHAR(300) UNIQUE
);
CREATE INDEX incident_record_stream_incident ON incident_record_stream (incident_id);

-- An item's transfers and verifications are numbered in its own stream now: the sequence is unique
-- per item, no longer per incident.
ALTER TABLE incident_evidence_transfer DROP CONSTRAINT incident_evidence_transfer_pkey;
ALTER TABLE incident_evidence_transfer ADD PRIMARY KEY (incident_id, item_id, sequence);
ALTER TABLE incident_evidence_verification DROP CONSTRAINT incident_evidence_verification_pkey;
ALTER TABLE incident_evidence_verification ADD PRIMARY KEY (incident_id, item_id, sequence);
