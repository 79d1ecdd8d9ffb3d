import { expect, it } from 'vitest';
import { applyProductsImport } from '../../src/imports/appliers/products.applier';
import { CHUNKED_KINDS } from '../../src/imports/chunked-orders';
import { importFile } from '../../src/imports/import.jobs';
import type { Stockwise } from '../../src/stockwise';
import { crashAfterFirstChunk, csvFile, stagedRows } from '../support/chunk-crash';
import { describeEachBackend, useStockwise } from '../support/backends';
import type { TestAccount } from '../support/factories';
import { newAccount, newGtin13, productInput } from '../support/factories';

const sku = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}`;

/** A products CSV of SKUs 0..n-1 (line i + 2 is SKU i), with `barcode(i)` where given; and its hash. */
function productsFile(prefix: string, n: number, barcode: (i: number) => string = () => '') {
  const rows = ['sku,title,barcode'];
  for (let i = 0; i < n; i++) rows.push(`${sku(prefix, i)},Product ${i},${barcode(i)}`);
  return csvFile('products.csv', rows);
}

async function figures(sw: Stockwise, owner: TestAccount, importId: number) {
  const [row] = await sw.db.query<{ products: number }>(
    'SELECT count(*)::int AS products FROM products WHERE account_id = $1',
    [owner.actor.accountId],
  );
  return { ...row!, staged: await stagedRows(sw, importId) };
}

const chunkLines = CHUNKED_KINDS.products?.lines ?? 0;

describeEachBackend('Products applied in committed chunks', (backend) => {
  const ctx = useStockwise(backend);

  it('a crash after the first chunk, then the same file again: each product written once, staged rows gone', async () => {
    const owner = await newAccount(ctx.sw);
    const file = productsFile('PC', 30);
    const importId = await crashAfterFirstChunk(ctx.sw, owner.actor, {
      kind: 'products',
      file,
      applier: applyProductsImport,
      lines: 10,
    });
    expect(await figures(ctx.sw, owner, importId)).toEqual({ products: 10, staged: 20 });

    const result = await importFile(ctx.sw.imports, owner.actor, { kind: 'products', path: file.path });
    expect(result).toMatchObject({ importId, status: 'applied', applied: { productsChanged: 30 } });
    expect(await figures(ctx.sw, owner, importId)).toEqual({ products: 30, staged: 0 });
    const again = await importFile(ctx.sw.imports, owner.actor, { kind: 'products', path: file.path });
    expect(again.status).toBe('unchanged');
  });

  it('a barcode another product holds, late in a multi-chunk file: refused whole, naming the line, nothing written', async () => {
    const owner = await newAccount(ctx.sw);
    const held = newGtin13();
    await ctx.sw.catalog.createProduct(owner.actor, productInput({ sku: 'HOLDER', barcode: held }));
    const n = chunkLines + 100;
    const late = n - 20;
    const file = productsFile('PB', n, (i) => (i === late ? held : ''));
    await expect(
      importFile(ctx.sw.imports, owner.actor, { kind: 'products', path: file.path }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE',
      field: `line ${late + 2}`,
      message: `line ${late + 2}: another product already has this barcode`,
    });
    const [row] = await ctx.sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM products WHERE account_id = $1',
      [owner.actor.accountId],
    );
    expect(row!.n).toBe(1);

    // With skipInvalid the other lines are applied and that one is reported.
    const skipped = await importFile(ctx.sw.imports, owner.actor, {
      kind: 'products',
      path: file.path,
      skipInvalid: true,
    });
    expect(skipped).toMatchObject({ status: 'applied', rejected: 1, applied: { productsChanged: n - 1 } });
    expect(skipped.rejects).toEqual([
      { line: late + 2, field: 'barcode', message: 'another product already has this barcode' },
    ]);
  }, 300_000);

  it('two SKUs of the file with one barcode in different chunks: the later SKU is named, nothing written', async () => {
    const owner = await newAccount(ctx.sw);
    const shared = newGtin13();
    const n = chunkLines + 100;
    const file = productsFile('PD', n, (i) => (i === 5 || i === n - 3 ? shared : ''));
    await expect(
      importFile(ctx.sw.imports, owner.actor, { kind: 'products', path: file.path }),
    ).rejects.toMatchObject({ code: 'DUPLICATE', field: `line ${n - 3 + 2}` });
    const [row] = await ctx.sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM products WHERE account_id = $1',
      [owner.actor.accountId],
    );
    expect(row!.n).toBe(0);
  }, 300_000);

  it('a barcode the file moves from one of its SKUs to a later one is no clash', async () => {
    const owner = await newAccount(ctx.sw);
    const moved = newGtin13();
    // PM-00000 holds it now; the file gives it a new barcode and hands the old one to PM-00002.
    await ctx.sw.catalog.createProduct(owner.actor, productInput({ sku: sku('PM', 0), barcode: moved }));
    const fresh = newGtin13();
    const file = productsFile('PM', 3, (i) => (i === 0 ? fresh : i === 2 ? moved : ''));
    const result = await importFile(ctx.sw.imports, owner.actor, { kind: 'products', path: file.path });
    expect(result).toMatchObject({ status: 'applied', applied: { productsChanged: 3 } });
    expect((await ctx.sw.catalog.getProduct(owner.actor, sku('PM', 2))).barcode).toBe(moved);
  });
});
