-- The review cycle: when each process's BIA was last reviewed and when the next review is due.
ALTER TABLE bia_process ADD COLUMN last_reviewed_on DATE;
ALTER TABLE bia_process ADD COLUMN review_due DATE;
ALTER TABLE bia_process ADD COLUMN reviewed_by VARCHAR(200);
CREATE INDEX bia_process_review_due ON bia_process (review_due);
