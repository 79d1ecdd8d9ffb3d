-- Inventory health: dated fee schedules per marketplace, IPI history and the seller's real scores,
-- alerts with their delivery settings, and scheduled report e-mails.

-- Fees change; they live here, never as constants in code. account_id NULL = the shipped defaults
-- (seeded below); a seller's own row for the same marketplace and date wins over them.
CREATE TABLE fee_schedules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint REFERENCES accounts(id) ON DELETE CASCADE,
  marketplace text NOT NULL,
  effective_from date NOT NULL,
  schedule jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fee_schedules_account ON fee_schedules (account_id, marketplace, effective_from) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX fee_schedules_default ON fee_schedules (marketplace, effective_from) WHERE account_id IS NULL;

-- docs/formulas.md, US, standard/oversize from 2024; fulfilment by size tier is a documented default table.
INSERT INTO fee_schedules (account_id, marketplace, effective_from, schedule) VALUES (NULL, 'US', '2024-01-01', '{
  "marketplace": "US", "effectiveFrom": "2024-01-01", "currency": "USD",
  "storage": { "standard": { "offPeak": 0.78, "peak": 2.4 }, "oversize": { "offPeak": 0.56, "peak": 1.4 } },
  "peakMonths": [10, 11, 12],
  "agedSurchargeDay": 15,
  "agedSurcharge": [
    { "minDays": 181, "maxDays": 210, "perCubicFoot": 0.5, "perUnit": 0 },
    { "minDays": 211, "maxDays": 240, "perCubicFoot": 1.0, "perUnit": 0 },
    { "minDays": 241, "maxDays": 270, "perCubicFoot": 1.5, "perUnit": 0 },
    { "minDays": 271, "maxDays": 300, "perCubicFoot": 3.8, "perUnit": 0 },
    { "minDays": 301, "maxDays": 330, "perCubicFoot": 4.0, "perUnit": 0 },
    { "minDays": 331, "maxDays": 365, "perCubicFoot": 4.2, "perUnit": 0 },
    { "minDays": 366, "maxDays": null, "perCubicFoot": 6.9, "perUnit": 0.15 }
  ],
  "utilizationSurcharge": [
    { "minWeeks": 22, "perCubicFoot": 0.44 }, { "minWeeks": 28, "perCubicFoot": 0.76 }, { "minWeeks": 36, "perCubicFoot": 1.16 },
    { "minWeeks": 44, "perCubicFoot": 1.58 }, { "minWeeks": 52, "perCubicFoot": 1.88 }
  ],
  "capacityOveragePerCubicFoot": 10,
  "referralRate": 0.15,
  "fulfilment": [
    { "sizeTier": "small_standard", "maxWeightLb": 0.25, "fee": 3.06, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "small_standard", "maxWeightLb": 0.5, "fee": 3.15, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "small_standard", "maxWeightLb": 0.75, "fee": 3.24, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "small_standard", "maxWeightLb": null, "fee": 3.33, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "large_standard", "maxWeightLb": 0.25, "fee": 3.68, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "large_standard", "maxWeightLb": 0.5, "fee": 3.9, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "large_standard", "maxWeightLb": 1, "fee": 4.35, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "large_standard", "maxWeightLb": 2, "fee": 5.12, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "large_standard", "maxWeightLb": 3, "fee": 5.77, "perLbAbove": 0, "baseWeightLb": 0 },
    { "sizeTier": "large_standard", "maxWeightLb": null, "fee": 6.46, "perLbAbove": 0.32, "baseWeightLb": 3 },
    { "sizeTier": "large_bulky", "maxWeightLb": null, "fee": 9.61, "perLbAbove": 0.38, "baseWeightLb": 1 },
    { "sizeTier": "extra_large", "maxWeightLb": null, "fee": 26.33, "perLbAbove": 0.38, "baseWeightLb": 1 }
  ],
  "inboundPerCubicFoot": 0.3,
  "removalPerUnit": 1.04,
  "disposalPerUnit": 1.04,
  "liquidationPerUnit": 0.25,
  "liquidationRecoveryRate": 0.1,
  "otherVariablePerUnit": 0
}'::jsonb);

-- The IPI proxy week by week (Monday of the week), written by the daily health job.
CREATE TABLE ipi_snapshots (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  week date NOT NULL,
  as_of date NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 1000),
  factors jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, week)
);

-- The real Amazon IPI the seller read in Seller Central, dated.
CREATE TABLE amazon_ipi_scores (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  marketplace text NOT NULL DEFAULT 'US',
  as_of date NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 1000),
  note text,
  entered_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, marketplace, as_of)
);

-- One row per condition while it lasts (dedupe_key, e.g. 'low_stock:MUG-1:FBA-US'): re-evaluating an
-- open condition only touches last_seen_at, so nobody is told twice. A cleared condition is resolved;
-- if it comes back it is a new alert.
CREATE TABLE alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  dedupe_key text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  sku text,
  location text,
  title text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  snoozed_until timestamptz,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by bigint,
  resolved_at timestamptz,
  notified_at timestamptz
);
CREATE UNIQUE INDEX alerts_condition ON alerts (account_id, dedupe_key) WHERE status <> 'resolved';
CREATE INDEX alerts_account ON alerts (account_id, id DESC);

-- Where alerts and scheduled reports go. The SMTP password and webhook secret are never returned by the API.
CREATE TABLE notification_settings (
  account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  smtp jsonb,
  webhook jsonb,
  alert_recipients text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_schedules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  recipients text[] NOT NULL,
  last_sent_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, kind, format, frequency)
);
