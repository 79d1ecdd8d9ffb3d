import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { DEMO } from './support/server';
import { untranslatedWords } from './support/visible-text';
import { useBrowserSession } from './support/session';
import { CHINESE, RUN_BROWSER_SUITES, chooseLanguage, settle, signedInPhone } from './support/steps';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * Language switching in the browser: after choosing 简体中文 or 繁體中文 no English UI text may be
 * left on any page, on a desktop and on a 390 px phone, and the choice is remembered per user.
 */

// /profit computes its report on demand (seconds on a loaded machine): commerce.e2e.test.ts checks its languages.
const PAGES = [
  '/',
  '/inventory',
  '/products/APP-0001-SMA',
  '/lookup',
  '/restock',
  '/purchase-orders',
  '/alerts',
  '/health',
  '/jobs',
  '/settings/locations',
  '/settings/users',
  '/settings/tokens',
  '/suppliers',
  '/orders/orders',
  '/orders/channels',
  '/orders/imports',
  '/settings/fees',
  '/settings/notifications',
];

// Characters only in one of the two scripts, to tell them apart on screen.
const SIMPLIFIED_ONLY = /[库览设账户语补货条码]/;
const TRADITIONAL_ONLY = /[庫覽設帳戶語補貨條碼]/;

async function settleLazy(page: Page, path: string, base: string): Promise<void> {
  await settle(page, `${base}${path}`);
  // Lazy panels (forecast chart, ledger) render after their data arrives.
  await page.waitForTimeout(150);
}

describe.skipIf(!RUN_BROWSER_SUITES)('languages (browser)', () => {
  const session = useBrowserSession({ signIn: true });

  for (const [label, locale, script] of [
    ['简体中文', 'zh-CN', SIMPLIFIED_ONLY],
    ['繁體中文', 'zh-TW', TRADITIONAL_ONLY],
  ] as const) {
    it(`switches to ${label}: no English left on any page at 1280 px`, async () => {
      await settleLazy(session.page, '/', session.server.url);
      await chooseLanguage(session.page, label);
      await expect.poll(() => session.page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const leftovers: Record<string, string[]> = {};
      for (const path of PAGES) {
        await settleLazy(session.page, path, session.server.url);
        expect(await session.page.locator('body').innerText()).toMatch(script);
        const words = await untranslatedWords(session.page);
        if (words.length) leftovers[path] = words;
      }
      expect(leftovers).toEqual({});
      await settleLazy(session.page, '/', session.server.url);
      await screenshot(session.page, `overview-${locale}`);
      await settleLazy(session.page, '/products/APP-0001-SMA', session.server.url);
      await screenshot(session.page, `sku-detail-${locale}`);
    });

    it(`${label} formats numbers and dates for the locale and keeps axe-core clean`, async () => {
      await settleLazy(session.page, '/products/APP-0001-SMA', session.server.url);
      const text = await session.page.locator('main').innerText();
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await seriousViolations(session.page)).toEqual([]);
      await settleLazy(session.page, '/inventory', session.server.url);
      expect(await seriousViolations(session.page)).toEqual([]);
    });
  }

  it('has no English at a 390 px phone width either, with the navigation behind a burger', async () => {
    const { context, phone, phoneErrors } = await signedInPhone(session.browser, session.server.url, DEMO);
    // The server remembered 繁體中文 from the previous test: this fresh browser adopts it.
    await expect.poll(() => phone.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    const nav = phone.locator('#app-nav');
    const burger = phone.getByRole('button', { name: '開啟選單' });
    // A collapsed Mantine navbar is translated off-screen rather than hidden.
    const offscreen = () =>
      nav.evaluate((el) => el.getBoundingClientRect().right <= 0 || !(el as HTMLElement).checkVisibility());
    expect(await offscreen()).toBe(true);
    expect(await burger.isVisible()).toBe(true);
    await burger.click();
    await nav.getByRole('link', { name: '庫存', exact: true }).click();
    await phone.waitForURL(/\/inventory$/);
    await expect.poll(offscreen).toBe(true);

    for (const [label, locale] of CHINESE) {
      await chooseLanguage(phone, label);
      const leftovers: Record<string, string[]> = {};
      for (const path of PAGES) {
        await settleLazy(phone, path, session.server.url);
        const words = await untranslatedWords(phone);
        if (words.length) leftovers[path] = words;
        // Nothing may force the phone to scroll sideways (wide tables scroll inside their own box).
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      expect(leftovers).toEqual({});
      await settleLazy(phone, '/', session.server.url);
      await screenshot(phone, `overview-390-${locale}`);
      await settleLazy(phone, '/inventory', session.server.url);
      await screenshot(phone, `inventory-390-${locale}`);
    }
    expect(await seriousViolations(phone)).toEqual([]);
    expect(phoneErrors).toEqual([]);
    await context.close();
  });

  it('remembers the choice per user: it survives a reload and is stored on the server', async () => {
    await settleLazy(session.page, '/', session.server.url);
    await chooseLanguage(session.page, '简体中文');
    await session.page.reload();
    await session.page.locator('main h1').first().waitFor();
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const me = await session.page.evaluate(
      async () => (await fetch('/api/v1/auth/me')).json() as Promise<{ user: { locale: string } }>,
    );
    expect(me.user.locale).toBe('zh-CN');
    await chooseLanguage(session.page, 'English');
    await expect.poll(() => session.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => session.page.locator('main h1').first().textContent()).toBe('Overview');
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
