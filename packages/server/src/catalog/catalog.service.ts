import { checkBarcode } from '@stockwise/domain/catalog/barcode';
import { cubicFeet, sizeTier, storageTypeOf, toPounds } from '@stockwise/domain/catalog/dimensions';
import { DomainError } from '@stockwise/domain/errors';
import type { Page } from '@stockwise/db/pagination';
import type { ProductFields, ProductQuery, ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { ProductCreate, ProductDto, ProductUpdate } from './catalog.schema';
import type { Actor } from '../accounts/actor';
import { auditedWrite, auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { mapPage } from '../platform/page';
import { recordTimes } from '../platform/record-times';

const DEFAULTS: Omit<ProductFields, 'sku' | 'title' | 'barcodeKind' | 'cubicFeet' | 'sizeTier'> = {
  barcode: null,
  asin: null,
  fnsku: null,
  channelSkus: {},
  category: null,
  brand: null,
  length: null,
  width: null,
  height: null,
  dimensionUnit: 'in',
  weight: null,
  weightUnit: 'lb',
  unitCost: null,
  price: null,
  currency: 'USD',
  casePack: 1,
  replenishable: true,
  allowBackorder: false,
  listingStatus: 'active',
};

/** Validates the barcode and derives volume and size tier, so stored products are always consistent. */
function deriveFields(fields: Omit<ProductFields, 'barcodeKind' | 'cubicFeet' | 'sizeTier'>): ProductFields {
  let barcodeKind: ProductFields['barcodeKind'] = null;
  let barcode = fields.barcode;
  if (barcode !== null && barcode.trim() !== '') {
    const check = checkBarcode(barcode);
    if (check.kind === 'invalid') {
      throw new DomainError('INVALID_BARCODE', `barcode ${check.value}: ${check.reason}`, {
        field: 'barcode',
      });
    }
    barcodeKind = check.kind;
    barcode = check.value;
  } else {
    barcode = null;
  }
  const { length, width, height } = fields;
  const dims =
    length !== null && width !== null && height !== null
      ? { length, width, height, unit: fields.dimensionUnit }
      : null;
  const volume = dims ? Math.round(cubicFeet(dims) * 1e6) / 1e6 : null;
  const tier =
    dims && fields.weight !== null ? sizeTier(dims, toPounds(fields.weight, fields.weightUnit)) : null;
  return { ...fields, barcode, barcodeKind, cubicFeet: volume, sizeTier: tier };
}

export function mapProductDto(p: ProductRecord): ProductDto {
  const tier = p.sizeTier as Parameters<typeof storageTypeOf>[0] | null;
  return {
    sku: p.sku,
    title: p.title,
    barcode: p.barcode,
    barcodeKind: p.barcodeKind,
    asin: p.asin,
    fnsku: p.fnsku,
    channelSkus: p.channelSkus,
    category: p.category,
    brand: p.brand,
    length: p.length,
    width: p.width,
    height: p.height,
    dimensionUnit: p.dimensionUnit,
    weight: p.weight,
    weightUnit: p.weightUnit,
    cubicFeet: p.cubicFeet,
    sizeTier: p.sizeTier,
    storageType: tier ? storageTypeOf(tier) : null,
    unitCost: p.unitCost,
    price: p.price,
    currency: p.currency,
    casePack: p.casePack,
    replenishable: p.replenishable,
    allowBackorder: p.allowBackorder,
    listingStatus: p.listingStatus,
    ...recordTimes(p),
  };
}

export class CatalogService {
  constructor(private readonly tx: Transactor) {}

  async createProduct(actor: Actor, input: ProductCreate): Promise<ProductDto> {
    requirePermission(actor, 'catalog:write');
    const fields = deriveFields({ ...DEFAULTS, ...stripUndefined(input) });
    return auditedWrite(this.tx, actor, 'product.create', async (sql) => {
      const created = await productsRepository.create(sql, actor.accountId, fields);
      if (!created) {
        const skuTaken = await productsRepository.findBySku(sql, actor.accountId, fields.sku);
        throw skuTaken
          ? new DomainError('DUPLICATE', `SKU ${fields.sku} already exists`, { field: 'sku' })
          : new DomainError('DUPLICATE', `barcode ${fields.barcode ?? ''} is already used by another SKU`, {
              field: 'barcode',
            });
      }
      return { entity: ['product', created.sku], before: null, after: mapProductDto(created) };
    });
  }

  /**
   * Creates every product of `inputs` at once (a bulk load: one statement, one audit entry each), as
   * `createProduct` would one by one: a SKU given twice, or a SKU or barcode already taken, refuses them all,
   * naming the first such line.
   */
  async createProducts(actor: Actor, inputs: readonly ProductCreate[]): Promise<ProductDto[]> {
    requirePermission(actor, 'catalog:write');
    const fields = inputs.map((input) => deriveFields({ ...DEFAULTS, ...stripUndefined(input) }));
    return this.tx.run(async (sql) => {
      const created = await productsRepository.createMany(sql, actor.accountId, fields);
      if (created.length < fields.length) {
        const made = new Set(created.map((p) => p.sku));
        const seen = new Set<string>();
        const line = fields.findIndex((f) => {
          const refused = seen.has(f.sku) || !made.has(f.sku);
          seen.add(f.sku);
          return refused;
        });
        throw new DomainError(
          'DUPLICATE',
          `line ${String(line + 1)}: SKU ${fields[line]!.sku} or its barcode is already used`,
          { field: `${String(line)}.sku` },
        );
      }
      const products = created.map(mapProductDto);
      await auditTrail(sql, actor).recordMany(
        'product.create',
        products.map((p) => ({ entity: ['product', p.sku] as const, before: null, after: p })),
      );
      return products;
    });
  }

  async updateProduct(actor: Actor, sku: string, patch: ProductUpdate): Promise<ProductDto> {
    requirePermission(actor, 'catalog:write');
    return auditedWrite(this.tx, actor, 'product.update', async (sql) => {
      const existing = await this.requireProduct(sku, actor);
      const fields = deriveFields({ ...existing, ...stripUndefined(patch) });
      if (fields.barcode && fields.barcode !== existing.barcode) {
        const holder = await productsRepository.findByBarcode(sql, actor.accountId, fields.barcode);
        if (holder && holder.id !== existing.id) {
          throw new DomainError('DUPLICATE', `barcode ${fields.barcode} is already used by ${holder.sku}`, {
            field: 'barcode',
          });
        }
      }
      const updated = await productsRepository.update(sql, actor.accountId, existing.id, fields);
      return { entity: ['product', sku], before: mapProductDto(existing), after: mapProductDto(updated!) };
    });
  }

  async getProduct(actor: Actor, sku: string): Promise<ProductDto> {
    return mapProductDto(await this.requireProduct(sku, actor));
  }

  /** Scanner lookup by GTIN, internal code, FNSKU, ASIN or SKU. */
  async lookupByCode(actor: Actor, code: string): Promise<ProductDto> {
    const product = await productsRepository.findByCode(this.tx.sql, actor.accountId, code.trim());
    if (!product)
      throw new DomainError('UNKNOWN_BARCODE', `no product has the code ${code}`, { field: 'code' });
    return mapProductDto(product);
  }

  async listProducts(actor: Actor, query: ProductQuery): Promise<Page<ProductDto>> {
    const page = await productsRepository.list(this.tx.sql, actor.accountId, query);
    return mapPage(page, mapProductDto);
  }

  async requireProduct(sku: string, actor: Actor): Promise<ProductRecord> {
    const product = await productsRepository.findBySku(this.tx.sql, actor.accountId, sku);
    if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${sku}`, { field: 'sku' });
    return product;
  }
}

/** Drops keys whose value is undefined so they do not overwrite defaults or stored values. */
export function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
