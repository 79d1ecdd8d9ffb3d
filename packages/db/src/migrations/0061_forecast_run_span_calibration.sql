-- The catalogue's calibration of span sums a forecast run fitted on its series' honest backtest checks
-- (docs/decisions.md 36 and 40): per span (7, 14, 28 days), per band of forecast rate, a scale of the
-- sum's mean and of its level variance. Planning reads it with the run's forecasts; null (runs before
-- this, or a catalogue with no check) plans on the default calibration.
ALTER TABLE forecast_runs ADD COLUMN span_calibration jsonb;
