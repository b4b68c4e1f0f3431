import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runAndSettle, setRuns, settle, watchPageErrors } from './helpers.ts';

const tf = (model: string, task: string, extra = '') =>
  `/?model=${model}&runtime=transformers&task=${task}&device=wasm&warmup=1&iterations=3${extra}&run=1`;

/** Every request this page makes that is not to the app's own origin. */
function watchOffOrigin(page: Page): string[] {
  const off: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://localhost:') && !url.startsWith('blob:') && !url.startsWith('data:')) off.push(url);
  });
  return off;
}

function expectSplit(result: NonNullable<Window['benchtab']['result']>, runs: number): void {
  const { split } = result.task!;
  for (const part of [split.pre, split.model, split.post]) expect(part.count).toBe(runs);
  expect(split.model.p50).toBeGreaterThan(0);
}

test('offline mirror: feature extraction on wasm, every request stays on this origin', async ({ page }) => {
  const errors = watchPageErrors(page);
  const off = watchOffOrigin(page);
  const wasm: string[] = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
  await page.goto(tf('/zoo/bert-tiny/', 'feature-extraction', '&dtype=q8'));
  const { state, result, error } = await settle(page);
  expect(error).toBeNull();
  expect(state).toBe('done');
  expect(result).toMatchObject({ runtime: 'transformers', backend: 'wasm', config: { task: 'feature-extraction', dtype: 'q8' }, model: { synthetic: true } });
  expect(result!.task).toMatchObject({ task: 'feature-extraction', dtype: 'q8', output: 'embedding [1, 64]' });
  expectSplit(result!, 3);
  expect(result!.env.versions['transformers.js']).toMatch(/^4\./);
  expect(result!.env.versions['onnxruntime-web']).toBe('1.30.0');
  expect(result!.env.versions['webgpu-node-placement']).toBe('per-node CPU fallback allowed');
  expect(off).toEqual([]);
  // One ORT: transformers.js runs on the app's own onnxruntime-web .wasm, not a copy of its own.
  expect(wasm.length).toBeGreaterThan(0);
  for (const url of wasm) expect(url).toMatch(/\/assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/);
  expect(errors).toEqual([]);
});

test('text generation reports time to first token, per-token latency and tokens/s', async ({ page }) => {
  await page.goto(tf('/zoo/gpt2-tiny/', 'text-generation'));
  const { result, error } = await settle(page);
  expect(error).toBeNull();
  const generation = result!.task!.generation!;
  expect(generation.tokens).toBe(16);
  expect(generation.ttftMs).toBeGreaterThan(0);
  expect(generation.perTokenMs).toBeGreaterThan(0);
  expect(generation.tokensPerSecond).toBeCloseTo(1000 / generation.perTokenMs, 6);
  expectSplit(result!, 3);
  await expect(page.getByTestId('generation')).toContainText('tokens/s');
});

test('speech recognition of the chirp sample reports the real-time factor', async ({ page }) => {
  await page.goto(tf('/zoo/wav2vec2-tiny/', 'automatic-speech-recognition', '&sample=chirp'));
  const { result, error } = await settle(page);
  expect(error).toBeNull();
  expect(result!.task!.input.name).toBe('chirp.wav');
  expect(result!.task!.speech!.audioSeconds).toBeCloseTo(2, 3);
  expect(result!.task!.speech!.rtf).toBeCloseTo(result!.stats.p50 / 2000, 6);
  expectSplit(result!, 3);
  await expect(page.getByTestId('speech')).toContainText('Real-time factor');
});

