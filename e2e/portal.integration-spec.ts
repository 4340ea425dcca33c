import { platformSuite, TEST_ADMIN_TOKEN } from '@mp/testing';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchChromium,
  loadedImageWidth,
  logIn,
  recordOrigins,
  screenshot,
  unlabelledControls,
  waitForTestIdText,
} from './support/portal-browser';

const MESSAGES = {
  s3KeyOnAi:
    'You are logged in with an S3 Storage key. Please login with an AI Image API key (kikaku_xxx) to access this feature.',
  aiKeyOnS3:
    'You are logged in with an AI Image key. Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.',
  noFeatures:
    'You do not currently have any active features or valid keys assigned to your account. Please contact an administrator.',
};
const UI_TIMEOUT_MS = 30_000;

/**
 * Seed 002's customer portal in a real browser (Debian's chromium through playwright-core)
 * against the built gateway and services: every request of the page must go to the gateway, or
 * to the store's public endpoint for the presigned image URLs, nowhere else.
 */
describe('customer portal in a browser (seed 002, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'generation-broker', 'files', 'gateway'],
    env: {
      GENERATION_RATE_LIMIT: '1000',
      S3_PROXY_RATE_LIMIT: '1000',
      S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64'),
    },
    teams: { 'portal-a': ['kikaku', 'kikaku_s3'], 'portal-none': ['cdt'] },
  });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origins: Set<string>;
  const portalUrl = () => `${suite.gatewayUrl}/portal/`;
  const keys = () => suite.team('portal-a').keys;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    origins = recordOrigins(context);
  });
  beforeEach(async () => {
    // A tab of its own per test: sessionStorage is per tab, so no login carries over.
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
  });
  afterEach(async () => {
    await page?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const text = (testId: string) => page.getByTestId(testId).innerText();
  const waitForText = (testId: string, wanted: string | RegExp) => waitForTestIdText(page, testId, wanted);
  const logOut = async () => {
    await page.getByTestId('logout-button').click();
    await page.getByTestId('api-key-input').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  };

  it('is served with strict headers: CSP without inline scripts or third parties, immutable hashed assets', async () => {
    const index = await fetch(portalUrl());
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /<script type="module" crossorigin src="(\/portal\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = await fetch(`${suite.gatewayUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const page404 = await fetch(`${suite.gatewayUrl}/portal/assets/missing-12345678.js`);
    expect([page404.status, page404.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    const deep = await fetch(`${suite.gatewayUrl}/portal/s3/files`);
    expect([deep.status, await deep.text()]).toEqual([200, html]);
    const post = await fetch(`${suite.gatewayUrl}/portal/v1/usage`, { method: 'POST', body: '{}' });
    expect([post.status, post.headers.get('content-type')]).toEqual([405, 'text/html; charset=utf-8']);
    const bare = await fetch(`${suite.gatewayUrl}/portal`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/portal/']);
  });

  it('an AI Image key: usage, generate an image and see it, then in the gallery and the logs; the S3 tab refuses', async () => {
    await logIn(page, portalUrl(), keys().kikaku!.key!);
    expect(page.url()).not.toContain(keys().kikaku!.key!);
    expect(await page.evaluate('[localStorage.length, document.cookie, sessionStorage.length]')).toEqual([0, '', 1]);
    await waitForText('quota-limit', '1000');
    expect(await text('quota-used')).toBe('0');
    expect(await text('quota-remaining')).toBe('1000');
    expect(await text('success-rate')).toBe('-');

    await page.getByTestId('generate-model').selectOption('seedream-4.5');
    await page.getByTestId('generate-prompt').fill('A magical forest with glowing mushrooms');
    await page.getByTestId('generate-size').fill('2K');
    await page.getByTestId('generate-button').click();
    const generated = page.getByTestId('generated-image').first();
    await generated.waitFor({ timeout: 120_000 });
    expect(await loadedImageWidth(page, '[data-testid="generated-image"]')).toBe(2048);
    expect(await page.locator('.results figcaption').first().innerText()).toBe('2048x2048');
    await waitForText('quota-used', /^1$/);
    expect(await text('quota-remaining')).toBe('999');

    expect(await loadedImageWidth(page, '[data-testid="gallery"] img')).toBe(2048);
    expect(await page.getByTestId('gallery').locator('img').first().getAttribute('alt')).toBe(
      'A magical forest with glowing mushrooms',
    );

    await page.getByTestId('logs-table').getByText('Click "Filter" to load logs').waitFor();
    await page.getByTestId('logs-filter-button').click();
    const logRow = page.getByTestId('logs-table').locator('tbody tr[data-status="success"]').first();
    await logRow.waitFor();
    expect(await logRow.locator('td').nth(1).innerText()).toBe('seedream-4.5');
    await waitForText('success-rate', '100%');
    expect(await text('avg-response')).toMatch(/^\d+ ms$/);

    // A refused request is logged with its error.
    await page.getByTestId('generate-size').fill('1024x1024');
    await page.getByTestId('generate-button').click();
    await page.getByRole('alert').filter({ hasText: 'Total pixels 1048576' }).waitFor();
    // A request the API refuses (a "PNG" reference that is not one) shows its message and is logged with it.
    await page.getByTestId('generate-size').fill('2K');
    await page.getByLabel('Reference image (optional)').setInputFiles({
      name: 'fake.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is not a picture'),
    });
    await page.getByTestId('generate-button').click();
    const refused = page.getByRole('alert').filter({ hasText: 'image' });
    await refused.waitFor();
    const refusal = await refused.innerText();
    await page.getByTestId('logs-filter-button').click();
    const failedRow = page.getByTestId('logs-table').locator('tbody tr[data-status="failed"]').first();
    await failedRow.waitFor();
    expect(await failedRow.locator('td').nth(5).innerText()).toBe(refusal);
    await waitForText('success-rate', '50%');
    await screenshot(page, 'ai-image');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'ai-image-375px');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(
      0,
    );
    await page.setViewportSize({ width: 1440, height: 900 });

    // The tabs work from the keyboard: arrow right moves to the S3 section.
    await page.getByTestId('tab-ai').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('tab-s3').getAttribute('aria-selected')).toBe('true');
    await waitForText('portal-message', MESSAGES.aiKeyOnS3);
    expect(await text('portal-message')).toBe(MESSAGES.aiKeyOnS3);
    await screenshot(page, 'ai-key-on-s3');
    await logOut();
  });

  it('an S3 Storage key: upload two files, sizes and usage, download one (same bytes), delete one, quota refusal', async () => {
    await logIn(page, portalUrl(), keys().kikaku_s3!.key!);
    await waitForText('storage-used', '0 B');
    expect(await text('storage-limit')).toBe('1 GB');
    const first = Buffer.alloc(1536, 'a');
    const second = Buffer.from(Array.from({ length: 3072 }, (_, i) => i % 251));
    await page.getByTestId('file-input').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: first },
      { name: 'data.bin', mimeType: 'application/octet-stream', buffer: second },
    ]);
    const row = (key: string) => page.locator(`[data-testid="files-table"] tr[data-key="${key}"]`);
    await row('notes.txt').waitFor();
    await row('data.bin').waitFor();
    expect(await row('notes.txt').locator('td').nth(1).innerText()).toBe('1.5 KB');
    expect(await row('data.bin').locator('td').nth(1).innerText()).toBe('3 KB');
    await waitForText('storage-used', '4.5 KB');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row('data.bin').getByRole('button', { name: 'Download data.bin' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('data.bin');
    expect(readFileSync((await download.path())!)).toEqual(second);

    page.once('dialog', (dialog) => void dialog.accept());
    await row('notes.txt').getByTestId('file-delete').click();
    await row('notes.txt').waitFor({ state: 'detached' });
    await waitForText('storage-used', /^3 KB$/);

    await screenshot(page, 's3-storage');
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 's3-storage-375px');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });

    const keyId = keys().kikaku_s3!.id;
    const quota = await fetch(
      `${suite.gatewayUrl}/admin/v1/teams/${suite.team('portal-a').teamId}/api-keys/${keyId}/storage-quota`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ limit_bytes: 4096 }),
      },
    );
    expect(quota.status).toBe(200);
    await page.reload();
    await waitForText('storage-limit', '4 KB');
    await page
      .getByTestId('file-input')
      .setInputFiles([{ name: 'too-big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(8192, 1) }]);
    const refusal = page.getByRole('alert').filter({ hasText: 'Storage quota exceeded' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^Storage quota exceeded: the upload needs more than/);
    expect(await page.locator('[data-testid="files-table"] tr[data-key="too-big.bin"]').count()).toBe(0);

    await screenshot(page, 's3-quota-refusal');

    // The credentials block: the key's five values, the secret masked until revealed, the snippets filled in.
    const expected = (await (
      await fetch(`${suite.gatewayUrl}/s3/credentials`, {
        headers: { authorization: `Bearer ${keys().kikaku_s3!.key!}` },
      })
    ).json()) as Record<'endpoint' | 'region' | 'bucket' | 'access_key_id' | 'secret_access_key', string>;
    const block = page.getByTestId('s3-credentials');
    await block.getByText(expected.access_key_id, { exact: true }).waitFor();
    const masked = await block.innerText();
    for (const value of [expected.endpoint, expected.region, expected.bucket]) expect(masked).toContain(value);
    expect(masked).toContain(`aws s3 ls s3://${expected.bucket} --endpoint-url ${expected.endpoint}`);
    expect(masked).not.toContain(expected.secret_access_key);
    await block.getByRole('button', { name: 'Reveal secret' }).click();
    expect(await block.innerText()).toContain(`aws configure set aws_secret_access_key ${expected.secret_access_key}`);
    await screenshot(page, 's3-credentials');
    expect(await unlabelledControls(page)).toEqual([]);

    await page.getByTestId('tab-ai').click();
    await waitForText('portal-message', MESSAGES.s3KeyOnAi);
    await screenshot(page, 's3-key-on-ai');
    await logOut();
  });

  it('a key with no AI Image or S3 feature gets the seed’s message', async () => {
    const cdt = suite.team('portal-none').keys.cdt!;
    await logIn(page, portalUrl(), cdt.key ?? cdt.app_key!);
    await waitForText('portal-message', MESSAGES.noFeatures);
    expect(await page.getByTestId('tab-ai').count()).toBe(0);
    await screenshot(page, 'no-features');
    await logOut();
  });

  it('no request of the page went anywhere but the gateway and the store’s public endpoint', () => {
    const allowed = [new URL(suite.gatewayUrl).origin, new URL(suite.infra.env.S3_PUBLIC_ENDPOINT!).origin];
    expect(origins.size).toBeGreaterThan(0);
    expect([...origins].filter((origin) => !allowed.includes(origin))).toEqual([]);
  });
});
