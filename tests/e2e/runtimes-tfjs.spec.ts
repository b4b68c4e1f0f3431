import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { runAndSettle, setRuns, settle, watchPageErrors } from './helpers.ts';

const GRAPH = '/zoo/cnn-graph-tfjs/model.json';

/** Drops several files at once (model.json and its shards), as a file manager would. */
async function dropFiles(page: Page, folder: string, names: string[]): Promise<void> {
  const files = names.map((name) => ({ name, base64: readFileSync(`${folder}/${name}`).toString('base64') }));
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer });
}

test('TF.js graph model on wasm: 50 runs leave tf.memory().numTensors flat', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto(`/?model=${GRAPH}&runtime=tfjs&backend=wasm&warmup=2&iterations=50&run=1`);
  const { state, result, error } = await settle(page);
  expect(error).toBeNull();
  expect(state).toBe('done');
  expect(result).toMatchObject({ runtime: 'tfjs', backend: 'wasm', model: { synthetic: true } });
  expect(result!.stats.count).toBe(50);
  expect(result!.io.inputs[0]).toMatchObject({ name: 'pixel_values', shape: ['batch', 32, 32, 3] });
  expect(result!.env.versions['tfjs-core']).toMatch(/^4\./);
  const { afterFirst, afterLast } = result!.probes!;
  expect(afterFirst.numTensors).toBeGreaterThan(0);
  expect(afterLast.numTensors).toBe(afterFirst.numTensors);
  expect(afterLast.numBytes).toBe(afterFirst.numBytes);
  expect(errors).toEqual([]);
});

test('a dropped TF.js layers model runs on webgpu (SwiftShader), then as an image-classification task on cpu', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await page.getByTestId('runtime-tfjs').check();
  await dropFiles(page, 'public/zoo/cnn-layers-tfjs', ['model.json', 'group1-shard1of2.bin', 'group1-shard2of2.bin']);
  await expect(page.getByTestId('model-summary')).toHaveText('TF.js layers model');
  await page.getByTestId('backend-webgpu').check();
  await setRuns(page, 1, 5);
  const gpu = await runAndSettle(page);
  expect(gpu.error).toBeNull();
  expect(gpu.result).toMatchObject({ runtime: 'tfjs', backend: 'webgpu', model: { source: 'folder', synthetic: false } });
  expect(gpu.result!.env.gpu).toMatchObject({ architecture: 'swiftshader' });
  expect(gpu.result!.probes!.afterLast.numTensors).toBe(gpu.result!.probes!.afterFirst.numTensors);
  await expect(page.getByTestId('ran-backend')).toHaveText('tfjs · webgpu');

  await page.getByTestId('backend-cpu').check();
  await page.getByTestId('task').selectOption('image-classification');
  await expect(page.getByTestId('sample')).toBeVisible();
  const task = await runAndSettle(page);
  expect(task.error).toBeNull();
  expect(task.result!.task).toMatchObject({ task: 'image-classification', input: { name: 'gradient.png' } });
  expect(task.result!.task!.split.model.count).toBe(5);
  expect(task.result!.task!.output).toMatch(/^class \d/);
  // Per-run input tensors are disposed too.
  expect(task.result!.probes!.afterLast.numTensors).toBe(task.result!.probes!.afterFirst.numTensors);
  await expect(page.getByTestId('split-model')).toBeVisible();
  expect(errors).toEqual([]);
});

const BAD: [string, RegExp][] = [
  ['tfjs-missing-shard', /group1-shard2of2\.bin failed with HTTP 404: model\.json lists it as a weight shard/],
  ['tfjs-short-shard', /hold 3228 bytes, but model\.json describes 6256 bytes/],
];

test('a model.json with a missing or short shard names it, and the next run works', async ({ page }) => {
  const errors = watchPageErrors(page);
  for (const [fixture, message] of BAD) {
    await page.goto(`/?model=/zoo/_fixtures/${fixture}/model.json&runtime=tfjs&backend=cpu&run=1`);
    const bad = await settle(page);
    expect(bad.state).toBe('error');
    expect(bad.error).toMatch(message);
    await expect(page.getByTestId('error')).toContainText('model.json');
  }
  await page.getByTestId('url-input').fill(GRAPH);
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByTestId('model-summary')).toHaveText('TF.js graph model');
  await setRuns(page, 0, 3);
  const good = await runAndSettle(page);
  expect(good.state).toBe('done');
  expect(good.result!.backend).toBe('cpu');
  expect(errors).toEqual([]);
});
