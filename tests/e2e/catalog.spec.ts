import { expect, test, type Page } from '@playwright/test';
import { runAndSettle, settle, setRuns, watchPageErrors } from './helpers.ts';

/**
 * Generated over the catalog: every built-in each picker offers, on each backend the form offers
 * for that runtime, runs to a result on its defaults, without touching a field. The cases are
 * read from the pickers themselves, so a new catalog entry cannot escape. Two measured runs and
 * no warmup each, all in one page. WebGPU here is SwiftShader (slow), so it runs once per
 * runtime, on that runtime's first model.
 *
 * `npm test` runs every onnxruntime-web built-in on wasm and checks what the other pickers list
 * (their runs are in runtimes-*.spec.ts); `CATALOG=full` runs the whole matrix (every model ×
 * every backend of every runtime: 8.8 minutes here, with the machine shared by eight jobs).
 */
const WEBGPU_ONCE = true;
const FULL = process.env.CATALOG === 'full';

async function optionsOf(page: Page, testId: string): Promise<{ value: string; label: string }[]> {
  return page.getByTestId(testId).locator('option').evaluateAll((options) =>
    options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent?.trim() ?? '' })));
}

async function backendsOffered(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="backend-"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

async function runEach(page: Page, runtime: string, load: (value: string) => Promise<void>, options: { value: string; label: string }[]) {
  const failures: string[] = [];
  for (const [index, option] of options.entries()) {
    await load(option.value);
    const loaded = await settle(page, ['idle', 'error']);
    if (loaded.error) {
      failures.push(`${runtime} · ${option.label}: loading failed: ${loaded.error}`);
      continue;
    }
    for (const backend of await backendsOffered(page)) {
      if (backend === 'webgpu' && (WEBGPU_ONCE && index > 0 || !FULL)) continue;
      await page.getByTestId(`backend-${backend}`).check();
      await setRuns(page, 0, 2);
      const outcome = await runAndSettle(page);
      // WebNN is offered everywhere and says so where the browser has none (Chromium on Linux).
      const saysUnavailable = backend === 'webnn' && outcome.state === 'error' && /WebNN is not available here/.test(outcome.error ?? '');
      if (outcome.state !== 'done' && !saysUnavailable) failures.push(`${runtime} · ${option.label} · ${backend}: ${outcome.error}`);
      else if (outcome.state === 'done') {
        expect(outcome.result!.backend).toBe(backend);
        expect(outcome.result!.stats.count).toBe(2);
      }
    }
  }
  return failures;
}

test('every built-in runs on its defaults on every runtime and backend offered', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = watchPageErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('builtin-select')).toBeVisible();
  const failures: string[] = [];
  let cases = 0;

  // The built-in list arrives after the page: wait for it, not for the empty select.
  await expect.poll(async () => (await optionsOf(page, 'builtin-select')).length).toBeGreaterThan(5);
  const ort = await optionsOf(page, 'builtin-select');
  expect(ort.length).toBeGreaterThan(5);
  failures.push(...await runEach(page, 'ort', async (value) => {
    await page.getByTestId('builtin-select').selectOption(value);
    await page.getByTestId('builtin-select').locator('xpath=ancestor::form').getByRole('button', { name: 'Load' }).click();
  }, ort));
  cases += ort.length;

  // Every other runtime the picker offers, with the built-ins it lists for it.
  const runtimes = await page.locator('[data-testid^="runtime-"][type="radio"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  for (const runtime of runtimes.filter((r) => r !== 'ort')) {
    await page.getByTestId(`runtime-${runtime}`).check();
    const picker = page.getByTestId('runtime-model');
    if (!(await picker.isVisible())) continue;
    const models = await optionsOf(page, 'runtime-model');
    if (runtime === 'transformers') expect(models.map((m) => m.label).join()).not.toMatch(/YOLO/);
    failures.push(...await runEach(page, runtime, async (value) => {
      await page.getByTestId('runtime-model').selectOption(value);
      await page.getByTestId('runtime-model-load').click();
    }, FULL ? models : []));
    cases += FULL ? models.length : 0;
  }
  expect(failures, `${failures.length} of ${cases} models failed`).toEqual([]);
  expect(errors).toEqual([]);
});
