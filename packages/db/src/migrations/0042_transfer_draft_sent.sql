-- Transfer drafts (issue 17): a draft marked sent records when it left and leaves the open list; the two
-- states are domain/replenishment/transfer-draft.ts TRANSFER_DRAFT_STATUSES.
ALTER TABLE transfer_drafts ADD COLUMN sent_at timestamptz;
ALTER TABLE transfer_drafts ADD CONSTRAINT transfer_drafts_status CHECK (status IN ('draft', 'sent'));
ALTER TABLE transfer_drafts ADD CONSTRAINT transfer_drafts_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL));
