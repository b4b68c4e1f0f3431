/**
 * `npm run bench:first-number`: how long a new user waits for a number, in headless Chromium on
 * the production build, each case in a fresh browser context (a first visit: empty caches).
 *
 * 1. open: page open → the default model ready (Run enabled) → Run pressed → the first measured
 *    latency on screen.
 * 2. drop: a 3.7 MB ONNX model (the zoo's yolov8-tiny) dropped on the open page → ready → Run →
 *    the first latency on screen.
 * 3. return: case 1 again on a second visit, with the offline app installed by the first (what
 *    every browser not driven by automation gets; here localStorage["benchtab.offline"] = "on").
 *
 * Goals (issue 11): ≤ 2 s and ≤ 3 s on an idle machine. The page's own clock decides: a script
 * in the page notes, at animation frames (what is on screen), when Run became enabled and when
 * the first latency showed, and the click's event time. "open" is page open → Run enabled plus
 * click → first latency: a user who presses Run the moment it is enabled. The driver's own
 * delay in clicking (hit tests and round trips, 0.1–0.4 s here) is printed apart, not counted.
 * The breakdown comes from the page's phase timings.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { BenchResult } from '../src/core/result.ts';
import { BASE_ARGS, chromiumPath } from './chromium.ts';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { ensureBuilt, serve } from './serve.mjs';

const PORT = Number(process.env.PORT ?? 4491);
const DROPPED = 'public/zoo/yolov8-tiny/onnx/model.onnx';
const ROUNDS = Number(process.argv[2] ?? 3);

/**
 * Page-side marks, in the page's performance.now() (0 = navigation start): the frame at which
 * Run was first enabled, the Run click's event time, and the frame at which a latency first
 * showed after it. A string, so the bundler adds nothing to it.
 */
const MARKS = `
  window.__firstNumber = { readyAt: null, clickAt: null, firstAt: null };
  const marks = window.__firstNumber;
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-testid=run]')) {
      marks.clickAt = event.timeStamp; marks.firstAt = null;
    }
  }, true);
  const frame = (now) => {
    const run = document.querySelector('[data-testid=run]');
    if (marks.readyAt === null && run && !run.disabled) marks.readyAt = now;
    if (marks.clickAt !== null && marks.firstAt === null) {
      const progress = document.querySelector('[data-testid=progress]');
      if (/last \\d/.test(progress ? progress.textContent : '') || document.querySelector('[data-testid=p50]')) marks.firstAt = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

interface Marks {
  readyAt: number;
  clickAt: number;
  firstAt: number;
}
const marksOf = (page: Page): Promise<Marks> => page.evaluate(() => (window as unknown as { __firstNumber: Marks }).__firstNumber);

/** Presses Run and waits for the first measured latency to be on screen; returns when it was. */
async function runToFirstNumber(page: Page): Promise<{ readyToFirst: number; clickToFirst: number; result: BenchResult }> {
  const pressed = Date.now();
  await page.getByTestId('run').click();
  await page.getByTestId('progress').getByText(/last \d/).or(page.getByTestId('p50')).first().waitFor({ timeout: 120_000 });
  const readyToFirst = Date.now() - pressed;
  await page.waitForFunction(() => (window as unknown as { __firstNumber: Marks }).__firstNumber.firstAt !== null);
  const marks = await marksOf(page);
  const clickToFirst = marks.firstAt - marks.clickAt;
  if ((await page.evaluate(() => window.benchtab.state)) === 'running') await page.getByTestId('stop').click();
  // A short fixed run gives the phase breakdown; the standard mode is restored after it.
  await page.getByTestId('mode').selectOption('fixed');
  await page.getByTestId('warmup').fill('1');
  await page.getByTestId('iterations').fill('3');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => window.benchtab.state === 'done' || window.benchtab.state === 'error', null, { timeout: 120_000 });
  const { result, error } = await page.evaluate(() => window.benchtab);
  await page.getByTestId('mode').selectOption('standard');
  if (!result) throw new Error(error ?? 'no result');
  return { readyToFirst, clickToFirst, result: result as BenchResult };
}

const breakdown = (r: BenchResult): string =>
  `fetch ${r.timings.fetchMs.toFixed(0)} ms, session ${r.timings.initMs.toFixed(0)} ms, first inference ${r.timings.firstMs.toFixed(1)} ms`;

/** Page open → Run enabled, then Run → the first latency, by the page's marks. */
async function openToFirstNumber(page: Page): Promise<{ readyAt: number; ready: number; open: Awaited<ReturnType<typeof runToFirstNumber>> }> {
  const opened = Date.now();
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=run]') as HTMLButtonElement | null)?.disabled === false, null, { timeout: 120_000 });
  const ready = Date.now() - opened;
  const open = await runToFirstNumber(page);
  return { readyAt: (await marksOf(page)).readyAt, ready, open };
}

ensureBuilt();
const server = await serve(PORT);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: BASE_ARGS });
try {
  const bytes = readFileSync(DROPPED).toString('base64');
  for (let round = 1; round <= ROUNDS; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript({ content: MARKS });
    const { readyAt, ready, open } = await openToFirstNumber(page);
    console.log(`round ${round} open: default model ready ${readyAt.toFixed(0)} ms, Run → first latency ${open.clickToFirst.toFixed(0)} ms, total ${(readyAt + open.clickToFirst).toFixed(0)} ms (${breakdown(open.result)}; driver: ready seen at ${ready} ms, click → first ${open.readyToFirst} ms)`);

    const dropStart = Date.now();
    const transfer = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'yolov8-tiny.onnx'));
      return transfer;
    }, bytes);
    const dropped = Date.now();
    await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('model-name').getByText('yolov8-tiny.onnx').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => window.benchtab.state === 'idle', null, { timeout: 120_000 });
    const dropReady = Date.now() - dropped;
    const drop = await runToFirstNumber(page);
    console.log(`round ${round} drop: (handing the 3.7 MB file to the page took ${dropped - dropStart} ms, not counted) model ready ${dropReady} ms, Run → first latency ${drop.clickToFirst.toFixed(0)} ms, total ${(dropReady + drop.clickToFirst).toFixed(0)} ms (${breakdown(drop.result)}; driver: click → first ${drop.readyToFirst} ms)`);
    await context.close();

    // The first visit installs the offline app once its first work is done; the second is timed.
    const returning = await browser.newContext();
    await returning.addInitScript({ content: `localStorage.setItem('benchtab.offline', 'on');${MARKS}` });
    const first = await returning.newPage();
    await first.goto(`http://localhost:${PORT}/`);
    await first.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), null, { timeout: 120_000 });
    await first.close();
    const again = await returning.newPage();
    const back = await openToFirstNumber(again);
    const controlled = await again.evaluate(() => navigator.serviceWorker.controller !== null);
    console.log(`round ${round} return: default model ready ${back.readyAt.toFixed(0)} ms, Run → first latency ${back.open.clickToFirst.toFixed(0)} ms, total ${(back.readyAt + back.open.clickToFirst).toFixed(0)} ms (${breakdown(back.open.result)}; served by the offline app: ${controlled ? 'yes' : 'no'})`);
    await returning.close();
  }
} finally {
  await browser.close();
  await server.close();
}
