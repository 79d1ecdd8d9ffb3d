import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** The per-user configuration folder: `%APPDATA%`, `~/Library/Application Support`, or `$XDG_CONFIG_HOME` / `~/.config`. */
export function configDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env['APPDATA']) return join(env['APPDATA'], 'stockwise');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'stockwise');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'stockwise');
}

/**
 * Where the embedded database's credential key lives when STOCKWISE_SECRET_KEY is not set: outside the
 * data folder it protects (a copied or backed-up folder does not carry its own key), one key per data
 * folder, in the user's configuration folder. A key an older version left in `<data>/secret.key` is
 * moved there, so the secrets it sealed still open.
 */
export function secretKeyFileFor(dataDir: string, env: Env = process.env): string {
  const folder = resolve(dataDir);
  const file = join(
    configDir(env),
    `secret-${createHash('sha256').update(folder).digest('hex').slice(0, 16)}.key`,
  );
  const legacy = join(folder, 'secret.key');
  if (!existsSync(file) && existsSync(legacy)) {
    mkdirSync(configDir(env), { recursive: true, mode: 0o700 });
    copyFileSync(legacy, file);
    unlinkSync(legacy);
  }
  return file;
}
