import { z } from '@hono/zod-openapi';
import {
  LocationCodeSchema,
  MoneySchema,
  PageQuerySchema,
  SkuSchema,
  TextSchema,
  pageOf,
  recordTimesFields,
} from '../http/common.schema';

const Dimension = z.number().positive().max(10_000);

const productFields = {
  title: TextSchema(500).min(1),
  barcode: TextSchema(64).nullable().openapi({ example: '4006381333931' }),
  asin: z
    .string()
    .regex(/^[A-Z0-9]{10}$/, '10 capital letters or digits')
    .nullable(),
  fnsku: z
    .string()
    .regex(/^[A-Z0-9]{10}$/, '10 capital letters or digits')
    .nullable(),
  channelSkus: z.record(TextSchema(32), TextSchema(100)),
  category: TextSchema(100).nullable(),
  brand: TextSchema(100).nullable(),
  length: Dimension.nullable(),
  width: Dimension.nullable(),
  height: Dimension.nullable(),
  dimensionUnit: z.enum(['in', 'cm']),
  weight: z.number().positive().max(100_000).nullable(),
  weightUnit: z.enum(['lb', 'oz', 'kg', 'g']),
  unitCost: MoneySchema.nullable(),
  price: MoneySchema.nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as USD'),
  casePack: z.number().int().min(1).max(100_000),
  replenishable: z.boolean(),
  allowBackorder: z.boolean(),
  listingStatus: z.enum(['active', 'inactive', 'error']),
};

export const ProductCreateSchema = z
  .object({ sku: SkuSchema, ...productFields })
  .partial()
  .required({ sku: true, title: true })
  .strict()
  .openapi('ProductCreate');
export type ProductCreate = z.infer<typeof ProductCreateSchema>;

export const ProductUpdateSchema = z.object(productFields).partial().strict().openapi('ProductUpdate');
export type ProductUpdate = z.infer<typeof ProductUpdateSchema>;

export const ProductSchema = z
  .object({
    sku: z.string(),
    ...productFields,
    barcodeKind: z.enum(['gtin', 'internal']).nullable(),
    cubicFeet: z
      .number()
      .nullable()
      .openapi({ description: 'longest × median × shortest side (in) ÷ 1,728' }),
    sizeTier: z.string().nullable(),
    storageType: z.enum(['standard', 'oversize']).nullable(),
    ...recordTimesFields,
  })
  .openapi('Product');
export type ProductDto = z.infer<typeof ProductSchema>;

export const ProductListQuerySchema = PageQuerySchema.extend({
  q: TextSchema(200).optional().openapi({ description: 'matches SKU, title, barcode, ASIN or FNSKU' }),
  category: TextSchema(100).optional(),
  listingStatus: z.enum(['active', 'inactive', 'error']).optional(),
  replenishable: z.enum(['true', 'false']).optional(),
  sort: z.enum(['sku', 'title', 'createdAt', 'updatedAt']).default('sku'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const ProductPageSchema = pageOf(ProductSchema).openapi('ProductPage');

const locationFields = {
  name: TextSchema(200).min(1),
  type: z.enum(['warehouse', 'amazon_fba', '3pl']),
  marketplace: TextSchema(10).nullable(),
  capacityCubicFeet: z
    .partialRecord(
      z.enum(['standard', 'oversize', 'apparel', 'footwear', 'total']),
      z.number().min(0).max(1e9),
    )
    .openapi({ example: { standard: 2500, oversize: 300 } }),
  active: z.boolean(),
};

export const LocationCreateSchema = z
  .object({ code: LocationCodeSchema, ...locationFields })
  .partial()
  .required({ code: true, name: true, type: true })
  .strict()
  .openapi('LocationCreate');
export type LocationCreate = z.infer<typeof LocationCreateSchema>;

export const LocationUpdateSchema = z.object(locationFields).partial().strict().openapi('LocationUpdate');
export type LocationUpdate = z.infer<typeof LocationUpdateSchema>;

export const LocationSchema = z
  .object({ code: z.string(), ...locationFields, ...recordTimesFields })
  .openapi('Location');
export type LocationDto = z.infer<typeof LocationSchema>;

export const LocationListQuerySchema = PageQuerySchema.extend({
  type: z.enum(['warehouse', 'amazon_fba', '3pl']).optional(),
  sort: z.enum(['code', 'name', 'createdAt']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const LocationPageSchema = pageOf(LocationSchema).openapi('LocationPage');
