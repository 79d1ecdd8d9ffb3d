-- Restock holds (docs/formulas.md Held back): the seller may buy a SKU although clearance is advised
-- where it would go, or although a unit loses money after fees.
ALTER TABLE replenishment_settings ADD COLUMN buy_despite_clearance boolean NOT NULL DEFAULT false;
ALTER TABLE replenishment_settings ADD COLUMN buy_despite_loss boolean NOT NULL DEFAULT false;
