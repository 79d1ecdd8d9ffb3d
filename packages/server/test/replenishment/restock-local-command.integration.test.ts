import { expect, it } from 'vitest';
import { runRestockCommand } from '../../src/replenishment/local-commands';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount } from '../support/factories';

describeEachBackend('`stockwise restock` as a local command', (backend) => {
  const ctx = useStockwise(backend);

  it('plans for the named account with the command’s filters: the same plan as the service gives', async () => {
    const owner = await newAccount(ctx.sw);
    const filters = { asOf: '2025-07-01', mode: 'via_warehouse' as const, onlyOrders: true };
    const plan = await runRestockCommand(ctx.sw, {
      command: 'restock',
      account: owner.accountName,
      ...filters,
    });
    expect(plan).toEqual(await ctx.sw.restock.plan(owner.actor, filters));
    expect(plan['asOf']).toBe('2025-07-01');
    await expect(
      runRestockCommand(ctx.sw, { command: 'restock', account: owner.accountName, location: 'NOPE' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_LOCATION' });
  });
});
