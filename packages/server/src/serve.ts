import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { createApp } from './http/app';
import type { Stockwise } from './stockwise';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the API and dashboard; with `worker`, also runs background jobs in this process. */
export async function startServer(sw: Stockwise, options: { port: number; host: string; worker: boolean }): Promise<RunningServer> {
  const app = createApp(sw);
  const abort = new AbortController();
  const workerDone = options.worker ? sw.jobs.work({ signal: abort.signal }) : Promise.resolve();
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => {
      resolve(s);
    });
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`,
    async close() {
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
