-- Failed sign-ins per key ('account:<email>' or 'address:<ip>'), and until when that key is locked
-- (docs/formulas.md, "Login throttling"; the back-off itself is computed in the domain).
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- API tokens may expire; sessions past their expiry are purged by a job (credentials.repository).
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
CREATE INDEX sessions_expires ON sessions (expires_at);
-- The account a user last worked in: the next sign-in lands there (not the first membership by id).
ALTER TABLE users ADD COLUMN last_account_id bigint REFERENCES accounts(id) ON DELETE SET NULL;
