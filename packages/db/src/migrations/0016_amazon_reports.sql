-- Amazon Reports API (2021-06-30): reports requested and the documents imported (a document id is
-- imported once), the FBA inventory ledger's events and the reimbursements, for the reconciliation.
CREATE TABLE amazon_report_requests (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  report_id text NOT NULL,
  report_type text NOT NULL,
  status text NOT NULL,
  document_id text,
  requested_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, report_id)
);
CREATE INDEX amazon_report_requests_open ON amazon_report_requests (account_id, report_type, requested_at);

CREATE TABLE amazon_report_documents (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  document_id text NOT NULL,
  report_type text NOT NULL,
  report_id text,
  row_count integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, document_id)
);

-- Rows of GET_LEDGER_DETAIL_VIEW_DATA. A document replaces the events of the days it covers, so
-- overlapping report windows never count an event twice.
CREATE TABLE amazon_ledger_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  document_id text NOT NULL,
  event_date date NOT NULL,
  fnsku text,
  sku text NOT NULL,
  event_type text NOT NULL,
  reference_id text,
  quantity integer NOT NULL,
  fulfillment_center text,
  disposition text,
  reason text,
  country text
);
CREATE INDEX amazon_ledger_events_sku ON amazon_ledger_events (account_id, sku, event_date);

-- Rows of GET_FBA_REIMBURSEMENTS_DATA: one per reimbursement and SKU.
CREATE TABLE amazon_reimbursements (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  reimbursement_id text NOT NULL,
  sku text NOT NULL,
  approval_date date NOT NULL,
  reason text,
  currency text,
  amount_total numeric(14, 4) NOT NULL,
  quantity_cash integer NOT NULL,
  quantity_inventory integer NOT NULL,
  document_id text NOT NULL,
  PRIMARY KEY (account_id, reimbursement_id, sku)
);
