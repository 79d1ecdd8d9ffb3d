import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '@stockwise/domain/errors';

const VERSION = 'v1';
/** `keyFile` value meaning: no key file; the key must come from STOCKWISE_SECRET_KEY (PostgreSQL). */
export const REQUIRE_SECRET_KEY_ENV = '<STOCKWISE_SECRET_KEY>';

/**
 * Channel credentials at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
 * `v1.<nonce>.<ciphertext>.<tag>` (base64url). The key comes from STOCKWISE_SECRET_KEY (64 hex
 * characters, 44 base64 characters, or any passphrase, which is hashed with SHA-256), else from a key
 * file created on first use (mode 0600) in the user's configuration folder (platform/secret-key-location.ts).
 * On PostgreSQL the variable is required: workers on several machines must share one key.
 */
export class SecretBox {
  private key: Buffer | undefined;

  constructor(private readonly source: { keyFile?: string | undefined; env?: string | undefined }) {}

  private resolveKey(): Buffer {
    if (this.key) return this.key;
    const fromEnv = this.source.env;
    if (fromEnv) {
      this.key = parseKey(fromEnv);
    } else if (this.source.keyFile === REQUIRE_SECRET_KEY_ENV) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'set STOCKWISE_SECRET_KEY (the same on every server and worker) to store channel and notification secrets on PostgreSQL',
      );
    } else if (this.source.keyFile) {
      const file = this.source.keyFile;
      if (!existsSync(file)) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      }
      this.key = parseKey(readFileSync(file, 'utf8').trim());
    } else {
      // In-memory databases (tests): a key for this process only.
      this.key = randomBytes(32);
    }
    return this.key;
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.resolveKey(), nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      nonce.toString('base64url'),
      body.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
    ].join('.');
  }

  open(sealed: string): string {
    const [version, nonce, body, tag] = sealed.split('.');
    if (version !== VERSION || nonce === undefined || body === undefined || tag === undefined)
      throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.resolveKey(), Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

function parseKey(text: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const raw = Buffer.from(text, 'base64');
    if (raw.length === 32) return raw;
  }
  return createHash('sha256').update(text).digest();
}
