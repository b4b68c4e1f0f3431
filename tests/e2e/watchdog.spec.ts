/**
 * Nothing hangs: a worker that dies mid-run and a graph that never finishes each end in a clear
 * error within the watchdog's limit (plus 10%), the runs measured so far are kept and saved, and
 * the page runs a good model afterwards.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectRecovers, openTab, runAndSettle, setRuns, settle, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';

/** The page's clock when the progress line first shows `label`. */
async function pageTimeWhenShown(page: Page, label: string): Promise<number> {
  const handle = await page.waitForFunction((label) => {
    const shown = document.querySelector('[data-testid="progress"]')?.textContent?.includes(label);
    return shown ? performance.now() : null;
  }, label, { polling: 20, timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

async function pageTimeWhenSettled(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window.benchtab.state === 'error' || window.benchtab.state === 'done' ? performance.now() : null),
    undefined, { polling: 20, timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until the progress line shows at least `runs` measured runs. */
async function measuredAtLeast(page: Page, runs: number): Promise<void> {
  await page.waitForFunction((runs) => {
    const done = /Measured runs\s*:\s*(\d+)/.exec(document.querySelector('[data-testid="progress"]')?.textContent ?? '');
    return done !== null && Number(done[1]) >= runs;
  }, runs);
}

test('a worker that closes itself mid-run, and Stop, each keep the runs measured so far', async ({ page }) => {
  const errors = watchPageErrors(page);
  const limitSeconds = 20;
  await page.goto(`/?model=${TINY_MODEL_URL}&iterations=100000&warmup=0&testWorkerExit=30&phaseLimit=${limitSeconds}&run=1`);
  const measuring = await pageTimeWhenShown(page, 'Measured runs');
  const ended = await pageTimeWhenSettled(page);
  let automation = await settle(page, ['error']);
  expect(automation.error).toMatch(/stopped responding during the measured runs: it closed or was killed/);
  expect(automation.error).toMatch(/measured runs are kept as a result marked stopped early/);
  // Found by its released lock, not by the phase limit.
  expect(ended - measuring).toBeLessThan(limitSeconds * 1000);
  const lost = automation.result!;
  expect(lost.stopReason).toBe('worker-lost');
  expect(lost.stats.count).toBeGreaterThanOrEqual(30);
  expect(lost.timings.samplesMs).toHaveLength(lost.stats.count);
  expect(lost.verdict.pass).not.toBe(true);
  // Saved to history (its panel loads when the tab is first shown).
  await openTab(page, 'History');
  await expect(page.getByTestId('history-name')).toHaveCount(1);
  await openTab(page, 'Benchmark');

  // Stop: the same model, a run far too long to finish.
  await page.getByTestId('run').click();
  await measuredAtLeast(page, 20);
  await page.getByTestId('stop').click();
  automation = await settle(page, ['done']);
  const stopped = automation.result!;
  expect(stopped.stopReason).toBe('stopped-early');
  expect(stopped.stats.count).toBeGreaterThanOrEqual(20);
  // A stopped run is judged like any other (#10): with fewer runs than p95 needs it is never a
  // pass; with enough (130), a fast model's stopped run may be valid and decided.
  if (stopped.stats.count < 130) {
    expect(stopped.validity.valid).toBe(false);
    expect(stopped.verdict.status).toBe('not-measured');
  } else {
    expect(stopped.validity.valid).toBe(true);
  }
  await openTab(page, 'History');
  await expect(page.getByTestId('history-name')).toHaveCount(2);
  await openTab(page, 'Benchmark');

  // Still usable: a normal run finishes, and no worker is left alive.
  await setRuns(page, 0, 5);
  automation = await runAndSettle(page);
  expect(automation.state).toBe('done');
  expect(automation.result!.stats.count).toBe(5);
  await expect.poll(() => page.workers().length).toBe(0);
  expect(errors).toEqual([]);
});

test('a graph that never finishes ends at the phase limit, and the page runs the next model', async ({ page }) => {
  const errors = watchPageErrors(page);
  const limitMs = 6000;
  const started = Date.now();
  await page.goto(`/?model=/zoo/_fixtures/endless-loop.onnx&iterations=5&warmup=0&phaseLimit=${limitMs / 1000}&run=1`);
  // The Loop blocks the worker in the first inference; on a loaded machine (or with a dry run at
  // inspection) the limit may end the inspection first. Either way it must end, and say so.
  const automation = await settle(page, ['error'], 60_000);
  const elapsed = Date.now() - started;
  const message = /stopped responding during (the first inference|inspection)\b.*: no progress (and no answer to heartbeats )?for (\d+\.\d) s, the phase limit; set it with the URL parameter phaseLimit/
    .exec(automation.error ?? '');
  expect(message, automation.error ?? '').not.toBeNull();
  const waitedMs = Number(message![3]) * 1000;
  // Within the limit plus 10% by the watchdog's clock, and never before the limit by ours.
  expect(waitedMs).toBeGreaterThanOrEqual(limitMs);
  expect(waitedMs).toBeLessThanOrEqual(limitMs * 1.1);
  expect(elapsed).toBeGreaterThanOrEqual(limitMs);
  expect(automation.result).toBeNull();
  await expectRecovers(page);
  expect(errors).toEqual([]);
});
