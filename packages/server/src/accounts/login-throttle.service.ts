import type { LoginThrottlePolicy } from '@stockwise/domain/accounts/login-throttle';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  loginLockSeconds,
} from '@stockwise/domain/accounts/login-throttle';
import { DomainError } from '@stockwise/domain/errors';
import { loginThrottleRepository } from '@stockwise/db/accounts/login-throttle.repository';
import type { Transactor } from '../platform/transactor';

/** The keys one sign-in attempt counts against: the account (e-mail) and, when known, the client address. */
export interface LoginKeys {
  email: string;
  address?: string | undefined;
}

function keysOf(k: LoginKeys): { key: string; policy: LoginThrottlePolicy }[] {
  return [
    { key: `account:${k.email}`, policy: ACCOUNT_THROTTLE },
    ...(k.address ? [{ key: `address:${k.address}`, policy: ADDRESS_THROTTLE }] : []),
  ];
}

/**
 * Login throttling with back-off per account and per client address (docs/formulas.md, "Login
 * throttling"). A locked key answers 429 with `Retry-After` — even for the right password, or the lock
 * would only slow a guesser down until they hit it.
 */
export class LoginThrottle {
  constructor(private readonly tx: Transactor) {}

  /** Throws RATE_LIMITED (429) while any of the attempt's keys is locked. */
  async check(k: LoginKeys): Promise<void> {
    const until = await loginThrottleRepository.lockedUntil(
      this.tx.sql,
      keysOf(k).map((x) => x.key),
    );
    if (!until) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    throw new DomainError('RATE_LIMITED', `too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
      details: { retryAfterSeconds },
    });
  }

  /** Counts a failure against every key and locks those past their free attempts. */
  async failed(k: LoginKeys): Promise<void> {
    await this.tx.run(async (sql) => {
      for (const { key, policy } of keysOf(k)) {
        const failures = await loginThrottleRepository.recordFailure(sql, key, policy.forgetAfterSeconds);
        const seconds = loginLockSeconds(failures, policy);
        if (seconds > 0) await loginThrottleRepository.lock(sql, key, seconds);
      }
    });
  }

  /** A successful sign-in forgets the account's failures (not the address's: one known password must not unlock guessing others). */
  async succeeded(k: LoginKeys): Promise<void> {
    await loginThrottleRepository.clear(this.tx.sql, `account:${k.email}`);
  }

  /** Forgets idle keys (the session purge job runs it). */
  async prune(): Promise<number> {
    return loginThrottleRepository.prune(this.tx.sql, ACCOUNT_THROTTLE.forgetAfterSeconds);
  }
}
