import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** N = 2^17, r = 8 (128 MiB, OWASP's scrypt minimum); hashes made with less are upgraded at the next sign-in. */
export const SCRYPT_LOG2_N = 17;
/** The floor `STOCKWISE_SCRYPT_LOG2_N` may lower the cost to (the tests do: they create hundreds of users). */
const MIN_LOG2_N = 14;

/** The cost new hashes get: 2^17, or `STOCKWISE_SCRYPT_LOG2_N` (14–20). */
export function scryptParams(env: Readonly<Record<string, string | undefined>> = process.env): ScryptParams {
  const wanted = Number(env['STOCKWISE_SCRYPT_LOG2_N'] ?? SCRYPT_LOG2_N);
  const log2 = Number.isInteger(wanted) ? Math.min(Math.max(wanted, MIN_LOG2_N), 20) : SCRYPT_LOG2_N;
  return { N: 2 ** log2, r: 8, p: 1, keyLength: 32 };
}

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told.
    const maxmem = 256 * params.N * params.r;
    scrypt(
      password,
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

/** scrypt (RFC 7914) with a random salt; the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = scryptParams()): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether a stored hash is weaker than what new hashes get (then it is replaced at the next sign-in). */
export function needsRehash(stored: string, params: ScryptParams = scryptParams()): boolean {
  const [scheme, n, r] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < params.N || Number(r) < params.r;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64');
  const params = { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length };
  // A stored hash must not make us allocate gigabytes (a tampered row): 2^20 is the most we ever write.
  if (!(params.N >= 2 && params.N <= 2 ** 20 && params.r >= 1 && params.r <= 32 && params.p === 1))
    return false;
  const key = await scryptAsync(password, Buffer.from(saltText, 'base64'), params);
  return timingSafeEqual(key, expected);
}

/** A bearer secret: 256 random bits. Only its SHA-256 is stored, so a database leak reveals no usable token. */
export function newSecret(prefix: 'sw' | 'sws'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
