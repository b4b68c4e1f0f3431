import { expect, test, type Page } from '@playwright/test';
import { mulberry32 } from '../../src/core/rng.ts';
import { decodeResult, encodeResult } from '../../src/core/share/link.ts';
import { openTab, runAndSettle, runState, settle, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';

const RUN = `/?model=${TINY_MODEL_URL}&threads=1&warmup=2&iterations=30&run=1`;

async function finishedRun(page: Page, url = RUN) {
  await page.goto(url);
  const state = await settle(page);
  expect(state.error).toBeNull();
  await openTab(page, 'History');
  await expect(page.getByTestId('history-list')).toBeVisible();
  await openTab(page, 'Benchmark');
  return runState(page);
}

test('a finished run has a share link that opens the same result in a fresh browser', async ({ page, browser }) => {
  const { result, shareUrl } = await finishedRun(page);
  expect(shareUrl).toMatch(/#r=[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+$/);
  expect(shareUrl!.length).toBeLessThan(2000);
  await expect(page.getByTestId('share-url')).toHaveValue(shareUrl!);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchPageErrors(other);
  await other.goto(shareUrl!);
  await other.waitForFunction(() => window.benchtab?.state === 'done');
  const opened = await other.evaluate(() => window.benchtab.result as { stats: Record<string, number>; model: { sha256: string } });
  // Shared figures are rounded to 1 µs.
  for (const key of ['count', 'min', 'max', 'mean', 'p50', 'p90', 'p95', 'p99'] as const) {
    expect(opened.stats[key]).toBeCloseTo(result!.stats[key], 3);
  }
  expect(opened.model.sha256).toBe(result!.model.sha256);
  await expect(other.getByTestId('shared-view')).toBeVisible();
  await expect(other.getByTestId('shared-p50')).toHaveText(await page.getByTestId('p50').textContent() ?? '');
  await expect(other.getByTestId('shared-ecdf').locator('svg')).toBeVisible();

  // Run it here too, then both stand side by side.
  await other.getByTestId('rerun').click();
  await expect(other.getByTestId('compare-table').locator('tbody tr')).toHaveCount(2, { timeout: 60_000 });
  await expect(other.getByTestId('compare-ecdf').getByRole('img', { name: /ECDFs overlaid/ })).toBeVisible();
  expect(errors).toEqual([]);
  await fresh.close();
});

test('history survives a reload, and two saved results compare side by side', async ({ page }) => {
  const errors = watchPageErrors(page);
  await finishedRun(page);
  await page.getByTestId('threads').fill('2');
  expect((await runAndSettle(page)).state).toBe('done');
  await page.goto('/');
  await openTab(page, 'History');
  const items = page.getByTestId('history-list').locator('li');
  await expect(items).toHaveCount(2);

  await items.nth(0).getByRole('button', { name: 'Rename' }).click();
  await page.getByTestId('rename-input').fill('two threads <b>bold</b>');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(items.nth(0).getByTestId('history-name')).toHaveText('two threads <b>bold</b>');

  await items.nth(0).getByRole('button', { name: 'Compare' }).click();
  await items.nth(1).getByRole('button', { name: 'Compare' }).click();
  await openTab(page, 'Compare');
  const rows = page.getByTestId('compare-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('×');
  await expect(page.getByTestId('compare-ecdf').getByRole('img', { name: /ECDFs overlaid/ })).toBeVisible();

  await openTab(page, 'History');
  await items.nth(1).getByRole('button', { name: /Delete/ }).click();
  await expect(items).toHaveCount(1);
  expect(errors).toEqual([]);
});

/** Deterministic damage to a valid fragment: each kind breaks a different layer. */
function mutate(fragment: string, i: number): string {
  const random = mulberry32(i + 1);
  const body = fragment.slice(3);
  const at = Math.floor(random() * body.length);
  switch (i % 5) {
    case 0: return `#r=${body.slice(0, at)}`; // truncated deflate stream
    case 1: return `#r=${body.slice(0, at)}!*${body.slice(at)}`; // not base64url
    case 2: return `#r=${body.slice(0, at)}${'A'.repeat(8)}${body.slice(at + 8)}`; // corrupted deflate
    case 3: return `#r=${Buffer.from(JSON.stringify({ __proto__: { polluted: i }, format: 'x' })).toString('base64url')}`; // not deflate
    default: return `#r=${'_'.repeat(1 + at)}`;
  }
}

// 50 here (ten of each kind of damage); tests/unit/share/hostile.test.ts decodes hundreds more in Node.
test('50 damaged links each end in a clear error, with no page error', async ({ page }) => {
  const { shareUrl } = await finishedRun(page);
  const fragment = new URL(shareUrl!).hash;
  expect((await decodeResult(fragment)).ok).toBe(true);
  const errors = watchPageErrors(page);
  for (let i = 0; i < 50; i++) {
    await page.evaluate((hash) => { location.hash = hash; }, mutate(fragment, i));
    await page.waitForFunction(() => window.benchtab.state === 'error');
    const error = await page.evaluate(() => window.benchtab.error);
    expect(error, `mutation ${i}`).toMatch(/\w{4,}/);
    await page.evaluate((hash) => { location.hash = hash; }, fragment);
    await page.waitForFunction(() => window.benchtab.state === 'done');
  }
  await expect(page.getByTestId('shared-view')).toBeVisible();
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('markup in a shared result is shown as text, never run', async ({ page }) => {
  const { shareUrl } = await finishedRun(page);
  const decoded = await decodeResult(new URL(shareUrl!).hash);
  if (!decoded.ok) throw new Error(decoded.error);
  const hostile = { ...decoded.result, model: { ...decoded.result.model, name: '<img src=x onerror="window.pwned=1">' } };
  await page.goto(`/${await encodeResult(hostile)}`);
  await page.waitForFunction(() => window.benchtab?.state === 'done');
  await expect(page.getByTestId('shared-model')).toContainText('<img src=x onerror="window.pwned=1">');
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
});
