-- The change notes (0059) were never removed. A note is needed only by a planning cache whose mark
-- (the last note id it read) is below it; the worker now removes an account's notes older than a day
-- (docs/decisions.md 46). `noted_at` says how old a note is; `changes_pruned_through` is the highest
-- note id removed for the account: a cache whose mark is below it cannot know what changed since and
-- plans everything again, and a new mark never reads below it (an account whose notes are all gone).
-- Removal holds the account's row here, as every statement noting changes does until it commits, so
-- no note of the account is in flight below the removed ids.
ALTER TABLE planning_changes ADD COLUMN noted_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE account_cache_versions ADD COLUMN changes_pruned_through bigint NOT NULL DEFAULT 0;
