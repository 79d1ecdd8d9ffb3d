import { z } from '@hono/zod-openapi';
import { LocationCodeSchema, IsoDateSchema } from '../../http/common.schema';
import { conversionQueryFields, convertedSchema } from '../../reports/conversion';

export const ReconciliationQuerySchema = z
  .object({
    location: LocationCodeSchema.optional().openapi({
      description:
        'one Amazon location (default: every active amazon_fba location, a line per SKU × location)',
    }),
    from: IsoDateSchema.optional().openapi({
      description: 'first event / approval day (default: all stored)',
    }),
    to: IsoDateSchema.optional().openapi({
      description: 'last event / approval day (default: all stored)',
    }),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    ...conversionQueryFields('json totals'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const Units = z.number().int();

export const ReconciliationLineSchema = z
  .object({
    location: z.string(),
    sku: z.string(),
    currency: z.string().openapi({
      description: 'of every amount of the line: the location’s marketplace’s (the unit cost’s without one)',
    }),
    lost: Units,
    damaged: Units.openapi({ description: 'damaged while Amazon held the units (reason codes E, 6, 7, Q)' }),
    found: Units,
    disposed: Units,
    customerReturnsReceived: Units,
    customerReturnsNotReceived: Units,
    reimbursedUnits: Units,
    reimbursedAmount: z.number(),
    eligibleUnits: Units.openapi({
      description: 'lost + damaged + returns not received − found − reimbursed, never below 0',
    }),
    unitValue: z.number().nullable().openapi({
      description:
        'the SKU’s unit cost when it is in the line’s currency; else what Amazon reimbursed per unit there; else null (no rate)',
    }),
    unitValueBasis: z.enum(['cost', 'reimbursed']).nullable(),
    eligibleValue: z.number().nullable(),
    ledgerOnHand: Units,
    amazonSellable: Units.nullable().openapi({ description: 'fulfillable + reserved at the last FBA sync' }),
    amazonResearching: Units,
    difference: Units.nullable().openapi({ description: 'ledger on hand − Amazon sellable' }),
    flags: z.array(z.string()).openapi({ description: 'each difference, explained' }),
  })
  .openapi('AmazonReconciliationLine');

const Totals = z.object({
  currency: z.string(),
  eligibleUnits: Units,
  eligibleValue: z.number(),
  reimbursedUnits: Units,
  reimbursedAmount: z.number(),
});

export const ReconciliationSchema = z
  .object({
    locations: z.array(
      z.object({ location: z.string(), marketplace: z.string().nullable(), currency: z.string().nullable() }),
    ),
    from: z.string().nullable(),
    to: z.string().nullable(),
    items: z.array(ReconciliationLineSchema),
    totals: z
      .array(Totals)
      .openapi({ description: 'per currency, in currency order: never one sum over currencies' }),
    converted: convertedSchema(Totals).optional().openapi({
      description:
        'with convertTo and rates: the totals of every currency in convertTo, money converted (eligibleValue, reimbursedAmount) and units added (the domain’s convertByTable, docs/fees.md); total null and the currency named in missingRates when one has no rate',
    }),
    unplaced: z.object({ eventUnits: Units, reimbursedUnits: Units }).openapi({
      description:
        'Amazon’s rows of no Amazon location here: ledger events of a country none of them sells in, reimbursements in a currency none is paid in',
    }),
  })
  .openapi('AmazonReconciliation');
