-- Each kind of stored answer (the position, the planned lines, the restock page, the IPI overview…) keeps
-- its own latest rows (docs/decisions.md 52): storing one answer removes the rows of its kind of another
-- version or build, never another kind's. Before, any answer stored under a newer version removed every
-- other row of the account, so a small answer (the IPI overview) removed the planned lines a restart
-- re-plans from (decision 46). `kind` is the cache's name (`persistAs`). The rows present were stored by
-- the code before this migration, a build no later process serves (decision 34): they are removed.
DELETE FROM planning_snapshots;
ALTER TABLE planning_snapshots ADD COLUMN kind text NOT NULL;
