/**
 * Login throttling (docs/formulas.md, "Login throttling"): failed sign-ins are counted per account
 * (the e-mail tried) and per client address; past a few free attempts each further failure locks that
 * key for an exponentially growing time, capped, so guessing a password costs hours instead of seconds
 * while a user who mistypes twice is never slowed down.
 */
export interface LoginThrottlePolicy {
  /** Failures allowed before the first lock: the failure that reaches this count locks. */
  freeAttempts: number;
  /** The first lock, in seconds; each further failure doubles it. */
  baseSeconds: number;
  /** The longest lock, in seconds. */
  maxSeconds: number;
  /** A key with no failure for this long starts counting again from zero. */
  forgetAfterSeconds: number;
}

/** Per account: the fifth failure locks for 1 s, then 2 s, 4 s … up to 15 minutes. */
export const ACCOUNT_THROTTLE: LoginThrottlePolicy = {
  freeAttempts: 5,
  baseSeconds: 1,
  maxSeconds: 900,
  forgetAfterSeconds: 86_400,
};

/** Per client address: more free tries (an office behind one NAT), then the same back-off. */
export const ADDRESS_THROTTLE: LoginThrottlePolicy = {
  freeAttempts: 20,
  baseSeconds: 1,
  maxSeconds: 900,
  forgetAfterSeconds: 86_400,
};

/**
 * How long a key is locked after its `failures`-th consecutive failure: 0 before `freeAttempts`,
 * then `baseSeconds · 2^(failures − freeAttempts)`, at most `maxSeconds` (exponential back-off).
 *
 * @example loginLockSeconds(4, ACCOUNT_THROTTLE) // 0
 * @example loginLockSeconds(5, ACCOUNT_THROTTLE) // 1
 * @example loginLockSeconds(7, ACCOUNT_THROTTLE) // 4
 */
export function loginLockSeconds(failures: number, policy: LoginThrottlePolicy): number {
  if (!Number.isFinite(failures) || failures < policy.freeAttempts) return 0;
  const exponent = Math.min(failures - policy.freeAttempts, 30);
  return Math.min(policy.baseSeconds * 2 ** exponent, policy.maxSeconds);
}
