/**
 * The format corpus (models/corpus/rows.ts) in Chromium, cheaply: every row is dropped in one
 * page, then opened through the URL contract (?model=, a few pages at a time), and must end in
 * its outcome (runs, explains with a card, or errors with its class) with no page error; then the
 * default model runs. Cards are decided on the page from the first bytes, so only rows a runtime
 * loads start a worker. TFLite runs on wasm (URL pass) and on WebGPU (SwiftShader).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CORPUS, type CorpusRow } from '../../models/corpus/rows.ts';
import { runState, setRuns, watchPageErrors, type RunState } from './helpers.ts';

const DEFAULT = { root: 'zoo/resnet-tiny', files: ['onnx/model.onnx'] };
const SETTLED = ['idle', 'done', 'error'];

/**
 * Drops the row's files (read from the server into Files in the page) on `target`, the drop zone
 * or any other part of the window, and waits for the outcome.
 */
async function drop(page: Page, row: Pick<CorpusRow, 'root' | 'files'>, target = '[data-testid="dropzone"]'): Promise<RunState> {
  const seq = await page.evaluate(() => window.benchtab.format?.seq ?? 0);
  await page.evaluate(async ({ root, files, target }) => {
    const transfer = new DataTransfer();
    for (const path of files) transfer.items.add(new File([await (await fetch(`/${root}/${path}`)).arrayBuffer()], path));
    document.querySelector(target)!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { ...row, target });
  await page.waitForFunction(({ seq, settled }) => (window.benchtab.format?.seq ?? 0) > seq && settled.includes(window.benchtab.state), { seq, settled: SETTLED }, { timeout: 120_000 });
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

test('every corpus row, dropped: recognised, routed to its runtime or explained', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchPageErrors(page);
  await page.goto('/');
  for (const row of CORPUS) {
    const state = await drop(page, row);
    expectOutcome(row, state, 'drop');
    if (row.outcome === 'runs') await expect(page.getByTestId(`runtime-${row.runtime}`), row.id).toBeChecked();
    if (row.outcome === 'explains') await expect(page.getByTestId('format-card'), row.id).toHaveAttribute('data-format', row.format);
  }
  // The app must still load and run a model, dropped this time on the page header (a drop anywhere).
  expect((await drop(page, DEFAULT, 'header')).error).toBeNull();
  await setRuns(page, 0, 2);
  await page.getByTestId('run').click();
  await page.waitForFunction(() => window.benchtab.state === 'done', null, { timeout: 120_000 });
  expect(errors).toEqual([]);
});

/**
 * Through ?model=: the rows a runtime loads only inspect (the drop pass loads them too), except
 * the TFLite model, which runs (run=1) on wasm here and on WebGPU below.
 */
async function openByUrl(browser: Browser, rows: CorpusRow[], errors: string[]): Promise<void> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  for (const row of rows) {
    const run = row.runtime === 'litert' ? '&warmup=0&iterations=2&run=1' : '';
    await page.goto(`/?model=${encodeURIComponent(`/${row.root}/${row.url ?? row.files[0]}`)}${run}`);
    await page.waitForFunction((settled) => window.benchtab?.format && settled.includes(window.benchtab.state) || window.benchtab?.state === 'error',
      run ? ['done'] : SETTLED, { timeout: 120_000 });
    const state = await runState(page);
    expectOutcome(row, state, 'url');
    if (run) expect(state.result).toMatchObject({ runtime: 'litert', backend: 'wasm' });
    else if (row.outcome === 'runs') await expect(page.getByTestId(`runtime-${row.runtime}`), row.id).toBeChecked();
  }
  await page.close();
}

test('every corpus row through the URL contract (?model=)', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const errors = watchPageErrors(page);
  // Two pages at a time: most rows only wait on a Range request.
  const lanes = [0, 1].map((lane) => CORPUS.filter((_, i) => i % 2 === lane));
  await Promise.all(lanes.map((rows) => openByUrl(browser, rows, errors)));
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
