import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@stockwise/domain/errors';
import { REQUIRE_SECRET_KEY_ENV, SecretBox } from '../../src/platform/secret-box';
import { configDir, secretKeyFileFor } from '../../src/platform/secret-key-location';

describe('The credential key lives outside the data folder; PostgreSQL requires STOCKWISE_SECRET_KEY', () => {
  const root = mkdtempSync(join(tmpdir(), 'sw-key-'));
  const env = { XDG_CONFIG_HOME: join(root, 'config') };
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('puts one key per data folder in the configuration folder, created 0600', () => {
    const a = secretKeyFileFor(join(root, 'data-a'), env);
    const b = secretKeyFileFor(join(root, 'data-b'), env);
    expect(a.startsWith(configDir(env, 'linux'))).toBe(true);
    expect(a).not.toBe(b);
    expect(a.startsWith(join(root, 'data-a'))).toBe(false);
    const sealed = new SecretBox({ keyFile: a }).seal('shpat_secret');
    expect(statSync(a).mode & 0o777).toBe(0o600);
    expect(new SecretBox({ keyFile: a }).open(sealed)).toBe('shpat_secret');
  });

  it('moves a key an older version left inside the data folder, so what it sealed still opens', () => {
    const data = join(root, 'old-data');
    mkdirSync(data);
    const legacy = join(data, 'secret.key');
    writeFileSync(legacy, 'ab'.repeat(32), { mode: 0o600 });
    const sealed = new SecretBox({ keyFile: legacy }).seal('amzn_refresh');
    const moved = secretKeyFileFor(data, env);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(moved, 'utf8')).toBe('ab'.repeat(32));
    expect(new SecretBox({ keyFile: moved }).open(sealed)).toBe('amzn_refresh');
  });

  it('refuses to seal on PostgreSQL without STOCKWISE_SECRET_KEY (400), and works with it', () => {
    let error: unknown;
    try {
      new SecretBox({ keyFile: REQUIRE_SECRET_KEY_ENV }).seal('x');
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
    expect(String(error)).toContain('STOCKWISE_SECRET_KEY');
    const box = new SecretBox({ keyFile: REQUIRE_SECRET_KEY_ENV, env: 'a shared passphrase' });
    expect(box.open(box.seal('x'))).toBe('x');
  });
});
