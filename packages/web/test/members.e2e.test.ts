import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot, watchConsole } from './support/browser';
import { REPO_ROOT } from './support/paths';
import type { RunningServer } from './support/server';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES } from './support/steps';

vi.setConfig({ testTimeout: 240_000 });

/**
 * Members by invitation in a real browser (docs/decisions.md: nobody joins an account unasked): the demo's owner
 * invites a user who already has an account of their own, that user accepts on their phone (390 px, in 简体中文),
 * and the owner then removes them through the confirm dialog. The API decides; these screens only ask it.
 */

const ANA = { email: 'ana@second-shop.example', password: 'ana-password-1' } as const;

/** A user with an account of their own, created through the CLI (handed to the running server). */
function createOtherAccountUser(server: RunningServer): void {
  const args = ['user', 'create', '--data', server.data, '--account', 'Second shop', '--json'];
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'bin', 'stockwise.js'), ...args, '--email', ANA.email, '--password', ANA.password],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`user create failed: ${result.stdout}\n${result.stderr}`);
}

async function signIn(page: Page, base: string, credentials: { email: string; password: string }) {
  await page.goto(`${base}/login`);
  await page.locator('input[autocomplete="username"]').fill(credentials.email);
  await page.locator('input[autocomplete="current-password"]').fill(credentials.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const accountsOf = (page: Page) =>
  page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { accounts: { name: string }[] };
    return me.accounts.map((a) => a.name).sort();
  });

describe.skipIf(!RUN_BROWSER_SUITES)('members: invite, accept, remove (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let ownerErrors: string[];
  let ana: Page;
  let anaErrors: string[];

  const session = useBrowserSession({ width: 1280, signIn: true });
  beforeAll(async () => {
    ({ server, browser, page: owner, errors: ownerErrors } = session);
    createOtherAccountUser(server);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    context.setDefaultNavigationTimeout(60_000);
    context.setDefaultTimeout(30_000);
    ana = await context.newPage();
    anaErrors = watchConsole(ana);
  }, 300_000);

  it('lets the owner invite an existing user, who is listed as pending and not yet a member', async () => {
    await owner.goto(`${server.url}/settings/users`);
    await owner.getByTestId('add-user').click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Email').fill(ANA.email);
    // The password is only used when the e-mail is new to Stockwise; Ana keeps her own.
    await dialog.getByLabel('Initial password').fill('not-anas-password');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'hidden' });
    const pending = owner.getByTestId('invitations-table');
    await expect.poll(() => pending.textContent()).toContain(ANA.email);
    expect(await owner.getByTestId('users-table').textContent()).not.toContain(ANA.email);
    expect(await seriousViolations(owner)).toEqual([]);
    await screenshot(owner, 'settings-users-pending');
  });

  it('lets the invited user accept on a 390 px phone in 简体中文, joining the account', async () => {
    await signIn(ana, server.url, ANA);
    await ana.evaluate(() =>
      fetch('/api/v1/auth/locale', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ locale: 'zh-CN' }),
      }),
    );
    await ana.goto(`${server.url}/settings/users`);
    const invitation = ana.getByTestId('my-invitation');
    await expect.poll(() => invitation.textContent()).toContain('邀请您');
    expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(ana)).toEqual([]);
    await screenshot(ana, 'settings-users-invitation-390-zh-CN');
    expect(await accountsOf(ana)).toEqual(['Second shop']);
    await invitation.getByTestId('accept-invitation').click();
    await invitation.waitFor({ state: 'detached' });
    expect((await accountsOf(ana)).length).toBe(2);
  });

  it('lets the owner remove the member after confirming, which ends their access', async () => {
    await owner.reload();
    const members = owner.getByTestId('users-table');
    await expect.poll(() => members.textContent()).toContain(ANA.email);
    expect(await owner.getByTestId('invitations-table').count()).toBe(0);
    await owner.getByRole('button', { name: `Remove ${ANA.email}` }).click();
    const dialog = owner.getByRole('dialog');
    expect(await dialog.textContent()).toContain(ANA.email);
    // Axe reads colours as drawn: let the dialog's fade-in finish, or its buttons read half-transparent.
    await owner.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    expect(await seriousViolations(owner)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => members.textContent()).not.toContain(ANA.email);
    expect(await accountsOf(ana)).toEqual(['Second shop']);
    expect(ownerErrors).toEqual([]);
    expect(anaErrors).toEqual([]);
  });
});
