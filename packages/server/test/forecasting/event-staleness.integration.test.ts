import { beforeAll, expect, it } from 'vitest';
import type { NetworkPlanLine } from '../../src/replenishment/planning.service';
import { describeEachBackend } from '../support/backends';
import { dateAt } from '../support/days';
import { demoProducts, useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

/** Event days: horizon days 10–16 (index 0 is today). */
const FROM = 10;
const TO = 16;

describeEachBackend('A seller event makes stale only the forecasts in its scope', (backend) => {
  const seller = useDemoSeller(backend, 8);
  let category: string;
  let other: string;

  beforeAll(async () => {
    const products = await demoProducts(seller);
    const categories = [...new Set(products.map((p) => p.category ?? ''))].filter((c) => c !== '');
    expect(categories.length).toBeGreaterThan(1);
    [category = '', other = ''] = categories;
    await seller.sw.forecasts.run(seller.actor, {});
  }, 180_000);

  const plan = async () => {
    const lines = (await seller.sw.planning.plan(seller.actor)).lines;
    return new Map(lines.map((l) => [`${l.product.sku}@${l.location.code}`, l]));
  };
  const sourcesIn = (lines: Map<string, NetworkPlanLine>, of: string, stored: ReadonlySet<string>) =>
    [...lines]
      .filter(([key, l]) => (l.product.category ?? '') === of && stored.has(key))
      .map(([, l]) => l.forecastSource);
  const sum = (l: NetworkPlanLine | undefined, from: number, to: number) =>
    Array.from(l?.forecast.mean ?? [])
      .slice(from, to + 1)
      .reduce((s, v) => s + v, 0);

  it('a category event recomputes that category only; an edit moving it recomputes both; the forecast changes over its days', async () => {
    const api = client(seller.app, seller.token);
    const before = await plan();
    // Positions with a stored forecast after the run (a position without history is always computed).
    const stored = new Set([...before].filter(([, l]) => l.forecastSource === 'stored').map(([k]) => k));
    expect(sourcesIn(before, category, stored).length).toBeGreaterThan(0);
    expect(sourcesIn(before, other, stored).length).toBeGreaterThan(0);

    const created = await api.post('/api/v1/events', {
      name: 'Category promotion',
      startsOn: dateAt(FROM),
      endsOn: dateAt(TO),
      scope: 'category',
      category,
      lift: 2,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const after = await plan();
    expect(new Set(sourcesIn(after, category, stored))).toEqual(new Set(['computed']));
    expect(new Set(sourcesIn(after, other, stored))).toEqual(new Set(['stored']));
    const computed = [...after.values()].filter((l) => l.forecastSource === 'computed').length;
    const recomputed = sourcesIn(before, category, stored).length;
    expect(computed).toBe(before.size - stored.size + recomputed);

    // In scope, the forecast doubles over the event's days and stays as it was after them.
    const lifted = (lines: Map<string, NetworkPlanLine>, of: string, from = FROM, to = TO) =>
      [...stored]
        .filter((k) => (before.get(k)!.product.category ?? '') === of && sum(before.get(k), from, to) >= 1)
        .map((k) => Math.round(sum(lines.get(k), from, to) / sum(before.get(k), from, to)));
    expect(new Set(lifted(after, category))).toEqual(new Set([2]));
    expect(new Set(lifted(after, category, TO + 1, 60))).toEqual(new Set([1]));
    expect(new Set(lifted(after, other))).toEqual(new Set([1]));
    // The forecast endpoint agrees on which forecast is current.
    const inScope = [...after.values()].find((l) => (l.product.category ?? '') === category)!;
    const outside = [...after].find(([k, l]) => (l.product.category ?? '') === other && stored.has(k))![1];
    const sourceOf = async (l: NetworkPlanLine) =>
      (await api.get(`/api/v1/forecasts/${encodeURIComponent(l.product.sku)}?location=${l.location.code}`))
        .body['source'];
    expect(await sourceOf(inScope)).toBe('computed');
    expect(await sourceOf(outside)).toBe('stored');

    // An edit moving the event to the other category: the old scope and the new are both recomputed.
    const id = (created.body as { id: number }).id;
    const moved = await api.call('PUT', `/api/v1/events/${String(id)}`, {
      body: {
        name: 'Category promotion',
        startsOn: dateAt(FROM),
        endsOn: dateAt(TO),
        scope: 'category',
        category: other,
        lift: 2,
      },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const edited = await plan();
    expect(new Set(sourcesIn(edited, category, stored))).toEqual(new Set(['computed']));
    expect(new Set(sourcesIn(edited, other, stored))).toEqual(new Set(['computed']));
    // The old scope no longer has the event's lift, the new one has it.
    expect(new Set(lifted(edited, category))).toEqual(new Set([1]));
    expect(new Set(lifted(edited, other))).toEqual(new Set([2]));

    // The next run stores them all with the event; deleting it makes only the other category stale.
    await seller.sw.forecasts.run(seller.actor, {});
    const rerun = await plan();
    expect(new Set([...stored].map((k) => rerun.get(k)?.forecastSource))).toEqual(new Set(['stored']));
    expect((await api.delete(`/api/v1/events/${String(id)}`)).status).toBe(204);
    const deleted = await plan();
    expect(new Set(sourcesIn(deleted, category, stored))).toEqual(new Set(['stored']));
    expect(new Set(sourcesIn(deleted, other, stored))).toEqual(new Set(['computed']));
  }, 300_000);

  it('a SKU moved into a category with an event is recomputed with its lift; the rest stay stored', async () => {
    const api = client(seller.app, seller.token);
    const event = await api.post('/api/v1/events', {
      name: 'Other category promotion',
      startsOn: dateAt(FROM),
      endsOn: dateAt(TO),
      scope: 'category',
      category: other,
      lift: 2,
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    await seller.sw.forecasts.run(seller.actor, {});
    const before = await plan();
    const stored = new Set([...before].filter(([, l]) => l.forecastSource === 'stored').map(([k]) => k));
    const [key, moved] = [...before].find(
      ([k, l]) => stored.has(k) && (l.product.category ?? '') === category && sum(l, FROM, TO) >= 1,
    )!;
    const patched = await api.patch(`/api/v1/products/${encodeURIComponent(moved.product.sku)}`, {
      category: other,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const after = await plan();
    const recomputed = [...after].filter(([, l]) => l.product.sku === moved.product.sku).map(([k]) => k);
    for (const k of recomputed) expect(after.get(k)?.forecastSource, k).toBe('computed');
    // Now in the event's scope: its forecast over the event's days doubles.
    expect(Math.round(sum(after.get(key), FROM, TO) / sum(moved, FROM, TO))).toBe(2);
    const untouched = [...stored].filter((k) => !recomputed.includes(k));
    expect(new Set(untouched.map((k) => after.get(k)?.forecastSource))).toEqual(new Set(['stored']));
  }, 300_000);

  it('a finished run drops the changes every latest forecast reflects and keeps those one does not', async () => {
    const api = client(seller.app, seller.token);
    const changes = async () =>
      (
        await seller.sw.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM forecast_event_changes WHERE account_id = $1',
          [seller.actor.accountId],
        )
      )[0]!.n;
    // Two categories that still hold SKUs (the test before moved one).
    const [inScope = '', outside = ''] = [
      ...new Set([...(await plan()).values()].map((l) => l.product.category ?? '')),
    ];
    const saved = await api.post('/api/v1/events', {
      name: 'Before the run',
      startsOn: dateAt(FROM),
      endsOn: dateAt(TO),
      scope: 'category',
      category: inScope,
      lift: 2,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(await changes()).toBeGreaterThan(0);
    await seller.sw.forecasts.run(seller.actor, {});
    // Every series' latest forecast was made after each change so far: none can make one stale.
    expect(await changes()).toBe(0);
    const stored = new Set(
      [...(await plan())].filter(([, l]) => l.forecastSource === 'stored').map(([k]) => k),
    );
    expect(sourcesIn(await plan(), inScope, stored).length).toBeGreaterThan(0);
    // A change after the run is kept and still makes its scope stale.
    expect((await api.delete(`/api/v1/events/${String((saved.body as { id: number }).id)}`)).status).toBe(
      204,
    );
    expect(await changes()).toBe(1);
    const after = await plan();
    expect(new Set(sourcesIn(after, inScope, stored))).toEqual(new Set(['computed']));
    expect(new Set(sourcesIn(after, outside, stored))).toEqual(new Set(['stored']));
  }, 300_000);
});
