/**
 * The moment a demo event of `date` is recorded: noon UTC keeps a day's events on the same calendar
 * date in every time zone a seller is likely in — but never later than now, so a demo loaded before noon
 * holds no movement from the future (today's ages, balances and days would disagree until noon).
 */
export const demoMoment = (date: string): Date =>
  new Date(Math.min(Date.parse(`${date}T12:00:00.000Z`), Date.now()));
