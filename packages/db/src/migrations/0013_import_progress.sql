-- Imports applied in chunks (a sales history): the staged lines below applied_through are applied and
-- committed. A crashed apply resumes from there, so the file is applied exactly once.
ALTER TABLE imports ADD COLUMN applied_through integer NOT NULL DEFAULT 0;
