-- A product moved to another category leaves the scope of its old category's events and enters the
-- new one's, and its pooled category effects change: for its stored forecast that is a change of the
-- events applying to it (docs/forecasting.md, "Calendar and events"), noted as one of that SKU alone.
-- Bookkeeping only; the rule lives in the domain (forecasting/event-staleness.ts).
CREATE FUNCTION note_product_category_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO forecast_event_changes (account_id, changed_at, scope, category, skus)
  VALUES (NEW.account_id, now(), 'skus', NULL, ARRAY[NEW.sku]);
  RETURN NULL;
END $$;

CREATE TRIGGER product_category_change AFTER UPDATE OF category ON products
  FOR EACH ROW WHEN (OLD.category IS DISTINCT FROM NEW.category)
  EXECUTE FUNCTION note_product_category_change();
