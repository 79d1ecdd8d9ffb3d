-- A planned price change on a seller event (docs/forecasting.md, "Price response"): the new price ÷
-- the current price over the event's days (0.8 = 20% off), NULL = none. The forecast applies the SKU's
-- price response to it; the rules on the value live in the domain.
ALTER TABLE forecast_events ADD COLUMN price_factor double precision;
