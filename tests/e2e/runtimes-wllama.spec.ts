import { expect, test } from '@playwright/test';
import { dropFile, fixture, runAndSettle, setRuns, settle, watchPageErrors } from './helpers.ts';

/**
 * The tiny LLaMA as GGUF on wllama (llama.cpp in WebAssembly) and the same weights as ONNX on
 * transformers.js, both timed the same way; a dropped .gguf goes to wllama by itself; a GGUF
 * llama.cpp cannot run and a truncated one end in clear errors, and the page keeps working.
 */
const GGUF = '/zoo/llama-tiny/gguf/model-Q4_0.gguf';
// One thread: llama.cpp's worker threads spin while they wait, which a shared 2-core machine punishes.
const runs = '&backend=wasm&threads=1&warmup=1&iterations=3&run=1';

test('a GGUF URL runs on wllama without choosing a runtime: TTFT, prefill and decode rates, llama.cpp timings, the .wasm from this app', async ({ page }) => {
  const errors = watchPageErrors(page);
  const wasm: string[] = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
  await page.goto(`/?model=${GGUF}${runs}`);
  const { result, error } = await settle(page);
  expect(error).toBeNull();
  expect(result).toMatchObject({ runtime: 'wllama', backend: 'wasm', config: { task: 'text-generation' }, model: { synthetic: true } });
  const g = result!.task!.generation!;
  expect(g.tokens).toBe(16);
  expect(g.ttftMs).toBeGreaterThan(0);
  expect(g.tokensPerSecond).toBeCloseTo(1000 / g.perTokenMs, 6);
  expect(g.promptTokens).toBeGreaterThan(1);
  expect(g.prefillTokensPerSecond).toBeGreaterThan(0);
  expect(g.tokenLatencyMs!.count).toBe(3 * 15);
  expect(g.engine!.promptMs).toBeGreaterThan(0);
  expect(g.engine!.tokensPerSecond).toBeGreaterThan(0);
  expect(g.placement).toMatch(/^CPU \(wasm\), \d+ threads?/);
  expect(result!.env.versions.wllama).toMatch(/^3\./);
  expect(wasm.length).toBeGreaterThan(0);
  for (const url of wasm) expect(url.startsWith('http://localhost:')).toBe(true);
  await expect(page.getByTestId('generation')).toContainText('tokens/s');
  await expect(page.getByTestId('generation-engine')).toContainText('llama.cpp');
  await expect(page.getByTestId('model-fact-architecture')).toHaveText('llama');
  await expect(page.getByTestId('model-fact-quantization')).toHaveText('Q4_0');
  await expect(page.getByTestId('model-fact-context-length')).toHaveText('256');
  await expect(page.getByTestId('model-fact-vocabulary-size')).toHaveText('512');
  expect(errors).toEqual([]);
});

test('the same LLaMA as ONNX on transformers.js reports the same generation figures', async ({ page }) => {
  await page.goto(`/?model=/zoo/llama-tiny/&runtime=transformers&task=text-generation&dtype=q8${runs}`);
  const { result, error } = await settle(page);
  expect(error).toBeNull();
  const g = result!.task!.generation!;
  expect(result).toMatchObject({ runtime: 'transformers', backend: 'wasm' });
  expect(g.tokens).toBe(16);
  expect(g.ttftMs).toBeGreaterThan(0);
  expect(g.tokensPerSecond).toBeGreaterThan(0);
  expect(g.promptTokens).toBeGreaterThan(1);
  expect(g.tokenLatencyMs!.count).toBe(3 * 15);
  expect(g.engine).toBeUndefined();
});

test('a dropped .gguf goes to wllama; an unknown architecture and a truncated file say so, and the page still runs', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await dropFile(page, fixture('truncated.gguf'));
  await expect(page.getByTestId('error')).toContainText(/GGUF file is truncated: its tensors need [\d,]+ bytes, the file has [\d,]+/);
  await dropFile(page, fixture('unknown-arch.gguf'));
  await expect(page.getByTestId('model-fact-architecture')).toHaveText('benchtab-nonexistent');
  await expect(page.getByTestId('runtime-wllama')).toBeChecked();
  await setRuns(page, 0, 1);
  await page.getByTestId('threads').fill('1');
  const failed = await runAndSettle(page);
  expect(failed.error).toMatch(/cannot run this GGUF: its architecture "benchtab-nonexistent"/);
  await dropFile(page, 'public/zoo/llama-tiny/gguf/model-Q8_0.gguf');
  await expect(page.getByTestId('model-fact-quantization')).toHaveText('Q8_0');
  const ran = await runAndSettle(page);
  expect(ran.error).toBeNull();
  expect(ran.result).toMatchObject({ runtime: 'wllama', task: { generation: { tokens: 16 } } });
  expect(errors).toEqual([]);
});

test('Synthesize writes a LLaMA as GGUF after saying how large it will be, and it runs on wllama', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('synthesize').locator('summary').click();
  await page.getByTestId('synth-architecture').selectOption('llama');
  await page.getByTestId('synth-preset').selectOption('tiny');
  await page.getByTestId('synth-gguf-type').selectOption('Q8_0');
  await page.getByTestId('synth-run').click();
  // The size comes first, from the header alone; nothing is written until it is confirmed.
  await expect(page.getByTestId('synth-warning')).toContainText(/KB \(1[89]\d,\d{3} bytes\) GGUF file/);
  await page.getByTestId('synth-confirm').click();
  await expect(page.getByTestId('synth-done')).toContainText('164,160 parameters');
  await expect(page.getByTestId('model-fact-quantization')).toHaveText('Q8_0');
  await expect(page.getByTestId('runtime-wllama')).toBeChecked();
  await expect(page.getByTestId('synthetic-badge')).toBeVisible();
});
