-- Membership by invitation: an owner adding an e-mail records an invitation; the user joins when they
-- accept it (a user the owner created with that invitation joins at their first sign-in).
CREATE TABLE invitations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL,
  -- The user was created by this invitation (no other account of theirs could be joined unasked).
  auto_accept boolean NOT NULL DEFAULT false,
  invited_by_user_id bigint REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, user_id)
);
CREATE INDEX invitations_user ON invitations (user_id);
