/**
 * `npm run bench:overhead [model-url] [batch]`: benchtab's harness against a bare onnxruntime-web
 * loop on the same model, backend and inputs, in one Chromium run. Prints the ratio of p50
 * latencies (median across alternating rounds) on a line of its own, and the ratio of means
 * beside it. Goal: ≤ 1.01 for models of 5 ms or more.
 */
import { chromium } from '@playwright/test';
import { BASE_ARGS, chromiumPath } from './chromium.ts';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { ensureBuilt, serve } from './serve.mjs';

const model = process.argv[2] ?? '/zoo/resnet-tiny/onnx/model.onnx';
// resnet-tiny takes ~1 ms per image here; a batch of 16 puts one run past the 5 ms of the goal.
const batch = Number(process.argv[3] ?? 16);
const port = 4491;

ensureBuilt();
const server = await serve(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: BASE_ARGS });
try {
  const page = await browser.newPage();
  const query = new URLSearchParams({ model, backend: 'wasm', threads: '1', dims: JSON.stringify({ batch }), iterations: '200', rounds: '6' });
  await page.goto(`http://localhost:${port}/src/bench/overhead.html?${query}`);
  await page.waitForFunction(() => window.overhead !== undefined, null, { timeout: 600_000 });
  const report = await page.evaluate(() => window.overhead!);
  if ('error' in report) throw new Error(report.error);
  console.log(`model: ${model} (batch ${batch}), wasm, 1 thread, ${report.rounds.length} alternating rounds of 200 runs`);
  for (const [i, round] of report.rounds.entries()) {
    console.log(`round ${i + 1}: bare p50 ${round.bareP50Ms.toFixed(3)} ms (mean ${round.bareMeanMs.toFixed(3)}), harness p50 ${round.harnessP50Ms.toFixed(3)} ms (mean ${round.harnessMeanMs.toFixed(3)})`);
  }
  console.log(`bare:    p50 ${report.bare.p50.toFixed(3)} ms, mean ${report.bare.mean.toFixed(3)} ms`);
  console.log(`harness: p50 ${report.harness.p50.toFixed(3)} ms, mean ${report.harness.mean.toFixed(3)} ms`);
  console.log(`mean ratio: ${report.meanRatio.toFixed(3)} (median across rounds of harness mean / bare mean)`);
  // The headline: median across rounds of harness p50 / bare p50 (see src/bench/overhead.ts).
  console.log(`ratio: ${report.ratio.toFixed(3)}`);
} finally {
  await browser.close();
  await server.close();
}
