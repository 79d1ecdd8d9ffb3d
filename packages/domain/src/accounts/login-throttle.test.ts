import { describe, expect, it } from 'vitest';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, loginLockSeconds } from './login-throttle';

describe('loginLockSeconds (exponential back-off after the free attempts)', () => {
  it('never locks before the free attempts are used up', () => {
    for (let f = 0; f < ACCOUNT_THROTTLE.freeAttempts; f++)
      expect(loginLockSeconds(f, ACCOUNT_THROTTLE)).toBe(0);
  });

  it('doubles from the base after the free attempts, up to the cap', () => {
    expect([5, 6, 7, 8, 9].map((f) => loginLockSeconds(f, ACCOUNT_THROTTLE))).toEqual([1, 2, 4, 8, 16]);
    expect(loginLockSeconds(14, ACCOUNT_THROTTLE)).toBe(512);
    expect(loginLockSeconds(15, ACCOUNT_THROTTLE)).toBe(900);
    expect(loginLockSeconds(10_000, ACCOUNT_THROTTLE)).toBe(900);
  });

  it('allows a shared address more free attempts than one account', () => {
    expect(loginLockSeconds(19, ADDRESS_THROTTLE)).toBe(0);
    expect(loginLockSeconds(20, ADDRESS_THROTTLE)).toBe(1);
    expect(loginLockSeconds(Number.NaN, ADDRESS_THROTTLE)).toBe(0);
  });
});