test('vision and multimodal tasks from the UI: image classification, then zero-shot with your own labels', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await page.getByTestId('runtime-transformers').check();
  await page.getByTestId('runtime-model').selectOption('resnet-tiny');
  await page.getByTestId('runtime-model-load').click();
  await expect(page.getByTestId('model-summary')).toContainText('model_type resnet');
  await expect(page.getByTestId('task')).toHaveValue('image-classification');
  await page.getByTestId('sample').selectOption('shapes');
  await setRuns(page, 1, 3);
  const vision = await runAndSettle(page);
  expect(vision.error).toBeNull();
  expect(vision.result!.task).toMatchObject({ task: 'image-classification', input: { name: 'shapes.png' } });
  expectSplit(vision.result!, 3);
  await expect(page.getByTestId('split-pre')).toBeVisible();

  await page.getByTestId('runtime-model').selectOption('clip-tiny');
  await page.getByTestId('runtime-model-load').click();
  await expect(page.getByTestId('model-summary')).toContainText('model_type clip');
  await page.getByTestId('input-text').fill('a red circle, a blue square');
  const zeroShot = await runAndSettle(page);
  expect(zeroShot.error).toBeNull();
  expect(zeroShot.result!.task!.output).toMatch(/^a (red circle|blue square) \(/);
  expect(errors).toEqual([]);
});

test('object detection (YOLOv8 on onnxruntime-web) decodes boxes with the split', async ({ page }) => {
  await page.goto('/?model=/zoo/yolov8-tiny/onnx/model.onnx&runtime=ort&task=object-detection&backend=wasm&warmup=1&iterations=3&run=1');
  const { result, error } = await settle(page);
  expect(error).toBeNull();
  expect(result!.task!.output).toMatch(/^\d+ boxes$/);
  expectSplit(result!, 3);
});

test('a dropped hub-layout folder runs on webgpu (SwiftShader)', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByTestId('runtime-transformers').check();
  await page.getByTestId('folder-input').setInputFiles('public/zoo/bert-tiny');
  await expect(page.getByTestId('model-summary')).toContainText('model_type bert');
  await page.getByTestId('backend-webgpu').check();
  await setRuns(page, 0, 2);
  const { result, error } = await runAndSettle(page);
  expect(error).toBeNull();
  expect(result).toMatchObject({ backend: 'webgpu', model: { source: 'folder' }, env: { gpu: { architecture: 'swiftshader' } } });
  expectSplit(result!, 2);
});

test('bad inputs are explained, and the next run works', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.route('https://huggingface.co/**', (route) => route.abort('internetdisconnected'));
  const cases: [string, RegExp][] = [
    [tf('/zoo/bert-tiny/', 'feature-extraction', '&dtype=q4'), /no q4 weights: onnx\/model_q4\.onnx is missing/],
    [tf('/zoo/yolov8-tiny/', 'object-detection'), /model_type yolov8.*cannot do object-detection/],
    [tf('/zoo/bert-tiny/', 'text-generation'), /cannot do text-generation/],
    [tf('Xenova/bert-base-uncased', 'feature-extraction'), /Could not reach the Hugging Face hub for "Xenova\/bert-base-uncased".*mirror/],
    ['/?model=/zoo/bert-tiny/&runtime=transformers&task=feature-extraction&device=webgpu&dtype=fp16&run=1', /fp16 on WebGPU needs the adapter feature "shader-f16"/],
  ];
  for (const [url, message] of cases) {
    await page.goto(url);
    const bad = await settle(page);
    expect(bad.state).toBe('error');
    expect(bad.error).toMatch(message);
  }
  await page.goto('/?runtime=transformers&task=feature-extraction');
  await page.getByTestId('runtime-model').selectOption('bert-tiny');
  await page.getByTestId('runtime-model-load').click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await setRuns(page, 0, 2);
  const good = await runAndSettle(page);
  expect(good.state).toBe('done');
  expect(good.result!.task!.task).toBe('feature-extraction');
  expect(errors).toEqual([]);
});

// runtime= in the URL pins the runtime: the drop is not routed to onnxruntime-web, so
// transformers.js reads the folder and says what it lacks.
test('a dropped folder without config.json names what transformers.js needs', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'no-config-'));
  cpSync('public/zoo/bert-tiny/tokenizer.json', join(folder, 'bert', 'tokenizer.json'));
  cpSync('public/zoo/bert-tiny/onnx/model.onnx', join(folder, 'bert', 'onnx', 'model.onnx'));
  await page.goto('/?runtime=transformers&task=feature-extraction');
  await page.getByTestId('folder-input').setInputFiles(join(folder, 'bert'));
  await expect(page.getByTestId('error')).toContainText('The dropped files have no config.json: transformers.js needs a folder laid out like a hub repository');
});
