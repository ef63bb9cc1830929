-- Asset owner and supplier terms, asset versions for If-Match, dependency alternative groups.
ALTER TABLE bia_asset ADD COLUMN owner VARCHAR(200);
ALTER TABLE bia_asset ADD COLUMN contract_reference VARCHAR(200);
ALTER TABLE bia_asset ADD COLUMN sla_reference VARCHAR(200);
ALTER TABLE bia_asset ADD COLUMN guaranteed_recovery_seconds BIGINT;
ALTER TABLE bia_asset ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bia_dependency ADD COLUMN alternative_group VARCHAR(100);
