import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newestMtime, underLock } from './fs-utils';
import { REPO_ROOT } from './paths';

export const DEMO = { email: 'demo@stockwise.dev', password: 'stockwise-demo' } as const;

export const START_TIMEOUT_MS = 240_000;

export interface RunningServer {
  url: string;
  /** The server's data folder (CLI commands given `--data` are handed to this server). */
  data: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

function stopChild(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL', graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

const TEMPLATE_PREFIX = 'stockwise-web-e2e-template-';

/**
 * Loading the demo seller and its first forecast run cost 40 s to minutes of CPU. They are made once
 * (`stockwise demo`, which forecasts as the first start does) into
 * a template folder keyed by today's date (the demo is generated up to today) and the server
 * code's last change; each test file then starts on its own fresh copy.
 */
async function demoTemplate(): Promise<string> {
  const code = ['domain', 'db', 'server', 'cli'].map((pkg) =>
    newestMtime(join(REPO_ROOT, 'packages', pkg, 'src')),
  );
  const key = createHash('sha1')
    .update([new Date().toISOString().slice(0, 10), ...code].join('|'))
    .digest('hex')
    .slice(0, 12);
  const template = join(tmpdir(), `${TEMPLATE_PREFIX}${key}`);
  const ready = join(tmpdir(), `${TEMPLATE_PREFIX}${key}.ready`);
  await underLock(`${template}.lock`, {
    done: () => existsSync(ready),
    waitMs: 480_000,
    staleMs: 900_000,
    work: async () => {
      // Templates of older code or days are dead weight, but another worker may still be copying
      // one that went stale a moment ago: only remove those untouched for two hours.
      for (const entry of readdirSync(tmpdir())) {
        const path = join(tmpdir(), entry);
        const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (
          entry.startsWith(TEMPLATE_PREFIX) &&
          !entry.startsWith(`${TEMPLATE_PREFIX}${key}`) &&
          age > 2 * 3600_000
        )
          rmSync(path, { recursive: true, force: true });
      }
      rmSync(template, { recursive: true, force: true });
      const result = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'bin', 'stockwise.js'), 'demo', '--data', template, '--json'],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 450_000 },
      );
      if (result.status !== 0)
        throw new Error(`stockwise demo failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
      await warmTemplate(template);
      dropRecycledWal(join(template, 'pg'));
      writeFileSync(ready, new Date().toISOString());
    },
  });
  if (!statSync(template, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`demo template ${template} is missing`);
  return template;
}

interface ServerProcess {
  url: string;
  /** Signals the server and waits for it to exit; after `graceMs` it is killed. */
  stop: (signal: 'SIGTERM' | 'SIGKILL', graceMs?: number) => Promise<void>;
}

/** `stockwise start` on `data` and a free port; resolves once it prints the JSON line with its URL. */
async function spawnServer(data: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'bin', 'stockwise.js'),
      'start',
      '--data',
      data,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--json',
    ],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  // If the test worker dies without running afterAll, take the server down with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async (signal: 'SIGTERM' | 'SIGKILL', graceMs = 5000) => {
    process.off('exit', killOnExit);
    await stopChild(child, signal, graceMs);
  };
  let output = '';
  // Generous: startup is quick alone but slow on a machine shared with other suites.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.trim().startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line) as { url?: string };
          if (parsed.url) {
            clearTimeout(timer);
            resolve(parsed.url.replace('0.0.0.0', '127.0.0.1'));
            return;
          }
        } catch {
          // A partial line; wait for the rest.
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    // Never leave a half-started server behind.
    await stop('SIGKILL');
    throw error;
  });
  return { url, stop };
}

/**
 * Serves the new template once, as the demo seller reads the pages whose answers the server's worker
 * computes at every start (planning position, restock lines, clearance advice), then stops it gracefully:
 * those answers are stored on the way down (docs/decisions.md 34, 48), so each copy's server reads them
 * instead of computing them again while its suite waits. The session it signed in with is signed out.
 */
async function warmTemplate(template: string): Promise<void> {
  const server = await spawnServer(template);
  try {
    const headers = { 'Content-Type': 'application/json', Origin: server.url };
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify(DEMO),
    });
    if (!login.ok) throw new Error(`demo login answered ${login.status}: ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    for (const path of ['/api/v1/inventory/summary', '/api/v1/restock', '/api/v1/reports/excess']) {
      const res = await fetch(`${server.url}${path}`, { headers: { ...headers, Cookie: cookie } });
      await res.arrayBuffer();
    }
    await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { ...headers, Cookie: cookie },
    });
  } finally {
    // Up to STORE_ON_CLOSE_AT_MOST_MS (8 s) storing, then the database's own shutdown: a loaded machine.
    await server.stop('SIGTERM', 120_000);
  }
}

/**
 * Removes the WAL segments a cleanly shut down database keeps only for reuse: those after the one holding
 * its shutdown checkpoint (PostgreSQL renames old segments ahead instead of creating new ones; it creates
 * them again when it needs them). With them every suite's copy of the template was ~130 MB larger, copied
 * and removed again. Anything else (a database not shut down cleanly, a control file it cannot read) is left
 * as it is.
 */
function dropRecycledWal(pgData: string): void {
  const control = readFileSync(join(pgData, 'global', 'pg_control'));
  // ControlFileData: state (int32) at 16 (1 = shut down), checkPoint (XLogRecPtr) at 32, and in
  // checkPointCopy the redo pointer at 40 and the timeline at 48.
  const DB_SHUTDOWNED = 1;
  if (control.length < 52 || control.readInt32LE(16) !== DB_SHUTDOWNED) return;
  const checkpoint = control.readBigUInt64LE(32);
  const redo = control.readBigUInt64LE(40);
  if (redo !== checkpoint) return; // a shutdown checkpoint redoes from itself
  const wal = join(pgData, 'pg_wal');
  const segments = readdirSync(wal).filter((name) => /^[0-9A-F]{24}$/.test(name));
  if (segments.length === 0) return;
  const size = BigInt(statSync(join(wal, segments[0]!)).size);
  const perId = 0x1_0000_0000n / size;
  const segno = checkpoint / size;
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0');
  const current = `${hex(BigInt(control.readUInt32LE(48)))}${hex(segno / perId)}${hex(segno % perId)}`;
  if (!segments.includes(current)) return;
  for (const name of segments) if (name.slice(8) > current.slice(8)) rmSync(join(wal, name));
}

/**
 * The real server on a free port with a fresh data folder (a copy of the demo template); it
 * prints one JSON line with its URL when it is listening.
 */
export async function startServer(): Promise<RunningServer> {
  const template = await demoTemplate();
  const data = mkdtempSync(join(tmpdir(), 'stockwise-web-e2e-'));
  cpSync(template, data, { recursive: true });
  const server = await spawnServer(data).catch((error: unknown) => {
    rmSync(data, { recursive: true, force: true });
    throw error;
  });
  return {
    url: server.url,
    data,
    // The copy is thrown away: nothing in it needs a graceful shutdown (storing answers, a checkpoint).
    stop: async () => {
      await server.stop('SIGKILL');
      rmSync(data, { recursive: true, force: true });
    },
  };
}
