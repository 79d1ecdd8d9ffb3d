import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildId } from '@stockwise/server/platform/build-id';
import { freePort } from '../../server/test/support/stockwise-process';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const COMPILED = join(ROOT, 'packages/cli/dist/stockwise.js');
const DEV_ONLY = ['tsx', 'esbuild'];

interface Manifest {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifest = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Manifest;

/**
 * Production runs compiled JavaScript (issue #16): tsx and esbuild are development dependencies only, and the
 * compiled `stockwise` (scripts/build-cli.mjs) starts and serves on its own, importing no TypeScript.
 */
describe('the compiled CLI', () => {
  let data: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, timeout: 120_000 });
    data = mkdtempSync(join(tmpdir(), 'stockwise-compiled-'));
  }, 150_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  });

  it('has no tsx or esbuild among the production dependencies of any package', () => {
    const manifests = [
      'package.json',
      ...['domain', 'db', 'server', 'cli', 'web'].map((p) => `packages/${p}/package.json`),
    ];
    for (const path of manifests) {
      const production = Object.keys(manifest(path).dependencies ?? {});
      expect(
        production.filter((name) => DEV_ONLY.includes(name)),
        path,
      ).toEqual([]);
    }
    expect(Object.keys(manifest('package.json').devDependencies ?? {})).toEqual(
      expect.arrayContaining(DEV_ONLY),
    );
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    // npm's own record of the tree: installed for development only, so `npm ci --omit=dev` leaves them out (not
    // even as an optional peer of the dashboard's build tool, which is a development dependency too).
    for (const name of DEV_ONLY) expect(lock.packages[`node_modules/${name}`]?.dev, name).toBe(true);
  });

  it('is plain JavaScript that imports no TypeScript and no tsx', () => {
    const bundle = readFileSync(COMPILED, 'utf8');
    expect(bundle).not.toMatch(/from\s*["']tsx/);
    expect(bundle).not.toMatch(/import\(\s*["'][^"']+\.ts["']\s*\)/);
    expect(bundle).not.toMatch(/from\s*["'][^"']+\.ts["']/);
  });

  it('prints its version', async () => {
    const { stdout } = await run(process.execPath, [COMPILED, '--version'], {
      cwd: tmpdir(),
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe(manifest('package.json').version);
  });

  it('names its build after the sources it was compiled from, the same in every process', async () => {
    // The build id, compiled as the CLI is (one file in packages/cli/dist): it once hashed folders relative
    // to that file, found none, and named each process apart, so no stored answer was ever read back.
    const { build } = await import('esbuild');
    const probe = join(ROOT, 'packages/cli/dist', `build-id-probe-${String(process.pid)}.mjs`);
    try {
      await build({
        stdin: {
          contents:
            "import { buildId } from '@stockwise/server/platform/build-id'; console.log(await buildId());",
          resolveDir: ROOT,
        },
        outfile: probe,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'warning',
      });
      const ids = await Promise.all(
        [1, 2].map(async () => (await run(process.execPath, [probe], { cwd: tmpdir() })).stdout.trim()),
      );
      expect(ids).toEqual([await buildId(), await buildId()]);
      expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      rmSync(probe, { force: true });
    }
  }, 120_000);

  it('serves an empty data folder and answers /api/health', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [COMPILED, 'serve', '--data', data, '--port', String(port), '--host', '127.0.0.1', '--json'],
      { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"url"')) resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        reject(new Error(`compiled serve exited with ${String(code)}:\n${output}`));
      });
    });
    const health = await fetch(`http://127.0.0.1:${String(port)}/api/health`);
    expect(health.status).toBe(200);
    // Migrations are found from the compiled file: the schema is there to sign up against.
    const setup = await fetch(`http://127.0.0.1:${String(port)}/api/v1/auth/setup`);
    expect(await setup.json()).toEqual({ needsSetup: true });
  }, 180_000);
});
