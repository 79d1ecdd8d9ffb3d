import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { DEMO_LOGIN } from '@stockwise/server/demo/load-demo';
import { firstStart } from '@stockwise/server/demo/first-start';
import type { Stockwise } from '@stockwise/server/stockwise';
import { startServer } from '@stockwise/server/serve';
import { migrate } from '@stockwise/server/stockwise';
import type { StorageFlags } from '../options';
import { open, print, reporting, withStockwise, withStorage } from '../options';
import { progressBar, stepLines } from '../progress';

interface ServeFlags extends StorageFlags {
  port: string;
  host: string;
  worker: boolean;
}

function serveOptions(command: Command): Command {
  return withStorage(command)
    .addOption(new Option('--port <port>', 'HTTP port').env('PORT').default('3000'))
    .addOption(
      // This machine only unless told otherwise: a fresh instance's first-owner setup is open to whoever reaches it.
      new Option('--host <host>', 'interface to listen on (0.0.0.0 for every interface)')
        .env('HOST')
        .default('127.0.0.1'),
    )
    .addOption(
      new Option(
        '--no-worker',
        'do not run background jobs in this process (run `stockwise worker` instead)',
      ),
    );
}

async function serveUntilSignal(
  flags: ServeFlags,
  banner: (url: string) => unknown,
  opened?: Stockwise,
): Promise<void> {
  const sw = opened ?? (await open(flags));
  const server = await startServer(sw, {
    port: Number(flags.port),
    host: flags.host,
    worker: flags.worker,
    dataDir: flags.databaseUrl ? undefined : resolve(flags.data),
  });
  banner(server.url);
  const stop = async () => {
    await server.close();
    await sw.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

export function registerServeCommands(program: Command): void {
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerDemo(program);
}

/** `serve`, and `start`: the first run, which loads the demo seller into an empty data folder first. */
function registerServe(program: Command): void {
  serveOptions(program.command('serve').description('serve the API and dashboard')).action(
    reporting(async (flags: ServeFlags) => {
      await serveUntilSignal(flags, (url) => {
        print(
          flags,
          { url, database: flags.databaseUrl ? 'postgres' : resolve(flags.data) },
          `Stockwise is running at ${url} (API docs: ${url}/api/docs)`,
        );
      });
    }),
  );

  serveOptions(
    program
      .command('start')
      .description('first run: load the demo seller into a new data folder, then serve'),
  ).action(
    reporting(async (flags: ServeFlags) => {
      const fresh = !flags.databaseUrl && isEmptyFolder(resolve(flags.data));
      let sw: Stockwise | undefined;
      if (fresh) {
        // The same open database then serves: opening the embedded one twice costs a second or more.
        const step = stepLines(!flags.json);
        step(0, 'creating the data folder');
        sw = await open(flags);
        await firstStart(sw, step);
      }
      await serveUntilSignal(
        flags,
        (url) => {
          print(
            flags,
            { url, ...DEMO_LOGIN },
            `\nStockwise is running at ${url}\nDemo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\nAPI docs: ${url}/api/docs`,
          );
        },
        sw,
      );
    }),
  );
}

function registerWorker(program: Command): void {
  withStorage(
    program.command('worker').description('run background jobs (several workers may share one PostgreSQL)'),
  ).action(
    reporting(async (flags: StorageFlags) => {
      const sw = await open(flags);
      const abort = new AbortController();
      process.once('SIGINT', () => {
        abort.abort();
      });
      process.once('SIGTERM', () => {
        abort.abort();
      });
      print(flags, { worker: 'started' }, 'Stockwise worker started; Ctrl-C stops it');
      await sw.jobs.work({ signal: abort.signal });
      await sw.close();
    }),
  );
}

function registerMigrate(program: Command): void {
  withStorage(program.command('migrate').description('apply pending database migrations')).action(
    reporting(async (flags: StorageFlags) => {
      const applied = await withStockwise(flags, (sw) => migrate(sw.db));
      print(
        flags,
        { applied },
        applied.length ? `applied migrations ${applied.join(', ')}` : 'database is up to date',
      );
    }),
  );
}

function registerDemo(program: Command): void {
  withStorage(
    program
      .command('demo')
      .description('load the demo seller (two years of history), forecast it and print its login'),
  )
    .addOption(new Option('--seed <n>', 'generator seed').default('42'))
    .addOption(new Option('--skus <n>', 'number of SKUs').default('300'))
    .action(
      reporting(async (flags: StorageFlags & { seed: string; skus: string }) => {
        const bar = progressBar(!flags.json);
        // What the first start does: the server then opens on forecasts, not on a forecast run.
        const result = await withStockwise(flags, (sw) =>
          firstStart(sw, bar.update, { seed: Number(flags.seed), skuCount: Number(flags.skus) }),
        );
        bar.stop();
        print(
          flags,
          {
            email: result.email,
            password: result.password,
            account: result.accountName,
            products: result.products,
            movements: result.movements,
          },
          `Demo seller loaded: ${result.products} SKUs, ${result.movements} ledger movements.\nLogin: ${result.email} / ${result.password}`,
        );
      }),
    );
}
