import { beforeAll, expect, it } from 'vitest';
import { enqueueDailyForecasts, FORECAST_RUN } from '../../src/forecasting/forecast.jobs';
import { todayUtc } from '../../src/forecasting/forecast.service';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount, type TestAccount } from '../support/factories';

describeEachBackend('Daily forecast schedule', (backend) => {
  const ctx = useStockwise(backend);
  let sw: Stockwise;
  let forecastToday: TestAccount;
  let notYet: TestAccount;

  beforeAll(async () => {
    sw = ctx.sw;
    forecastToday = await newAccount(sw);
    notYet = await newAccount(sw);
    // The first start's run (or one the seller asked for), made before the worker's first round.
    await sw.forecasts.run(forecastToday.actor, {});
  });

  const forecastJobs = async (account: TestAccount) =>
    (await sw.jobs.list(account.actor)).filter((job) => job.kind === FORECAST_RUN);

  it("queues today's run only for accounts without a finished run as of today, once", async () => {
    const day = todayUtc();
    const first = await enqueueDailyForecasts(sw.jobs, sw, day);
    expect(first).toContain(notYet.actor.accountId);
    expect(first).not.toContain(forecastToday.actor.accountId);
    expect(await forecastJobs(forecastToday)).toHaveLength(0);
    expect(await forecastJobs(notYet)).toHaveLength(1);
    // The next round the same day queues nothing new (the day's dedupe key).
    expect(await enqueueDailyForecasts(sw.jobs, sw, day)).not.toContain(notYet.actor.accountId);
    expect(await forecastJobs(notYet)).toHaveLength(1);
  });

  it("a run of an earlier day does not count as today's", async () => {
    const tomorrow = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await enqueueDailyForecasts(sw.jobs, sw, tomorrow)).toContain(forecastToday.actor.accountId);
  });
});
