import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropFile, fixture, openTab, runAndSettle, settle, TINY_MODEL, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';

test('first visit: the default model is loaded with Run in view, and the result grows live beside the setup', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?threads=1');
  await expect(page.getByTestId('model-name')).toHaveText('ResNet (tiny)');
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('run')).toBeInViewport();
  // Setup on the left, the run and its result on the right.
  const picker = (await page.getByTestId('runtime-picker').boundingBox())!;
  const run = (await page.getByTestId('run').boundingBox())!;
  expect(run.x).toBeGreaterThan(picker.x + picker.width);

  await page.getByTestId('mode').selectOption('fixed');
  await page.getByTestId('warmup').fill('2');
  await page.getByTestId('iterations').fill('50000');
  await page.getByTestId('run').click();
  // Measured runs arrive while the run is in flight: the live charts and the elapsed time show them.
  await expect(page.getByTestId('live-histogram').getByRole('img')).toBeVisible();
  await expect(page.getByTestId('live-timeline').getByRole('img')).toBeVisible();
  await expect(page.getByTestId('elapsed')).toContainText(/this phase \d+\.\d s/);
  // Stop ends it at once (the notice sits beside the Stop button). Called through the page: on
  // a machine this loaded, a pointer click waits behind the renderer's frames.
  await page.evaluate(() => (document.querySelector('[data-testid=stop]') as HTMLButtonElement).click());
  await expect(page.getByTestId('notice')).toBeVisible({ timeout: 60_000 });

  // That first run used the worker that inspected the model, and says so: its runtime was
  // already started, so its session time leaves the start out.
  const first = await page.evaluate(() => window.benchtab.result);
  expect(first?.timings.runtimeStarted).toBe(true);
  await expect(page.getByTestId('runtime-started')).toBeVisible();
  // The next run gets a fresh worker, whose session time includes starting the runtime.
  await page.getByTestId('iterations').fill('5');
  const next = await runAndSettle(page);
  expect(next.state).toBe('done');
  expect(next.result!.timings.runtimeStarted).toBeUndefined();
  await expect(page.getByTestId('runtime-started')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('drop anywhere picks the runtime; a bad file clears the old model and disables Run; tabs work with arrows', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('model-name')).toHaveText('ResNet (tiny)');
  // Under TF.js, an .onnx dropped on the page is read by onnxruntime-web.
  await page.getByTestId('runtime-tfjs').check();
  await expect(page.getByTestId('runtime-model')).toBeVisible();
  await dropFile(page, TINY_MODEL);
  await expect(page.getByTestId('model-name')).toHaveText('model.onnx');
  await expect(page.getByTestId('runtime-ort')).toBeChecked();
  expect((await settle(page, ['idle'])).error).toBeNull();

  await dropFile(page, fixture('not-onnx.onnx'));
  await settle(page, ['error']);
  await expect(page.getByTestId('model-card')).toHaveCount(0);
  await expect(page.getByTestId('run')).toBeDisabled();

  const benchmarkTab = page.getByRole('tab', { name: 'Benchmark' });
  await benchmarkTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Sweep' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Sweep' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /^History/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('history')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(benchmarkTab).toHaveAttribute('aria-selected', 'true');
  await openTab(page, 'Compare');
  await expect(page.getByTestId('compare')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the first-number and shell-size benchmarks run on the production build and print their figures', async () => {
  test.setTimeout(240_000);
  // Figures are printed, never held to a time here (the machine is shared): the shape is checked.
  const port = String(Number(process.env.E2E_PORT ?? 4417) + 74);
  const firstNumber = execFileSync('npx', ['tsx', 'scripts/bench-first-number.ts', '1'], {
    encoding: 'utf8', env: { ...process.env, PORT: port }, timeout: 230_000,
  });
  expect(firstNumber).toMatch(/round 1 open: default model ready \d+ ms, Run → first latency \d+ ms, total \d+ ms \(fetch \d+ ms, session \d+ ms, first inference [\d.]+ ms/);
  expect(firstNumber).toMatch(/round 1 drop: .* model ready \d+ ms, Run → first latency \d+ ms, total \d+ ms/);
  // The second visit is served by the offline app the first one installed.
  expect(firstNumber).toMatch(/round 1 return: default model ready \d+ ms, Run → first latency \d+ ms, total \d+ ms .*served by the offline app: yes\)/);
  // The shell budget is a size, not a time: the script fails when it is over.
  const bundle = execFileSync('npx', ['tsx', 'scripts/bench-bundle.ts'], { encoding: 'utf8' });
  expect(bundle).toMatch(/KB gz {2}total: meets the 80 KB budget/);
});

test('a long first inference shows how long this model took here before, and the time left', async ({ page }) => {
  const errors = watchPageErrors(page);
  // This device's history holds an earlier run of the endless-loop model whose first inference
  // took 60 s: a run of the tiny model, saved, then copied in IndexedDB under the loop model's
  // sha256 (a first inference that never ends cannot be saved by running it).
  await page.goto(`/?model=${TINY_MODEL_URL}&iterations=3&warmup=0&run=1`);
  expect((await settle(page)).state).toBe('done');
  const loopSha = createHash('sha256').update(readFileSync('public/zoo/_fixtures/endless-loop.onnx')).digest('hex');
  await page.evaluate((sha256) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('benchtab-history');
    open.onsuccess = () => {
      const store = open.result.transaction('results', 'readwrite').objectStore('results');
      const all = store.getAll();
      all.onsuccess = () => {
        const { id: _id, ...record } = all.result[0];
        record.result = { ...record.result, model: { ...record.result.model, sha256 }, timings: { ...record.result.timings, firstMs: 60_000 } };
        store.add(record).onsuccess = () => resolve();
      };
      all.onerror = () => reject(all.error);
    };
  }), loopSha);

  await page.goto('/?model=/zoo/_fixtures/endless-loop.onnx&iterations=5&warmup=0&phaseLimit=120');
  await expect(page.getByRole('tab', { name: /^History/ })).toContainText('2');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('progress')).toContainText('First inference', { timeout: 60_000 });
  await expect(page.getByTestId('phase-estimate')).toHaveText("Estimated from this model's earlier run here: 60.0 s.");
  await expect(page.getByTestId('elapsed')).toContainText(/about [56]\d s left/);
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('notice')).toContainText('Stopped');
  expect(errors).toEqual([]);
});
