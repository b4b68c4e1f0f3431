import { expect, test } from '@playwright/test';
import { expectLoaded, openTab, setRuns, watchPageErrors } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('builtin-select').selectOption('resnet-tiny');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expectLoaded(page, 'ResNet (tiny)');
  await page.getByTestId('threads').fill('1');
  // 40 runs after 20 warmups: enough for the sweep's interleaved rounds on a ~1 ms model.
  await setRuns(page, 20, 40);
});

test('a sweep runs every point in its own worker and compares outputs with wasm', async ({ page }) => {
  // Two of the four points run on SwiftShader, a software GPU: allow for a slow, busy machine.
  test.setTimeout(360_000);
  const errors = watchPageErrors(page);
  // 20 runs a point: SwiftShader takes about a second a run of resnet-tiny on a busy machine.
  await setRuns(page, 5, 20);
  await openTab(page, 'Sweep');
  await page.getByTestId('sweep-threads').fill('1');
  // {wasm, webgpu} × 1 thread × batch 1 × fp32 = 2 points (the unit tests cover more points).
  await expect(page.getByTestId('sweep-start')).toHaveText('Run sweep (2 points)');
  await page.getByTestId('sweep-start').click();
  const table = page.getByTestId('sweep-table');
  // Every point is listed at once; the points then take turns until each has its runs.
  await expect(table.locator('tbody tr')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('sweep-start')).toBeEnabled({ timeout: 280_000 });
  await expect(table).toContainText('wasm/1t/b1/fp32');
  await expect(table).toContainText('webgpu/1t/b1/fp32');
  // Validity can reject a point (a sub-millisecond model drifts on a busy machine); its reason is
  // then shown instead of a speed-up. Pick a valid point as the baseline: it reads 1.00×, and
  // every other valid point gets a speed-up against it.
  const rows = table.locator('tbody tr');
  const texts = await rows.allTextContents();
  const baseline = texts.findIndex((text) => !text.includes('(invalid'));
  if (baseline >= 0) {
    await rows.nth(baseline).getByRole('radio').check();
    await expect(rows.nth(baseline)).toContainText('1.00×');
  } else {
    // Every point invalid (it happens on a loaded 2-core machine): no speed-up may be claimed.
    await expect(page.getByTestId('sweep')).toContainText('has no valid p50');
  }
  for (const [i, text] of texts.entries()) {
    const invalid = text.includes('(invalid');
    await expect(rows.nth(i)).toContainText(invalid ? /\(invalid: .+\)/ : baseline >= 0 ? /\d\.\d\d×|no difference measured/ : /–/);
    // Interleaved rounds give every other valid point's speed-up a 95% interval.
    if (!invalid && baseline >= 0 && i !== baseline) await expect(rows.nth(i)).toContainText(/\(\d+\.\d\d–\d+\.\d\d\)|too few rounds/);
  }
  const drift = page.getByTestId('drift-table');
  await expect(drift).toContainText('fp32');
  await expect(drift).toContainText('webgpu/1t');
  // The sweep's evidence reaches the checklist once there is a result.
  await openTab(page, 'Benchmark');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => window.benchtab.state === 'done');
  const items = await page.evaluate(() => Object.fromEntries(window.benchtab.result!.checklist.items.map((i) => [i.id, i.status])));
  expect(items.portability).toBe('pass');
  expect(['pass', 'fail']).toContain(items.accuracy);
  expect(errors).toEqual([]);
});

test('a concurrency run reports throughput per load level and a capacity', async ({ page }) => {
  const errors = watchPageErrors(page);
  await openTab(page, 'Load');
  await page.getByTestId('load-levels').fill('1, 2');
  await page.getByTestId('load-seconds').fill('1');
  await page.getByTestId('load-start').click();
  const table = page.getByTestId('load-table');
  await expect(table.locator('tbody tr')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('capacity')).toContainText(/p95|too few/);
  await expect(page.getByTestId('load-chart').locator('svg')).toBeVisible();
  const throughputs = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  for (const text of throughputs) expect(Number.parseFloat(text)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
