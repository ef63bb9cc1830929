-- Every clock of an incident: the RTO and MTPD deadline of each disrupted process (subject = the
-- process id) and the due time of each notification obligation (subject = the obligation id).
-- Built by the incident-deadlines processor from the event store; the deadline clock polls the
-- PENDING rows that are due (FOR UPDATE SKIP LOCKED, so replicas never fire one twice) and asks the
-- incident to record the breach. BREACHED: the breach or overdue event is stored; SETTLED: the
-- deadline no longer matters (incident closed, notification submitted). suspended: the incident is
-- dismissed for now. attempts/retry_at hold the clock off a row whose command failed.
CREATE TABLE incident_deadline (
    incident_id VARCHAR(255) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    name        TEXT         NOT NULL,
    due_at      TIMESTAMPTZ  NOT NULL,
    state       VARCHAR(20)  NOT NULL DEFAULT 'PENDING',
    suspended   BOOLEAN      NOT NULL DEFAULT FALSE,
    breached_at TIMESTAMPTZ,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    retry_at    TIMESTAMPTZ,
    PRIMARY KEY (incident_id, subject, kind)
);
CREATE INDEX incident_deadline_due ON incident_deadline (due_at) WHERE state = 'PENDING';

-- The duties to notify an authority, with who registered and who submitted them.
CREATE TABLE notification_obligation (
    incident_id   VARCHAR(255) NOT NULL,
    obligation_id VARCHAR(255) NOT NULL,
    position      BIGINT       NOT NULL,
    authority     VARCHAR(40)  NOT NULL,
    legal_basis   TEXT         NOT NULL,
    discovered_at TIMESTAMPTZ  NOT NULL,
    due_at        TIMESTAMPTZ,
    registered_by VARCHAR(255),
    registered_at TIMESTAMPTZ  NOT NULL,
    submitted_at  TIMESTAMPTZ,
    reference     TEXT,
    submitted_by  VARCHAR(255),
    overdue_at    TIMESTAMPTZ,
    PRIMARY KEY (incident_id, obligation_id)
);
