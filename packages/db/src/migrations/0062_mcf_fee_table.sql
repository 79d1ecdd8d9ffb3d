-- Multi-Channel Fulfilment (MCF): another channel's order (Shopify, a web shop, manual) that Amazon ships
-- from its fulfilment centre pays Amazon's MCF fee per unit, by size tier, shipping weight and the units
-- in the order (bands 1, 2, 3, 4, 5+), no referral (docs/fees.md "Multi-Channel Fulfilment", decision 43).
-- The US table, standard shipping speed, is added to every stored US schedule that has none — the
-- shipped default and the sellers' own rows — as one new key: no other field of a row is touched, so a
-- seller's edited rates stay as they are. Other marketplaces' rows get an empty table: their MCF fees
-- are unknown (named in the profit report), never 0, until the seller enters rates.
UPDATE fee_schedules SET schedule = schedule || jsonb_build_object('mcf', '[
  { "sizeTier": "small_standard", "maxWeightLb": 0.25, "fee": 3.95, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 1 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.25, "fee": 2.75, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 2 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.25, "fee": 2.39, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 3 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.25, "fee": 1.89, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 4 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.25, "fee": 1.79, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 5 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.625, "fee": 4.95, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 1 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.625, "fee": 3.45, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 2 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.625, "fee": 2.95, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 3 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.625, "fee": 2.29, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 4 },
  { "sizeTier": "small_standard", "maxWeightLb": 0.625, "fee": 1.99, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 5 },
  { "sizeTier": "small_standard", "maxWeightLb": null, "fee": 5.79, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 1 },
  { "sizeTier": "small_standard", "maxWeightLb": null, "fee": 4.05, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 2 },
  { "sizeTier": "small_standard", "maxWeightLb": null, "fee": 3.45, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 3 },
  { "sizeTier": "small_standard", "maxWeightLb": null, "fee": 2.89, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 4 },
  { "sizeTier": "small_standard", "maxWeightLb": null, "fee": 2.59, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 5 },
  { "sizeTier": "large_standard", "maxWeightLb": 0.625, "fee": 5.49, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 1 },
  { "sizeTier": "large_standard", "maxWeightLb": 0.625, "fee": 3.85, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 2 },
  { "sizeTier": "large_standard", "maxWeightLb": 0.625, "fee": 3.29, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 3 },
  { "sizeTier": "large_standard", "maxWeightLb": 0.625, "fee": 2.69, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 4 },
  { "sizeTier": "large_standard", "maxWeightLb": 0.625, "fee": 2.39, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 5 },
  { "sizeTier": "large_standard", "maxWeightLb": 1, "fee": 5.79, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 1 },
  { "sizeTier": "large_standard", "maxWeightLb": 1, "fee": 3.9, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 2 },
  { "sizeTier": "large_standard", "maxWeightLb": 1, "fee": 3.4, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 3 },
  { "sizeTier": "large_standard", "maxWeightLb": 1, "fee": 2.89, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 4 },
  { "sizeTier": "large_standard", "maxWeightLb": 1, "fee": 2.59, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 5 },
  { "sizeTier": "large_standard", "maxWeightLb": 2, "fee": 5.95, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 1 },
  { "sizeTier": "large_standard", "maxWeightLb": 2, "fee": 3.95, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 2 },
  { "sizeTier": "large_standard", "maxWeightLb": 2, "fee": 3.45, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 3 },
  { "sizeTier": "large_standard", "maxWeightLb": 2, "fee": 3.35, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 4 },
  { "sizeTier": "large_standard", "maxWeightLb": 2, "fee": 2.95, "perLbAbove": 0, "baseWeightLb": 0, "minUnitsInOrder": 5 },
  { "sizeTier": "large_standard", "maxWeightLb": null, "fee": 5.95, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 1 },
  { "sizeTier": "large_standard", "maxWeightLb": null, "fee": 3.95, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 2 },
  { "sizeTier": "large_standard", "maxWeightLb": null, "fee": 3.45, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 3 },
  { "sizeTier": "large_standard", "maxWeightLb": null, "fee": 3.35, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 4 },
  { "sizeTier": "large_standard", "maxWeightLb": null, "fee": 2.95, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 5 },
  { "sizeTier": "large_bulky", "maxWeightLb": null, "fee": 10.99, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 1 },
  { "sizeTier": "large_bulky", "maxWeightLb": null, "fee": 6.8, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 2 },
  { "sizeTier": "large_bulky", "maxWeightLb": null, "fee": 5.8, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 3 },
  { "sizeTier": "large_bulky", "maxWeightLb": null, "fee": 4.8, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 4 },
  { "sizeTier": "large_bulky", "maxWeightLb": null, "fee": 3.8, "perLbAbove": 0.38, "baseWeightLb": 2, "minUnitsInOrder": 5 },
  { "sizeTier": "extra_large", "maxWeightLb": 150, "fee": 15.3, "perLbAbove": 0.39, "baseWeightLb": 2, "minUnitsInOrder": 1 },
  { "sizeTier": "extra_large", "maxWeightLb": null, "fee": 143.3, "perLbAbove": 0.92, "baseWeightLb": 90, "minUnitsInOrder": 1 }
]'::jsonb)
WHERE marketplace = 'US' AND NOT (schedule ? 'mcf');

UPDATE fee_schedules SET schedule = schedule || jsonb_build_object('mcf', '[]'::jsonb)
WHERE marketplace <> 'US' AND NOT (schedule ? 'mcf');
