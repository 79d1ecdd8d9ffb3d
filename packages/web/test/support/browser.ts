import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { SCREENSHOTS } from './paths';

/** Debian's chromium; STOCKWISE_CHROMIUM overrides. Playwright's own browsers are never downloaded. */
export const CHROMIUM = process.env['STOCKWISE_CHROMIUM'] ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * Without a browser the suite skips loudly on a developer machine, and fails in CI, where a
 * silent skip would look like a pass.
 */
export function requireChromium(): boolean {
  if (HAS_CHROMIUM) return true;
  const message = `Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set STOCKWISE_CHROMIUM).`;
  if (process.env['CI']) throw new Error(message);
  console.warn(`\n*** SKIPPING dashboard browser tests: ${message} ***\n`);
  return false;
}

/** `extraArgs` adds Chromium flags, e.g. a fake camera playing a video file (support/barcodes.ts). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/**
 * Failed requests the dashboard expects and handles: /auth/me answers 401 when signed out (that is
 * how the app learns it), endpoints still being built answer 404 (pages show an empty state), and
 * a lookup of an unknown code answers 404, and a wrong password answers 401. The browser logs each as a console error.
 */
const EXPECTED_FAILURES: { url: RegExp; status: number }[] = [
  { url: /\/api\/v1\/auth\/me$/, status: 401 },
  { url: /\/api\/v1\/auth\/login$/, status: 401 },
  { url: /\/api\/v1\/(forecasts|restock|health|alerts|reports)\b/, status: 404 },
  { url: /\/api\/v1\/products\/lookup\?/, status: 404 },
  // Receiving an unknown barcode (404) or more than is open (409) is shown on the receive page.
  { url: /\/api\/v1\/purchase-orders\/[^/]+\/receive$/, status: 404 },
  { url: /\/api\/v1\/purchase-orders\/[^/]+\/receive$/, status: 409 },
  // A file with invalid lines is refused (400, listing them) and the imports page shows the rejects.
  { url: /\/api\/v1\/imports\/[\w-]+(\?|$)/, status: 400 },
  // A markdown the events API refuses (400 naming the field) is shown on the clearance form's input.
  { url: /\/api\/v1\/events$/, status: 400 },
];

function isExpected(message: ConsoleMessage): boolean {
  const text = message.text();
  const status = /status of (\d{3})/.exec(text)?.[1];
  if (!status) return false;
  const url = message.location().url;
  return EXPECTED_FAILURES.some((rule) => rule.url.test(url) && rule.status === Number(status));
}

/** Collects console errors and uncaught exceptions; tests assert the list is empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpected(message))
      errors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** One element (or the viewport) as a picture for the README (`readme-<name>.png`, copied to docs/screenshots). */
export async function picture(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOTS, `readme-${name}.png`) });
}

/** Goes to `url` and waits (up to 3 minutes: pages computed on demand, a loaded machine) for `testId` and a quiet network. */
export async function openPage(page: Page, url: string, testId: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId(testId).first().waitFor({ timeout: 180_000 });
  await page.waitForLoadState('networkidle');
}

type Credentials = { email: string; password: string };

/** Fills the login form and submits it; `timeout` bounds the wait for the form to appear. */
async function submitLogin(page: Page, base: string, credentials: Credentials, timeout?: number) {
  await page.goto(`${base}/login`);
  await page
    .locator('input[autocomplete="username"]')
    .fill(credentials.email, timeout === undefined ? {} : { timeout });
  await page.locator('input[autocomplete="current-password"]').fill(credentials.password);
  await page.locator('form button[type="submit"]').click();
}

export async function login(page: Page, base: string, credentials: Credentials): Promise<void> {
  await submitLogin(page, base, credentials);
  await page.getByTestId('stat-skus').waitFor({ timeout: 30_000 });
}

/**
 * Signs in and waits only for leaving the login page (up to 2 minutes): on a loaded machine the overview
 * `login` waits for can take longer than its 30 s, and pages tested directly do not need it.
 */
export async function loginPatiently(page: Page, base: string, credentials: Credentials): Promise<void> {
  await submitLogin(page, base, credentials, 120_000);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 120_000 });
}
