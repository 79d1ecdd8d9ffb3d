import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { utf8Check } from '../../src/imports/utf8-check';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';

const encode = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** A products file whose line 3 holds 0xC3 0x28 (a lead byte followed by '('): not UTF-8. */
const badFile = concat(
  encode('sku,title\nGOOD-1,Mug\nBAD-1,Caf'),
  Uint8Array.from([0xc3, 0x28]),
  encode(' mug\nGOOD-2,Plate\n'),
);

describeEachBackend('Imports: invalid UTF-8 is refused with its line', (backend) => {
  const t = useOwnerApi(backend);

  const upload = (body: Uint8Array<ArrayBuffer>, query = '') =>
    t.app.request(`/api/v1/imports/products${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.owner.token}`, 'Content-Type': 'text/csv' },
      body,
    });

  it.each(['', '?skipInvalid=true'])('400 naming line 3, nothing imported (query %j)', async (query) => {
    const res = await upload(badFile, query);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { field: string; detail: string };
    expect(problem.field).toBe('line 3');
    expect(problem.detail).toContain('line 3 is not valid UTF-8');
    const products = await t.api.get('/api/v1/products');
    expect(JSON.stringify(products.body)).not.toContain('GOOD-1');
  });

  it('accepts the same file in UTF-8, multi-byte characters intact', async () => {
    const res = await upload(encode('sku,title\nGOOD-1,Mug\nGOOD-3,Café mug 杯\n'));
    expect(res.status).toBe(201);
    const products = await t.api.get('/api/v1/products');
    expect(JSON.stringify(products.body)).toContain('Café mug 杯');
  });
});

describe('utf8Check', () => {
  const run = (chunks: Uint8Array[]) => text(Readable.from(chunks).pipe(utf8Check()));

  it('passes a multi-byte character split across chunks', async () => {
    const bytes = encode('a,b\n1,é杯\n');
    const chunks = [...bytes].map((b) => Uint8Array.of(b));
    expect(await run(chunks)).toBe('a,b\n1,é杯\n');
  });

  it('names the line of a sequence cut off by a newline, and of one cut off at the end', async () => {
    await expect(run([encode('a\nb\n'), Uint8Array.of(0xe6, 0x9d), encode('\nc\n')])).rejects.toThrow(
      'line 3 is not valid UTF-8',
    );
    await expect(run([encode('a\nb'), Uint8Array.of(0xe6, 0x9d)])).rejects.toThrow(
      'line 2 is not valid UTF-8',
    );
  });
});
