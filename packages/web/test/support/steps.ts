import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAS_CHROMIUM, login, loginPatiently, watchConsole } from './browser';
import type { BrowserSession } from './session';

/** Browser suites run where Chromium is, and always in CI (where `useBrowserSession` fails loudly without it). */
export const RUN_BROWSER_SUITES = HAS_CHROMIUM || Boolean(process.env['CI']);

/** Opens `url` and waits until its heading is drawn and its requests have settled. */
export async function settle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Picks `option` (its exact label) in the Mantine select whose test id is `testId`. */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picks a language in the header's switcher (its menu label, e.g. '繁體中文'). */
export async function chooseLanguage(page: Page, label: string): Promise<void> {
  await page.getByTestId('language-switcher').click();
  await page.getByRole('menuitem', { name: label }).click();
}

/** Picks a language and waits until the document says it is in that locale (e.g. 'zh-TW'). */
export async function switchLanguage(page: Page, label: string, locale: string): Promise<void> {
  await chooseLanguage(page, label);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/** The two Chinese scripts the language sweeps check: the switcher's label and the `lang` the document takes. */
export const CHINESE = [
  ['简体中文', 'zh-CN'],
  ['繁體中文', 'zh-TW'],
] as const;

/** In 简体中文, then 繁體中文, runs `check` on `page` once the language menu has closed; then back to English. */
export async function inEachChinese(page: Page, check: () => Promise<void>): Promise<void> {
  for (const [label, locale] of CHINESE) {
    await switchLanguage(page, label, locale);
    // The language menu fades out: axe would read its half-drawn items.
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await check();
  }
  await switchLanguage(page, 'English', 'en');
}

/**
 * A 390 px touch phone in a new context of `browser`, signed in as `credentials` at `base`; `errors` collects its
 * console errors (`phoneErrors`); close `context` when done.
 */
export async function signedInPhone(
  browser: Browser,
  base: string,
  credentials: { email: string; password: string },
): Promise<{ context: BrowserContext; phone: Page; phoneErrors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  const phoneErrors = watchConsole(phone);
  await login(phone, base, credentials);
  return { context, phone, phoneErrors };
}

/** Adds a viewer with `credentials` to the account signed in on `page` (as its owner), and checks it was created. */
export async function addViewer(page: Page, credentials: { email: string; password: string }): Promise<void> {
  const status = await page.evaluate(async (body) => {
    const response = await fetch('/api/v1/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, role: 'viewer' }),
    });
    return response.status;
  }, credentials);
  expect(status).toBe(201);
}

/**
 * A new viewer of the session's account, signed in on a 1280 px desktop page of its own (`patiently`: waiting only
 * for leaving the login page); `viewerErrors` collects its console errors; close `context` when done.
 */
export async function signedInViewer(
  session: BrowserSession,
  credentials: { email: string; password: string },
  options: { patiently?: boolean } = {},
): Promise<{ context: BrowserContext; viewer: Page; viewerErrors: string[] }> {
  await addViewer(session.page, credentials);
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The machine may be busy with other suites: allow slow navigations rather than flake.
  context.setDefaultNavigationTimeout(60_000);
  context.setDefaultTimeout(60_000);
  const viewer = await context.newPage();
  const viewerErrors = watchConsole(viewer);
  await (options.patiently ? loginPatiently : login)(viewer, session.server.url, credentials);
  return { context, viewer, viewerErrors };
}

/**
 * Calls the API from inside the signed-in page (its session cookie), with a JSON body when one is given, and
 * answers the JSON the server sent (`{}` for a 204).
 */
export async function pageJson<T>(
  page: Page,
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<T> {
  return (await page.evaluate(
    async ([p, i]) => {
      const res = await fetch(p, {
        method: i?.method ?? 'GET',
        headers: { 'Content-Type': 'application/json' },
        ...(i?.body !== undefined ? { body: JSON.stringify(i.body) } : {}),
      });
      return res.status === 204 ? {} : ((await res.json()) as unknown);
    },
    [path, init] as const,
  )) as T;
}

/**
 * Waits until the server's start-up work is done, so a test reads figures that will not move under it: no job
 * queued or running (the first forecast run, the daily health jobs) and the worker idle (`/api/health`: its
 * first round of schedules over, among them the planning warm-up, which also reruns after each job). Twice in a
 * row, a second apart: a job that finishes queues the warm-up.
 */
export async function serverSettled(page: Page, timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quietPolls = 0;
  while (Date.now() < until && quietPolls < 2) {
    const quiet = await page.evaluate(async () => {
      const jobs = (await (await fetch('/api/v1/jobs')).json()) as { items: { status: string }[] };
      const health = (await (await fetch('/api/health')).json()) as { worker: string };
      return health.worker === 'idle' && !jobs.items.some((j) => ['queued', 'running'].includes(j.status));
    });
    quietPolls = quiet ? quietPolls + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (quietPolls < 2)
    throw new Error(`the server was still busy with its start-up work after ${String(timeoutMs / 1000)} s`);
}
