/**
 * `npm run bench:llm [--skip-full]`: the tiny LLaMA on wasm (one thread), TTFT, prefill and
 * decode tokens/s on transformers.js (ONNX fp32, fp16, q8) and wllama (GGUF F32, F16, Q8_0,
 * Q4_0), with how many characters of each greedy output agree with ONNX fp32's; then the time
 * the browser takes to synthesize the full TinyLlama-1.1B as Q4_0 GGUF (Synthesize, in a worker).
 */
import { chromium } from '@playwright/test';
import { catalogEntry } from '../models/catalog.ts';
import { llmPoints, llmRow, type LlmRow } from '../src/core/llm-compare.ts';
import { BASE_ARGS, chromiumPath } from './chromium.ts';
import { openSession } from './runner.ts';

const PORT = 4522;
const entry = catalogEntry('llama-tiny')!;
const points = llmPoints({ path: entry.path, gguf: entry.gguf ?? {} });
const f = (v: number | null, digits = 1) => (v === null ? '–' : v.toFixed(digits));

const session = await openSession(PORT);
try {
  console.log('tiny LLaMA (llama-tiny, 164,160 parameters), wasm, 1 thread, greedy, 16 new tokens; medians of 10 runs after 2 warmups');
  console.log('point                        TTFT ms  prefill tok/s  decode tok/s  token p50/p99 ms  llama.cpp tok/s  agrees with fp32 (chars)');
  let reference: string | undefined;
  for (const point of points) {
    let row: LlmRow;
    try {
      const result = await session.run({ ...point.params, threads: 1, warmup: 2, iterations: 10, mode: 'fixed' });
      row = llmRow(point, result, reference);
      reference ??= row.output;
    } catch (error) {
      row = llmRow(point, String(error instanceof Error ? error.message : error));
    }
    console.log(`${point.label.padEnd(28)} ${f(row.ttftMs).padStart(7)}  ${f(row.prefillTokensPerSecond).padStart(13)}  ${f(row.decodeTokensPerSecond).padStart(12)}  ` +
      `${`${f(row.tokenP50Ms)}/${f(row.tokenP99Ms)}`.padStart(16)}  ${f(row.engineTokensPerSecond).padStart(15)}  ` +
      `${row.error ? `error: ${row.error.slice(0, 80)}` : `${row.agreeChars ?? '–'}/${row.output.length} "${row.output.slice(0, 24)}"`}`);
  }
  if (!process.argv.includes('--skip-full')) {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: BASE_ARGS });
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}/`);
    await page.getByTestId('synthesize').locator('summary').click();
    await page.getByTestId('synth-architecture').selectOption('llama');
    await page.getByTestId('synth-gguf-type').selectOption('Q4_0');
    await page.getByTestId('synth-run').click();
    const warning = (await page.getByTestId('synth-warning').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    console.log(`Synthesize TinyLlama-1.1B Q4_0 warns first: "${warning.slice(0, 90)}…"`);
    const started = Date.now();
    await page.getByTestId('synth-confirm').click();
    await page.getByTestId('synth-done').waitFor({ timeout: 600_000 });
    console.log(`${(await page.getByTestId('synth-done').textContent())?.replace(/\s+/g, ' ').trim()} (wall clock with loading: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await browser.close();
  }
} finally {
  await session.close();
}
