-- Transfer drafts (issue 17): a send-to-Amazon shipment in the making, saved from the restock planner's
-- transfer lines. It moves no stock (the transfer movement does, when the shipment leaves), so planning
-- does not read it and it needs no cache_versions trigger.
CREATE TABLE transfer_drafts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  from_location_id bigint NOT NULL REFERENCES locations(id),
  to_location_id bigint NOT NULL REFERENCES locations(id),
  status text NOT NULL DEFAULT 'draft',
  created_by_user_id bigint REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transfer_drafts_account ON transfer_drafts (account_id, id DESC);

CREATE TABLE transfer_draft_lines (
  draft_id bigint NOT NULL REFERENCES transfer_drafts(id) ON DELETE CASCADE,
  line_no int NOT NULL,
  product_id bigint NOT NULL REFERENCES products(id),
  quantity int NOT NULL,
  PRIMARY KEY (draft_id, line_no)
);
