-- Kafka records this service could not apply after several attempts: kept with their error so the
-- partition moves on, an operator sees them and can replay or discard each. One row per record.
CREATE TABLE dead_letter (
    id            UUID         PRIMARY KEY,
    topic         VARCHAR(255) NOT NULL,
    partition_no  INTEGER      NOT NULL,
    record_offset BIGINT       NOT NULL,
    record_key    TEXT,
    message_id    VARCHAR(255),
    type          VARCHAR(255),
    headers       JSONB        NOT NULL,
    payload       BYTEA,
    error         TEXT         NOT NULL,
    attempts      INTEGER      NOT NULL,
    failed_at     TIMESTAMPTZ  NOT NULL,
    status        VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    settled_at    TIMESTAMPTZ,
    settled_by    VARCHAR(255),
    note          TEXT,
    UNIQUE (topic, partition_no, record_offset)
);
CREATE INDEX dead_letter_by_status ON dead_letter (status, failed_at, id);
