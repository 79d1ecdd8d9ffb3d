-- The pooled part of a forecast run's catalogue forecast (docs/forecasting.md, "Catalogue forecast";
-- docs/decisions.md 55): the pooled effects of the forecast origin and of each backtest origin, each
-- category's profile and yearly ratios, keyed by location, department, weekday, event and category.
-- The forecast of one SKU computed on the run's day uses it instead of pooling over that SKU alone, so it
-- is the SKU's line of the run. Null for runs before this.
ALTER TABLE forecast_runs ADD COLUMN pooled jsonb;
