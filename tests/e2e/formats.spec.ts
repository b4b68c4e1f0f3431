/**
 * The format corpus (models/corpus/rows.ts) in Chromium, cheaply: every row is dropped in one
 * page, then opened through the URL contract (?model=, a few pages at a time), and must end in
 * its outcome (runs, explains with a card, or errors with its class) with no page error; the
 * default model runs after each pass. Cards are decided on the page from the first bytes, so
 * only rows a runtime loads start a worker. TFLite also runs on WebGPU (SwiftShader).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CORPUS, type CorpusRow } from '../../models/corpus/rows.ts';
import { runState, setRuns, TINY_MODEL_URL, watchPageErrors, type RunState } from './helpers.ts';

const DEFAULT = { root: 'zoo/resnet-tiny', files: ['onnx/model.onnx'] };
const SETTLED = ['idle', 'done', 'error'];

/** Drops the row's files on the drop zone (read from the server into Files in the page) and waits for the outcome. */
async function drop(page: Page, row: Pick<CorpusRow, 'root' | 'files'>): Promise<RunState> {
  const seq = await page.evaluate(() => window.benchtab.format?.seq ?? 0);
  await page.evaluate(async ({ root, files }) => {
    const transfer = new DataTransfer();
    for (const path of files) transfer.items.add(new File([await (await fetch(`/${root}/${path}`)).arrayBuffer()], path));
    document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, row);
  await page.waitForFunction(({ seq, settled }) => (window.benchtab.format?.seq ?? 0) > seq && settled.includes(window.benchtab.state), { seq, settled: SETTLED }, { timeout: 60_000 });
  return runState(page);
}

function expectOutcome(row: CorpusRow, state: RunState, how: 'drop' | 'url'): void {
  const where = `${row.id} (${how})`;
  expect(state.format?.id, where).toBe(how === 'url' ? row.urlFormat ?? row.format : row.format);
  if (row.outcome === 'runs') {
    expect(state.error, where).toBeNull();
    expect(state.format?.outcome, where).toBe('runs');
  } else {
    expect(state.state, where).toBe('error');
    if (row.outcome === 'explains') expect(state.format?.outcome, where).toBe('explains');
    else expect(state.errorClass, where).toBe(row.errorClass);
  }
}

async function runDefault(page: Page): Promise<void> {
  await page.goto(`/?model=${TINY_MODEL_URL}&warmup=0&iterations=2&run=1`);
  await page.waitForFunction(() => ['done', 'error'].includes(window.benchtab?.state), null, { timeout: 60_000 });
  const state = await runState(page);
  expect(state.error).toBeNull();
  expect(state.result?.stats.count).toBe(2);
}

test('every corpus row, dropped: recognised, routed to its runtime or explained', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchPageErrors(page);
  await page.goto('/');
  for (const row of CORPUS) {
    const state = await drop(page, row);
    expectOutcome(row, state, 'drop');
    if (row.outcome === 'runs') await expect(page.getByTestId(`runtime-${row.runtime}`), row.id).toBeChecked();
    if (row.outcome === 'explains') await expect(page.getByTestId('format-card'), row.id).toHaveAttribute('data-format', row.format);
  }
  // The last row ran nothing; the app must still load and run a model.
  expect((await drop(page, DEFAULT)).error).toBeNull();
  await setRuns(page, 0, 2);
  await page.getByTestId('run').click();
  await page.waitForFunction(() => window.benchtab.state === 'done', null, { timeout: 60_000 });
  expect(errors).toEqual([]);
});

async function openByUrl(browser: Browser, rows: CorpusRow[], errors: string[]): Promise<void> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  for (const row of rows) {
    await page.goto(`/?model=${encodeURIComponent(`/${row.root}/${row.url ?? row.files[0]}`)}&warmup=0&iterations=2&run=1`);
    await page.waitForFunction(() => ['done', 'error'].includes(window.benchtab?.state), null, { timeout: 60_000 });
    const state = await runState(page);
    expectOutcome(row, state, 'url');
    if (row.outcome === 'runs') expect(state.result?.runtime, row.id).toBe(row.runtime);
  }
  await page.close();
}

test('every corpus row through the URL contract (?model=&run=1), then the default model', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const errors = watchPageErrors(page);
  // Three pages at a time: most rows only wait on a Range request.
  const lanes = [0, 1, 2].map((lane) => CORPUS.filter((_, i) => i % 3 === lane));
  await Promise.all(lanes.map((rows) => openByUrl(browser, rows, errors)));
  await runDefault(page);
  expect(errors).toEqual([]);
});

test('TFLite runs on WebGPU, and the result names the backend that ran', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/?model=/zoo/cnn-tflite/model.tflite&backend=webgpu&warmup=1&iterations=3&run=1');
  await page.waitForFunction(() => ['done', 'error'].includes(window.benchtab?.state), null, { timeout: 90_000 });
  const state = await runState(page);
  expect(state.error).toBeNull();
  expect(state.result).toMatchObject({ runtime: 'litert', backend: 'webgpu' });
  expect(state.result?.env.versions['@litertjs/core']).toMatch(/single-threaded/);
  expect(errors).toEqual([]);
});
