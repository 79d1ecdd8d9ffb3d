-- Foundation: tenants, people, catalogue, locations, the append-only stock ledger and its balances.
-- Every business row carries account_id; every query filters on it.

CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'manager', 'staff', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE api_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

CREATE TABLE sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE locations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('warehouse', 'amazon_fba', '3pl')),
  marketplace text,
  capacity_cubic_feet jsonb NOT NULL DEFAULT '{}'::jsonb,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, code),
  UNIQUE (account_id, id)
);

CREATE TABLE products (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  sku text NOT NULL,
  title text NOT NULL,
  barcode text,
  barcode_kind text CHECK (barcode_kind IN ('gtin', 'internal')),
  asin text,
  fnsku text,
  channel_skus jsonb NOT NULL DEFAULT '{}'::jsonb,
  category text,
  brand text,
  length numeric(12, 3),
  width numeric(12, 3),
  height numeric(12, 3),
  dimension_unit text NOT NULL DEFAULT 'in' CHECK (dimension_unit IN ('in', 'cm')),
  weight numeric(12, 3),
  weight_unit text NOT NULL DEFAULT 'lb' CHECK (weight_unit IN ('lb', 'oz', 'kg', 'g')),
  cubic_feet numeric(14, 6),
  size_tier text,
  unit_cost numeric(14, 4),
  price numeric(14, 4),
  currency text NOT NULL DEFAULT 'USD',
  case_pack integer NOT NULL DEFAULT 1 CHECK (case_pack >= 1),
  replenishable boolean NOT NULL DEFAULT true,
  allow_backorder boolean NOT NULL DEFAULT false,
  listing_status text NOT NULL DEFAULT 'active' CHECK (listing_status IN ('active', 'inactive', 'error')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, sku),
  UNIQUE (account_id, id)
);
CREATE UNIQUE INDEX products_barcode ON products (account_id, barcode) WHERE barcode IS NOT NULL;
CREATE INDEX products_category ON products (account_id, category);

-- Balances per SKU × location; every column equals the sum of its movements' deltas.
CREATE TABLE stock_balances (
  account_id bigint NOT NULL,
  product_id bigint NOT NULL,
  location_id bigint NOT NULL,
  on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  inbound integer NOT NULL DEFAULT 0 CHECK (inbound >= 0),
  unfulfillable integer NOT NULL DEFAULT 0 CHECK (unfulfillable >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id, location_id),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id) ON DELETE CASCADE
);
CREATE INDEX stock_balances_account ON stock_balances (account_id, location_id);

-- One write to the ledger (a request, an import row, a transfer): the unit of idempotency and audit.
CREATE TABLE ledger_batches (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  idempotency_key text,
  kind text NOT NULL,
  actor_user_id bigint,
  actor_token_id bigint,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_batches_idempotency ON ledger_batches (account_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Append-only: rows are inserted, never updated or deleted (enforced by trigger below).
CREATE TABLE stock_movements (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  batch_id bigint NOT NULL REFERENCES ledger_batches(id),
  product_id bigint NOT NULL,
  location_id bigint NOT NULL,
  type text NOT NULL,
  reason text,
  on_hand_delta integer NOT NULL DEFAULT 0,
  reserved_delta integer NOT NULL DEFAULT 0,
  inbound_delta integer NOT NULL DEFAULT 0,
  unfulfillable_delta integer NOT NULL DEFAULT 0,
  unit_cost numeric(14, 4),
  -- Sale price and channel of a shipment, for revenue and profit per SKU.
  unit_price numeric(14, 4),
  channel text,
  reference_type text,
  reference_id text,
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id),
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id)
);
CREATE INDEX stock_movements_item ON stock_movements (account_id, product_id, location_id, occurred_at);
CREATE INDEX stock_movements_time ON stock_movements (account_id, occurred_at, id);

CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_movements is append-only';
END $$;
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();

-- FIFO age layers of sellable on-hand stock; a transfer keeps received_at.
CREATE TABLE age_layers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  product_id bigint NOT NULL,
  location_id bigint NOT NULL,
  received_at timestamptz NOT NULL,
  quantity_received integer NOT NULL CHECK (quantity_received > 0),
  quantity_remaining integer NOT NULL CHECK (quantity_remaining >= 0 AND quantity_remaining <= quantity_received),
  unit_cost numeric(14, 4),
  source_movement_id bigint NOT NULL REFERENCES stock_movements(id),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id) ON DELETE CASCADE
);
CREATE INDEX age_layers_open ON age_layers (product_id, location_id, received_at, id) WHERE quantity_remaining > 0;
CREATE INDEX age_layers_account ON age_layers (account_id) WHERE quantity_remaining > 0;

-- HTTP-level idempotency: the stored response of the first request with a key.
CREATE TABLE idempotency_keys (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  actor_user_id bigint,
  actor_token_id bigint,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_account ON audit_log (account_id, at DESC, id DESC);

-- Background jobs: a Postgres queue claimed with FOR UPDATE SKIP LOCKED, so many workers share it.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Scheduled jobs carry a key (e.g. 'forecast.run:2026-11-26') so several schedulers enqueue them once.
  dedupe_key text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress real NOT NULL DEFAULT 0,
  progress_message text,
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_ready ON jobs (run_after, id) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_account ON jobs (account_id, id DESC);
CREATE UNIQUE INDEX jobs_dedupe ON jobs (account_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
