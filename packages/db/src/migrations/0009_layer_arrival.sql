-- Age layers carry the arrival date at their network (docs/vocabulary.md#age-layers-fifo): Amazon's
-- (amazon_fba locations) or the seller's own (warehouse, 3pl). `received_at` stays the seller's receipt
-- and survives every transfer (the seller's age); `arrived_at` restarts when a transfer crosses networks
-- (Amazon ages a unit from its arrival at an Amazon centre). FIFO at a location follows arrival.
ALTER TABLE age_layers ADD COLUMN arrived_at timestamptz;

UPDATE age_layers SET arrived_at = received_at;

-- A layer opened by a transfer from the other network arrived at this network at that transfer: its
-- source line is the transfer_out of the same batch, product and time just before it. (A layer moved on
-- between two Amazon centres afterwards keeps the seller's date here: an estimate for existing rows only.)
UPDATE age_layers a SET arrived_at = m.occurred_at
FROM stock_movements m
JOIN locations dest ON dest.id = m.location_id
CROSS JOIN LATERAL (
  SELECT o.location_id FROM stock_movements o
  WHERE o.account_id = m.account_id AND o.product_id = m.product_id AND o.occurred_at = m.occurred_at
    AND o.batch_id = m.batch_id AND o.type = 'transfer_out' AND o.id < m.id
  ORDER BY o.id DESC LIMIT 1
) src
JOIN locations source ON source.id = src.location_id
WHERE m.id = a.source_movement_id AND m.type = 'transfer_in'
  AND (dest.type = 'amazon_fba') <> (source.type = 'amazon_fba');

ALTER TABLE age_layers ALTER COLUMN arrived_at SET NOT NULL;

-- Open layers in FIFO order (arrival at the network, then the seller's receipt).
DROP INDEX age_layers_open;
CREATE INDEX age_layers_open ON age_layers (product_id, location_id, arrived_at, received_at, id) WHERE quantity_remaining > 0;
