import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropFile, expectLoaded, runAndSettle, runState, setRuns, TINY_MODEL, watchPageErrors } from './helpers.ts';

test('the page is cross-origin isolated (WASM threads, 5 µs timers)', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('coi')).toHaveText('true');
});

test('drop a model, see its signature and sha256, and get a result on wasm', async ({ page }) => {
  const errors = watchPageErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  await dropFile(page, TINY_MODEL, 'dropped.onnx');
  await expectLoaded(page, 'dropped.onnx');

  const sha256 = createHash('sha256').update(readFileSync(TINY_MODEL)).digest('hex');
  await expect(page.getByTestId('model-sha256')).toHaveText(sha256);
  await expect(page.getByTestId('model-card')).toContainText('pixel_values');
  await expect(page.getByTestId('model-card')).toContainText('[batch, 3, 64, 64]');
  await expect(page.getByTestId('dim-batch')).toHaveValue('1');

  await page.getByTestId('threads').fill('1');
  await setRuns(page, 2, 15);
  const automation = await runAndSettle(page);
  expect(automation.state).toBe('done');
  const result = automation.result!;
  expect(result.runtime).toBe('ort');
  expect(result.backend).toBe('wasm');
  expect(result.model).toMatchObject({ name: 'dropped.onnx', sha256, source: 'file', synthetic: false });
  expect(result.config).toMatchObject({ backend: 'wasm', warmup: 2, iterations: 15, threads: 1 });
  expect(result.timings.samplesMs).toHaveLength(15);
  expect(result.timings.warmupMs).toHaveLength(2);
  for (const key of ['fetchMs', 'initMs', 'firstMs'] as const) expect(result.timings[key]).toBeGreaterThan(0);
  // Inspection started onnxruntime with the default 2 threads; a 1-thread run needs a fresh worker.
  expect(result.timings.runtimeStarted).toBeUndefined();
  expect(result.stats.count).toBe(15);
  expect(result.stats.min).toBeLessThanOrEqual(result.stats.p50);
  expect(result.stats.p50).toBeLessThanOrEqual(result.stats.p95);
  expect(result.stats.p99).toBeLessThanOrEqual(result.stats.max);
  expect(result.env.crossOriginIsolated).toBe(true);
  expect(result.env.versions['onnxruntime-web']).toMatch(/^1\.\d+/);
  expect(Date.parse(result.startedAt)).not.toBeNaN();

  await expect(page.getByTestId('ran-backend')).toHaveText('ort · wasm');
  for (const chart of ['histogram', 'ecdf', 'timeline']) {
    await expect(page.getByTestId(chart).locator('svg').first()).toBeVisible();
  }
  // A dropped file never leaves the machine: every request stays on this origin.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the built-in model runs from the automation URL and is labelled synthetic', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/?model=/zoo/resnet-tiny/onnx/model.onnx&runtime=ort&backend=wasm&warmup=1&iterations=10&threads=2&run=1');
  await page.waitForFunction(() => window.benchtab?.state === 'done' || window.benchtab?.state === 'error', null, { timeout: 90_000 });
  const automation = await runState(page);
  expect(automation.error).toBeNull();
  expect(automation.result).toMatchObject({ backend: 'wasm', config: { threads: 2, iterations: 10 }, model: { synthetic: true, source: 'builtin' } });
  await expect(page.getByTestId('synthetic-badge')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Stop ends a long run at once and the next run works', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/?model=/zoo/resnet-tiny/onnx/model.onnx');
  await page.getByTestId('builtin-select').waitFor();
  await expect(page.getByTestId('model-card')).toBeVisible();
  await setRuns(page, 0, 100000);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('progress')).toContainText('Measured runs');
  await page.getByTestId('stop').click();
  await expect(page.getByRole('status').filter({ hasText: 'Stopped' })).toBeVisible({ timeout: 2_000 });
  // Stop keeps what was measured: a result marked stopped early, never a pass it did not earn.
  const stopped = await page.evaluate(() => window.benchtab);
  expect(stopped.state).toBe('done');
  expect((stopped.result as { stopReason?: string } | null)?.stopReason).toBe('stopped-early');

  await setRuns(page, 1, 5);
  const automation = await runAndSettle(page);
  expect(automation.state).toBe('done');
  expect(automation.result!.stats.count).toBe(5);
  expect(errors).toEqual([]);
});
