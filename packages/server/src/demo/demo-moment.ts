/**
 * The moment a demo event of `date` is recorded: by default noon UTC, which keeps a day's events on the
 * same calendar date in every time zone a seller is likely in; a sale that sold out is recorded at the
 * share of the day when it did (`dayShare`, 0–1). Never later than now, so a demo loaded before noon holds
 * no movement from the future (today's ages, balances and days would disagree until noon).
 */
export const demoMoment = (date: string, dayShare = 0.5): Date =>
  new Date(Math.min(Date.parse(`${date}T00:00:00.000Z`) + Math.round(dayShare * 86_400_000), Date.now()));
