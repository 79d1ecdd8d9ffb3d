import { it } from 'vitest';
import { BACKENDS } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { writeFileSync } from 'node:fs';

const seller = useDemoSeller(BACKENDS[0]!, Number(process.env['SKUS'] ?? 200));
it('scratch', async () => {
  for (const mode of [undefined, 'direct'] as const) {
    const plan = await seller.sw.restock.plan(seller.actor, { mode, limit: 100000 });
    const stats: Record<string, number> = {};
    const add = (k: string) => (stats[k] = (stats[k] ?? 0) + 1);
    for (const i of plan.items) {
      add(`${i.location}|${i.action}|${i.alert}|q${i.recommendedQuantity > 0 ? '+' : '0'}|${i.reasoning.heldBack?.reason ?? '-'}`);
    }
    console.log(mode, plan.mode, JSON.stringify(stats, null, 1));
    writeFileSync(`/tmp/pplan/plan-${mode ?? 'default'}.json`, JSON.stringify(plan, null, 1));
  }
}, 600_000);
