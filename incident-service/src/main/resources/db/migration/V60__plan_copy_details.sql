-- Richer plan copies (plan-service's PlanPublished now carries them): what a recovery team needs at
-- hand on the incident (criteria, mandates, teams, the call tree) as JSON in the contract's shape,
-- and each card's steps as objects (title, instructions, role, expected duration, dependencies).
ALTER TABLE plan_copy ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
ALTER TABLE plan_copy_card ADD COLUMN step_details TEXT NOT NULL DEFAULT '[]';
