import type { ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { removeServerHandle, writeServerHandle } from './local-control';
import { createApp } from './http/app';
import type { Stockwise } from './stockwise';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the API and dashboard; with `worker`, also runs background jobs in this process. */
export async function startServer(
  sw: Stockwise,
  options: { port: number; host: string; worker: boolean; dataDir?: string | undefined },
): Promise<RunningServer> {
  const localSecret = randomBytes(32).toString('base64url');
  const app = createApp(sw, { localSecret });
  const abort = new AbortController();
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => {
      resolve(s);
    });
    s.once('error', reject);
  });
  sw.db.favourNewConnections?.(server);
  // A fresh instance can be claimed only with this code, which only whoever reads this log has.
  const setupCode = await sw.auth.issueSetupCode();
  if (setupCode) console.error(`First-owner setup code: ${setupCode} (open /setup in the dashboard)`);
  // Jobs (a resumed import among them) start once HTTP listens, so a restart answers at once.
  const workerDone = options.worker ? sw.jobs.work({ signal: abort.signal }) : Promise.resolve();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const localHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  if (options.dataDir)
    writeServerHandle(options.dataDir, { url: `http://${localHost}:${port}`, secret: localSecret });
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`,
    async close() {
      if (options.dataDir) removeServerHandle(options.dataDir);
      abort.abort();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await workerDone;
    },
  };
}
