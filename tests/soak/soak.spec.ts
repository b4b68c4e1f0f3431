/**
 * The soak: 100 consecutive short runs in one page (a tiny model, fixed mode), as a user trying
 * settings would. No run may fail, no page error, no worker left alive, and the JS heap may grow
 * by no more than history's own records plus a stated allowance. Prints its figures.
 */
import { expect, test } from '@playwright/test';
import { expectLoaded, setRuns, TINY_MODEL_URL, watchPageErrors } from '../e2e/helpers.ts';

const RUNS = Number(process.env.SOAK_RUNS ?? 100);
/**
 * The bound on heap growth from run 1 to run 100: 8 MB, 80 KB a run. History keeps one summary
 * per record in the page (well under 1 KB each; the records themselves live in IndexedDB, not
 * the heap), so a leak of one result's samples, charts or worker proxies per run would exceed it.
 */
const ALLOWANCE_MB = 8;

test(`${RUNS} consecutive runs in one page: no failure, no page error, no worker left, bounded heap`, async ({ page }) => {
  const errors = watchPageErrors(page);
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  };
  await page.goto(`/?model=${TINY_MODEL_URL}`);
  await expectLoaded(page, 'ResNet (tiny)');
  await setRuns(page, 2, 20);
  const times: number[] = [];
  let heapAfterFirst = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = await page.evaluate(() => window.benchtab.result?.startedAt ?? null);
    const started = Date.now();
    await page.getByTestId('run').click();
    await page.waitForFunction(
      (before) => window.benchtab.state === 'error' || (window.benchtab.state === 'done' && window.benchtab.result?.startedAt !== before),
      before, { timeout: 120_000 },
    );
    times.push(Date.now() - started);
    const state = await page.evaluate(() => ({ state: window.benchtab.state, error: window.benchtab.error, count: window.benchtab.result?.stats.count }));
    expect(state, `run ${i + 1}`).toEqual({ state: 'done', error: null, count: 20 });
    if (i === 0) heapAfterFirst = await heapMb();
  }
  await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
  const heapAfterLast = await heapMb();
  const historyItems = await page.getByTestId('history-name').count();
  const sorted = [...times].sort((a, b) => a - b);
  const growth = heapAfterLast - heapAfterFirst;
  console.log(`soak: ${RUNS} runs, median ${sorted[Math.floor(RUNS / 2)]} ms per run (slowest ${sorted.at(-1)} ms); `
    + `JS heap after run 1 ${heapAfterFirst.toFixed(1)} MB, after run ${RUNS} ${heapAfterLast.toFixed(1)} MB `
    + `(growth ${growth.toFixed(2)} MB, ${(growth * 1000 / Math.max(1, RUNS - 1)).toFixed(1)} KB per run); history entries ${historyItems}`);
  expect(historyItems).toBe(RUNS);
  expect(growth).toBeLessThan(ALLOWANCE_MB);
  expect(errors).toEqual([]);
});
