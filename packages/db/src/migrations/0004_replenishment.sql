-- Replenishment: suppliers and their terms per SKU, purchase orders with lines and receipts,
-- and per-SKU planning settings. Stock itself still moves only through the ledger (inbound on send,
-- receipts from inbound on receiving); these tables hold the commercial side.

CREATE TABLE suppliers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  contact_name text,
  email text,
  phone text,
  address text,
  currency text NOT NULL DEFAULT 'USD',
  payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0),
  -- Staged lead time (docs/formulas.md): production + transit + ground + check-in.
  production_days integer NOT NULL DEFAULT 0 CHECK (production_days >= 0),
  transit_days integer NOT NULL DEFAULT 0 CHECK (transit_days >= 0),
  ground_days integer NOT NULL DEFAULT 0 CHECK (ground_days >= 0),
  check_in_days integer NOT NULL DEFAULT 0 CHECK (check_in_days >= 0),
  notes text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, code),
  UNIQUE (account_id, id)
);

-- A supplier's terms for one SKU.
CREATE TABLE supplier_products (
  account_id bigint NOT NULL,
  supplier_id bigint NOT NULL,
  product_id bigint NOT NULL,
  supplier_sku text,
  unit_cost numeric(14, 4),
  -- [{ "minQuantity": 500, "unitCost": 3.9 }, ...]
  price_breaks jsonb NOT NULL DEFAULT '[]'::jsonb,
  moq integer NOT NULL DEFAULT 0 CHECK (moq >= 0),
  case_pack integer CHECK (case_pack >= 1),
  preferred boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (supplier_id, product_id),
  FOREIGN KEY (account_id, supplier_id) REFERENCES suppliers (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE
);
CREATE INDEX supplier_products_product ON supplier_products (account_id, product_id);
CREATE UNIQUE INDEX supplier_products_preferred ON supplier_products (product_id) WHERE preferred;

CREATE TABLE purchase_orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  number text NOT NULL,
  supplier_id bigint NOT NULL,
  location_id bigint NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'partially_received', 'received', 'cancelled')),
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'recommendation', 'import')),
  currency text NOT NULL DEFAULT 'USD',
  payment_terms_days integer NOT NULL DEFAULT 30,
  freight_cost numeric(14, 4) NOT NULL DEFAULT 0 CHECK (freight_cost >= 0),
  expected_on date,
  sent_at timestamptz,
  first_received_at timestamptz,
  received_at timestamptz,
  paid_at timestamptz,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, number),
  UNIQUE (account_id, id),
  FOREIGN KEY (account_id, supplier_id) REFERENCES suppliers (account_id, id),
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id)
);
CREATE INDEX purchase_orders_supplier ON purchase_orders (account_id, supplier_id, created_at DESC);
CREATE INDEX purchase_orders_status ON purchase_orders (account_id, status);

CREATE TABLE purchase_order_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  purchase_order_id bigint NOT NULL,
  line_no integer NOT NULL,
  product_id bigint NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_cost numeric(14, 4) NOT NULL CHECK (unit_cost >= 0),
  received_quantity integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0 AND received_quantity <= quantity),
  UNIQUE (purchase_order_id, product_id),
  FOREIGN KEY (account_id, purchase_order_id) REFERENCES purchase_orders (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id)
);
CREATE INDEX purchase_order_lines_po ON purchase_order_lines (purchase_order_id, line_no);

-- One scan or typed line of a receipt. scan_key makes a re-sent scan a no-op.
CREATE TABLE purchase_order_receipts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  purchase_order_id bigint NOT NULL,
  line_id bigint NOT NULL REFERENCES purchase_order_lines(id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity > 0),
  landed_unit_cost numeric(14, 4),
  scan_key text,
  code text,
  ledger_batch_id bigint,
  received_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (account_id, purchase_order_id) REFERENCES purchase_orders (account_id, id) ON DELETE CASCADE
);
CREATE INDEX purchase_order_receipts_po ON purchase_order_receipts (purchase_order_id, id);
CREATE UNIQUE INDEX purchase_order_receipts_scan ON purchase_order_receipts (account_id, scan_key) WHERE scan_key IS NOT NULL;

-- Per-SKU planning settings; absent = defaults (service level from economics, 7-day review).
CREATE TABLE replenishment_settings (
  account_id bigint NOT NULL,
  product_id bigint NOT NULL,
  service_level numeric(6, 4) CHECK (service_level > 0 AND service_level < 1),
  review_days integer CHECK (review_days >= 0),
  min_cover_days integer CHECK (min_cover_days >= 0),
  max_cover_days integer CHECK (max_cover_days >= 1),
  allow_excess boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE
);
