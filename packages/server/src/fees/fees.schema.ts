import { z } from '@hono/zod-openapi';
import { IsoDateSchema, MarketplaceSchema } from '../http/common.schema';

const Rate = z.number().min(0).max(1e6);

/** A fee per unit by size tier and shipping weight (up to `maxWeightLb`, null: any), + `perLbAbove` per lb over `baseWeightLb`. */
const FulfilmentRateSchema = z.object({
  sizeTier: z.enum(['small_standard', 'large_standard', 'large_bulky', 'extra_large']),
  maxWeightLb: z.number().min(0).max(10_000).nullable(),
  fee: Rate,
  perLbAbove: Rate,
  baseWeightLb: z.number().min(0).max(10_000),
});

/** A fee schedule as stored and edited (docs/formulas.md): every rate a seller may need to change. */
export const FeeScheduleBodySchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/),
    storage: z
      .object({
        standard: z.object({ offPeak: Rate, peak: Rate }).strict(),
        oversize: z.object({ offPeak: Rate, peak: Rate }).strict(),
      })
      .strict(),
    peakMonths: z.array(z.number().int().min(1).max(12)).max(12),
    warehouseStoragePerCubicFootMonth: Rate.openapi({
      description: 'your own storage cost per cu ft per month at warehouses and 3PLs (restock holding cost)',
    }),
    agedSurchargeDay: z.number().int().min(1).max(28),
    agedSurcharge: z
      .array(
        z
          .object({
            minDays: z.number().int().min(0).max(10_000),
            maxDays: z.number().int().min(0).max(10_000).nullable(),
            perCubicFoot: Rate,
            perUnit: Rate,
          })
          .strict(),
      )
      .max(30),
    utilizationSurcharge: z
      .array(z.object({ minWeeks: z.number().min(0).max(1000), perCubicFoot: Rate }).strict())
      .max(30),
    capacityOveragePerCubicFoot: Rate,
    referralRate: z.number().min(0).max(1),
    fulfilment: z.array(FulfilmentRateSchema.strict()).max(100),
    mcf: z
      .array(
        FulfilmentRateSchema.extend({
          minUnitsInOrder: z.number().int().min(1).max(1000).openapi({
            description:
              'the order-size band: orders of at least this many units (the highest band: or more)',
          }),
        }).strict(),
      )
      .max(200)
      .openapi({
        description:
          'Multi-Channel Fulfilment (another channel’s order shipped from an Amazon location), standard speed: ' +
          'fee per unit by size tier, shipping weight and units in the order; empty = no MCF table (fees unknown)',
      }),
    inboundPerCubicFoot: Rate,
    removalPerUnit: Rate,
    disposalPerUnit: Rate,
    liquidationPerUnit: Rate,
    liquidationRecoveryRate: z.number().min(0).max(1),
    otherVariablePerUnit: Rate,
  })
  .strict();

export const FeeScheduleCreateSchema = FeeScheduleBodySchema.partial()
  .extend({
    marketplace: MarketplaceSchema,
    effectiveFrom: IsoDateSchema,
    copyFrom: z.number().int().positive().optional().openapi({
      description:
        'start from this schedule (default: the one in force on effectiveFrom); given fields override it',
    }),
  })
  .strict()
  .openapi('FeeScheduleCreate');
export type FeeScheduleCreate = z.infer<typeof FeeScheduleCreateSchema>;

export const FeeScheduleUpdateSchema = FeeScheduleBodySchema.partial().strict().openapi('FeeScheduleUpdate');
export type FeeScheduleUpdate = z.infer<typeof FeeScheduleUpdateSchema>;

export const FeeScheduleSchema = FeeScheduleBodySchema.extend({
  id: z.number().int(),
  marketplace: z.string(),
  effectiveFrom: z.string(),
  source: z.enum(['default', 'account']).openapi({
    description: 'default rows ship with Stockwise and are read-only; create an account row to change them',
  }),
  updatedAt: z.string(),
}).openapi('FeeSchedule');
export type FeeScheduleDto = z.infer<typeof FeeScheduleSchema>;
