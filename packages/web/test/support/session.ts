import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, login, loginPatiently, requireChromium, watchConsole } from './browser';
import { ensureWebBuilt } from './build';
import { DEMO, startServer, type RunningServer } from './server';

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors seen on `page`. */
  errors: string[];
}

/**
 * One demo server and one Chromium page for the enclosing suite (beforeAll/afterAll); the fields are
 * filled before the suite's own beforeAll hooks run. Without Chromium they stay unset (tests skip).
 * `launchArgs` adds Chromium flags, computed once the server is up.
 */
export function useBrowserSession(
  options: {
    width?: number;
    /** Signs the demo seller in; 'patiently' waits only for leaving the login page (`loginPatiently`). */
    signIn?: boolean | 'patiently';
    launchArgs?: (server: RunningServer) => Promise<string[]> | string[];
  } = {},
): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    if (!requireChromium()) return;
    await ensureWebBuilt();
    // Chromium starts while the server does, unless its extra flags depend on the server's data (e.g. a
    // fake camera showing a product's barcode). Whichever started is kept for afterAll, even if the other failed.
    const starting = startServer();
    const { launchArgs } = options;
    const [server, browser] = await Promise.allSettled([
      starting,
      launchArgs
        ? starting.then(async (running) => launchBrowser(await launchArgs(running)))
        : launchBrowser(),
    ]);
    if (server.status === 'fulfilled') session.server = server.value;
    if (browser.status === 'fulfilled') session.browser = browser.value;
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
    session.context = await session.browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      locale: 'en-US',
    });
    // The machine may be busy with other suites: allow slow navigations rather than flake.
    session.context.setDefaultNavigationTimeout(60_000);
    session.context.setDefaultTimeout(30_000);
    session.page = await session.context.newPage();
    session.errors = watchConsole(session.page);
    if (options.signIn === 'patiently') await loginPatiently(session.page, session.server.url, DEMO);
    else if (options.signIn) await login(session.page, session.server.url, DEMO);
  }, 480_000);
  afterAll(async () => {
    await (session.browser as Browser | undefined)?.close();
    await (session.server as RunningServer | undefined)?.stop();
  });
  return session;
}
