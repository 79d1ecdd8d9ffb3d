import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/app';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { client, documentedOperations, type DocumentedOperation } from '../support/http-client';
import { useOwnerApi } from '../support/owner-api';

const hostile = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE products; --',
    '\u0000',
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    '🙂'.repeat(300),
    'a'.repeat(5000),
    '{{7*7}}',
    '\\',
    '-1',
    '1e309',
    'NaN',
    'null',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);

/**
 * A path parameter that names nothing: one that reads as a positive whole number could be a real id (the
 * owner's own token is id 1 on a fresh database), and deleting it would be a valid request.
 */
const pathParam = hostile.filter((p) => {
  const n = Number(p);
  return p.trim() === '' || !Number.isInteger(n) || n <= 0;
});

/** A body that cannot be valid: an unknown field makes every strict schema refuse it. */
const badObject = fc
  .dictionary(
    fc.constantFrom(
      'sku',
      'title',
      'type',
      'quantity',
      'location',
      'code',
      'name',
      'email',
      'password',
      'barcode',
      'unitCost',
      'role',
      'accountId',
      'locale',
    ),
    junkValue,
    { maxKeys: 6 },
  )
  .map((o) => ({ ...o, __unknownFuzzField: 1 }));

const badBody = fc.oneof(
  badObject.map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '{',
    '{"sku": }',
    'not json',
    '[]',
    '"string"',
    '123',
    'null',
    '{"a":1}{"b":2}',
    '\u0000\u0001',
  ),
  fc.array(junkValue, { maxLength: 4 }).map((a) => JSON.stringify(a)),
);

async function countState(sw: Stockwise): Promise<Record<string, number>> {
  const tables = [
    'products',
    'locations',
    'stock_movements',
    'stock_balances',
    'age_layers',
    'users',
    'memberships',
    'api_tokens',
    'accounts',
    'jobs',
    'audit_log',
    'idempotency_keys',
    'ledger_batches',
  ];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await sw.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    counts[t] = row?.n ?? 0;
  }
  const [sums] = await sw.db.query<{ s: number | null }>(
    'SELECT sum(on_hand + reserved + inbound + unfulfillable)::int AS s FROM stock_balances',
  );
  counts['balanceSum'] = sums?.s ?? 0;
  return counts;
}

describeEachBackend(
  'Fuzz: every OpenAPI operation refuses bad input with 4xx and changes nothing',
  (backend) => {
    const t = useOwnerApi(backend);
    let operations: DocumentedOperation[];

    beforeAll(async () => {
      const { api } = t;
      await api.post('/api/v1/locations', { code: 'WH1', name: 'Main', type: 'warehouse' });
      await api.post('/api/v1/products', { sku: 'FUZZ-1', title: 'Fuzz target' });
      await api.post('/api/v1/movements', { type: 'receipt', sku: 'FUZZ-1', location: 'WH1', quantity: 10 });
      operations = await documentedOperations(api);
    });

    it('covers the documented operations', () => {
      expect(operations.length).toBeGreaterThanOrEqual(25);
    });

    it('never answers 5xx and never changes state', async () => {
      const before = await countState(t.sw);
      const { api } = t;
      for (const op of operations) {
        await fc.assert(
          fc.asyncProperty(
            pathParam,
            badBody,
            fc.dictionary(
              fc.constantFrom(
                'limit',
                'cursor',
                'sort',
                'order',
                'q',
                'sku',
                'location',
                'from',
                'to',
                'type',
                'code',
              ),
              hostile,
              { maxKeys: 3 },
            ),
            async (param, body, query) => {
              const path = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
              const qs = new URLSearchParams(query).toString();
              const res = await api.call(
                op.method,
                `${path}${qs ? `?${qs}` : ''}`,
                op.hasBody ? { raw: body, headers: { 'Content-Type': 'application/json' } } : {},
              );
              expect(
                res.status,
                `${op.method} ${path} → ${String(res.status)} ${JSON.stringify(res.body).slice(0, 200)}`,
              ).toBeLessThan(500);
              // An operation that takes no input (logout) has no bad input to refuse.
              if (op.method !== 'GET' && (op.hasBody || op.path.includes('{'))) {
                expect(res.status, `${op.method} ${path} accepted bad input`).toBeGreaterThanOrEqual(400);
                expect(res.headers.get('content-type')).toContain('application/problem+json');
              }
            },
          ),
          { numRuns: backend.name === 'pglite' ? 25 : 40 },
        );
      }
      // Oversized bodies are refused before parsing.
      const huge = JSON.stringify({ sku: 'X', title: 'y'.repeat(MAX_BODY_BYTES) });
      const res = await api.call('POST', '/api/v1/products', {
        raw: huge,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(res.status).toBe(413);
      expect(await countState(t.sw)).toEqual(before);
      // Some 1,000 requests on PGlite: over a minute on a loaded 2-core machine; a hang still fails.
    }, 300_000);

    it('refuses the API without credentials on every secured operation', async () => {
      const anon = client(t.app);
      for (const op of operations.filter(
        (o) =>
          o.path.startsWith('/api/v1/') &&
          !['/api/v1/auth/login', '/api/v1/auth/setup', '/api/v1/auth/session'].includes(o.path),
      )) {
        const res = await anon.call(
          op.method,
          op.path.replace(/\{[^}]+\}/g, 'x'),
          op.hasBody ? { body: {} } : {},
        );
        expect(res.status, `${op.method} ${op.path}`).toBe(401);
      }
    });
  },
);
