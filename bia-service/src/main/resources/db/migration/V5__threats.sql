-- The threat catalogue and per-process impact ratings (risk = likelihood x impact).
CREATE TABLE bia_threat (
    threat_id     VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    description   TEXT,
    likelihood    INT          NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE bia_threat_impact (
    threat_id  VARCHAR(64) NOT NULL,
    process_id VARCHAR(64) NOT NULL,
    impact     INT         NOT NULL,
    PRIMARY KEY (threat_id, process_id)
);
