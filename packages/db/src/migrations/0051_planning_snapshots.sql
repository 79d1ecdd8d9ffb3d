-- Answers kept per planning version (the planning position, the clearance advice, the versioned report
-- pages; docs/decisions.md 26, 30, 34) also survive a restart: the first request after it reads the row
-- instead of computing the answer again. A row is served only under the version and the build it was
-- computed by (`build` names the code that computed it, so an upgrade never serves old formulas); rows of
-- another version or build are removed when the account's next answer is stored.
CREATE TABLE planning_snapshots (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key text NOT NULL,
  version text NOT NULL,
  build text NOT NULL,
  body text NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);
