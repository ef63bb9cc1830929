-- Bumped in the same transaction as every change of the graph, so in-memory graph snapshots know
-- when to reload.
CREATE TABLE bia_graph_version (version BIGINT NOT NULL);
INSERT INTO bia_graph_version VALUES (0);
