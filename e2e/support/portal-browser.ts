import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium, headless, with everything that dials out on its own switched off. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Every network request a browser context makes, by origin (`data:` and `blob:` URLs never leave the page). */
export function recordOrigins(context: BrowserContext): Set<string> {
  const origins = new Set<string>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:') origins.add(url.origin);
  });
  return origins;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `portal-${name}.png`), fullPage: true });
}

/** Pastes the key and logs in; resolves once the page shows the logged-in state. */
export async function logIn(page: Page, portalUrl: string, key: string): Promise<void> {
  await page.goto(portalUrl);
  await page.getByTestId('api-key-input').fill(key);
  await page.getByTestId('login-button').click();
  await page.getByTestId('logout-button').waitFor();
}

/** The little of the page's DOM these helpers read (the e2e project is type-checked without the DOM library). */
interface PageDom {
  document: {
    querySelector(selector: string): { textContent: string | null; complete?: boolean; naturalWidth?: number } | null;
    querySelectorAll(selector: string): ArrayLike<PageControl>;
  };
}
interface PageControl {
  outerHTML: string;
  labels?: ArrayLike<unknown> | null;
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/**
 * Waits until the element with `testId` shows `wanted`. The predicates are functions, never
 * source strings: the portal's CSP forbids eval, and string predicates would need it.
 */
export function waitForTestIdText(page: Page, testId: string, wanted: string | RegExp, timeout = 30_000) {
  const args = {
    selector: `[data-testid="${testId}"]`,
    text: typeof wanted === 'string' ? wanted : null,
    source: typeof wanted === 'string' ? '' : wanted.source,
    flags: typeof wanted === 'string' ? '' : wanted.flags,
  };
  return page.waitForFunction(
    ({ selector, text, source, flags }) => {
      const shown = (globalThis as unknown as PageDom).document.querySelector(selector)?.textContent ?? '';
      return text !== null ? shown.includes(text) : new RegExp(source, flags).test(shown);
    },
    args,
    { timeout },
  );
}

/** Waits until the first `<img>` matching `selector` has loaded, and returns its natural width. */
export async function loadedImageWidth(page: Page, selector: string): Promise<number> {
  const width = await page.waitForFunction((sel) => {
    const img = (globalThis as unknown as PageDom).document.querySelector(sel);
    return img?.complete && img.naturalWidth ? img.naturalWidth : 0;
  }, selector);
  return (await width.jsonValue()) as number;
}

/** The controls of the page that have no accessible name (no label, aria-label or text), as HTML. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = (globalThis as unknown as PageDom).document.querySelectorAll('input, select, textarea, button');
    return Array.from(controls)
      .filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.textContent?.trim()))
      .map((c) => c.outerHTML);
  });
}
