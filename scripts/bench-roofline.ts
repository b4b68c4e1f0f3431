/**
 * `npm run bench:roofline`: this machine's ceilings (wasm with 1 and all threads, and the WebGPU
 * adapter headless Chromium has: SwiftShader here, a software GPU) and where the tiny ResNet and
 * BERT sit under them, measured through the page as a user would: run, then "Measure ceilings".
 */
import { chromium } from '@playwright/test';
import type { BenchResult } from '../src/core/result.ts';
import { BASE_ARGS, chromiumPath, WEBGPU_ARGS } from './chromium.ts';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { ensureBuilt, serve } from './serve.mjs';

const port = Number(process.env.PORT ?? 4491);
const cores = (await import('node:os')).availableParallelism();
const MODELS = [
  { label: 'resnet-tiny', params: { model: '/zoo/resnet-tiny/onnx/model.onnx' } },
  { label: 'bert-tiny', params: { model: '/zoo/bert-tiny/onnx/model.onnx', vocabSize: 1000 } },
];
const BACKENDS = [
  { label: 'wasm, 1 thread', backend: 'wasm', threads: 1 },
  { label: `wasm, ${cores} threads`, backend: 'wasm', threads: cores },
  { label: 'webgpu', backend: 'webgpu', threads: 1 },
];

ensureBuilt();
const server = await serve(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...BASE_ARGS, ...WEBGPU_ARGS] });
const g = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
try {
  for (const b of BACKENDS) {
    const page = await browser.newPage();
    let ceilingsShown = false;
    for (const m of MODELS) {
      const query = new URLSearchParams(Object.entries({ ...m.params, backend: b.backend, threads: b.threads, warmup: 5, iterations: 50, run: 1 }).map(([k, v]) => [k, String(v)]));
      await page.goto(`http://localhost:${port}/?${query}`);
      await page.waitForFunction(() => ['done', 'error'].includes(window.benchtab?.state), null, { timeout: 600_000 });
      const { result, error } = (await page.evaluate(() => window.benchtab)) as { result: BenchResult | null; error: string | null };
      if (!result?.work) {
        console.log(`${b.label.padEnd(16)} ${m.label.padEnd(12)} no result: ${error ?? 'no work counted'}`);
        continue;
      }
      // The first model measures the ceilings; the second finds them in the cache.
      if (!ceilingsShown) await page.getByTestId('measure-ceilings').click();
      await page.getByTestId('roofline-summary').waitFor({ timeout: 600_000 });
      if (!ceilingsShown) console.log(`${b.label}: ${await page.getByTestId('roofline-ceilings').textContent()}`);
      ceilingsShown = true;
      const w = result.work;
      console.log(`${b.label.padEnd(16)} ${m.label.padEnd(12)} ${g(w.flops / 1e6)} MFLOP, ${g(w.bytes / 1e6)} MB, intensity ${g(w.intensity)} FLOP/B, p50 ${result.stats.p50.toFixed(3)} ms → ${await page.getByTestId('roofline-summary').textContent()}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
