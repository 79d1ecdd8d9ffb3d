import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';

describeEachBackend('Bad input the hardening review found answers 400, never 500', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    expect((await t.api.post('/api/v1/channels', { type: 'other' })).status).toBe(201);
  });

  it.each([
    ['/api/v1/channels/other/availability/changes?cursor=999999999999999-9999999999999999', 'cursor'],
    ['/api/v1/channels/other/availability/changes?cursor=abc', 'cursor'],
    ['/api/v1/reports/profit?from=0001-01-01', 'from'],
    ['/api/v1/reports/profit?to=9999-12-31', 'to'],
  ])('%s → 400 naming %s', async (path, field) => {
    const res = await t.api.get(path);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('a cursor this feed handed out still works', async () => {
    const first = await t.api.get('/api/v1/channels/other/availability/changes');
    expect(first.status).toBe(200);
    const next = await t.api.get(
      `/api/v1/channels/other/availability/changes?cursor=${String(first.body['cursor'])}`,
    );
    expect(next.status).toBe(200);
  });
});
