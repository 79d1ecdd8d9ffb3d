-- Amazon's reimbursements report names no marketplace; its amazon-order-id, filled on order-related
-- reasons, leads through the seller's order to the location that shipped it (docs/formulas.md, "Which
-- location Amazon's rows belong to"). Rows stored before keep null: they are placed by currency.
ALTER TABLE amazon_reimbursements ADD COLUMN amazon_order_id text;
