// Compiles the `stockwise` command (packages/cli/src/main.ts with the domain, db and server packages it imports)
// into one JavaScript file, packages/cli/dist/stockwise.js, so production runs compiled code and needs neither
// tsx nor esbuild (both development dependencies). npm packages stay outside the bundle and load from
// node_modules. Run directly (`npm run build`, `npm start`'s prestart) it builds when the build is missing or
// older than a source; packages/cli/bin/stockwise.js calls `ensureCliBuilt` for the same check on every start.
import { existsSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './newest.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['domain', 'db', 'server', 'cli'];
export const CLI_BUILD = join(ROOT, 'packages/cli/dist/stockwise.js');

/** Whether the compiled CLI is missing or older than one of the TypeScript sources it was built from. */
export function cliBuildIsStale() {
  const builtAt = existsSync(CLI_BUILD) ? statSync(CLI_BUILD).mtimeMs : 0;
  if (builtAt === 0) return true;
  const sources = PACKAGES.flatMap((p) => [
    join(ROOT, 'packages', p, 'src'),
    join(ROOT, 'packages', p, 'package.json'),
  ]);
  return Math.max(...sources.map(newest)) > builtAt;
}

/** Workspace packages are compiled in; every other bare import (an npm package, `node:…`) stays an import. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@stockwise/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Compiles the CLI. Several processes may build at once: each writes its own file, then renames it into place. */
export async function buildCli() {
  const { build, stop } = await import('esbuild');
  const temporary = `${CLI_BUILD}.${process.pid}.tmp`;
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: [join(ROOT, 'packages/cli/src/main.ts')],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      plugins: [externalNpmPackages],
      logLevel: 'warning',
      banner: {
        js: '// Compiled by scripts/build-cli.mjs from packages/*/src: edit the sources, not this file.',
      },
    });
  } finally {
    // esbuild's helper process would otherwise live as long as the server this build then starts.
    await stop();
  }
  renameSync(temporary, CLI_BUILD);
}

/**
 * Builds the CLI when missing or stale. Without esbuild (a production install, `npm ci --omit=dev`) the
 * build shipped in the package is used as it is; with none at all, it says how to make one.
 */
export async function ensureCliBuilt() {
  if (!cliBuildIsStale()) return;
  try {
    await buildCli();
  } catch (error) {
    const missingEsbuild = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND';
    if (!missingEsbuild) throw error;
    if (!existsSync(CLI_BUILD))
      throw new Error(
        'Stockwise is not compiled: run `npm run build` where the development dependencies are installed.',
      );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await ensureCliBuilt();
