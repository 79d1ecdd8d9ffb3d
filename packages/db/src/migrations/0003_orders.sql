-- Orders and sales channels: orders reserve stock through the ledger, channels feed orders in and
-- learn what is available to sell; imports stage rows before applying them in one transaction.

-- A sales channel of an account: where orders come from and where availability goes.
CREATE TABLE sales_channels (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('amazon', 'shopify', 'manual', 'other')),
  name text NOT NULL,
  -- Shopify: the shop's myshopify domain (finds the account of an incoming webhook).
  shop_domain text,
  -- AES-256-GCM boxes (see server/channels/secret-box.ts); never stored in clear.
  webhook_secret_enc text,
  credentials_enc text,
  -- The location orders of this channel reserve from first.
  location_id bigint,
  -- Units held back from what the channel is told it can sell.
  safety_buffer integer NOT NULL DEFAULT 0 CHECK (safety_buffer >= 0),
  -- Opaque cursor of the last order pull.
  pull_cursor text,
  created_by_user_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, channel),
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id)
);
CREATE UNIQUE INDEX sales_channels_shop ON sales_channels (shop_domain) WHERE shop_domain IS NOT NULL;

CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('amazon', 'shopify', 'manual', 'other')),
  -- The channel's own order id, as text (Shopify ids exceed 2^53).
  external_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'reserved', 'partially_shipped', 'shipped', 'cancelled')),
  backordered boolean NOT NULL DEFAULT false,
  ordered_at timestamptz NOT NULL,
  currency text,
  -- Channel lines that named no known SKU, kept for the seller to map.
  unmapped jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, channel, external_id),
  UNIQUE (account_id, id)
);
CREATE INDEX orders_list ON orders (account_id, id DESC);
CREATE INDEX orders_status ON orders (account_id, status, id DESC);

CREATE TABLE order_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  order_id bigint NOT NULL,
  line_no integer NOT NULL,
  product_id bigint NOT NULL,
  external_line_id text,
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(14, 4),
  quantity_shipped integer NOT NULL DEFAULT 0,
  quantity_cancelled integer NOT NULL DEFAULT 0,
  quantity_returned integer NOT NULL DEFAULT 0,
  CHECK (quantity_shipped >= 0 AND quantity_cancelled >= 0 AND quantity_shipped + quantity_cancelled <= quantity),
  CHECK (quantity_returned >= 0 AND quantity_returned <= quantity_shipped),
  UNIQUE (order_id, line_no),
  FOREIGN KEY (account_id, order_id) REFERENCES orders (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id)
);
CREATE INDEX order_lines_product ON order_lines (account_id, product_id);

-- Where each line's units are reserved and shipped from (a line may be split over locations).
CREATE TABLE order_allocations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  order_line_id bigint NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
  location_id bigint NOT NULL,
  -- Units still reserved here (reservation movements net of ships and cancels).
  reserved integer NOT NULL CHECK (reserved >= 0),
  shipped integer NOT NULL DEFAULT 0 CHECK (shipped >= 0),
  UNIQUE (order_line_id, location_id),
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id)
);

-- One import of one file: re-importing the same file (same hash) changes nothing.
CREATE TABLE imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  file_hash text NOT NULL,
  file_name text,
  skip_invalid boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('staging', 'applied', 'rejected')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  UNIQUE (account_id, kind, file_hash, skip_invalid)
);

-- Validated rows waiting to be applied in one transaction; deleted once applied.
CREATE TABLE import_rows (
  import_id bigint NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  -- Groups rows that apply together (an order's lines) and orders them.
  row_key text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (import_id, line_no)
);
CREATE INDEX import_rows_key ON import_rows (import_id, row_key, line_no);
