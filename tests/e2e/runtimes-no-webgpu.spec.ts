import { expect, test } from '@playwright/test';
import { runAndSettle, setRuns, settle, watchPageErrors } from './helpers.ts';

// Runs in the "no-webgpu" project: navigator.gpu exists but gives no adapter.
test('TF.js and transformers.js say WebGPU is unavailable instead of falling back', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/?model=/zoo/bert-tiny/&runtime=transformers&task=feature-extraction&device=webgpu&run=1');
  const transformers = await settle(page);
  expect(transformers.state).toBe('error');
  expect(transformers.error).toMatch(/WebGPU is not available.*choose the wasm device/);

  await page.goto('/?model=/zoo/cnn-graph-tfjs/model.json&runtime=tfjs&backend=webgpu&run=1');
  const tfjs = await settle(page);
  expect(tfjs.state).toBe('error');
  expect(tfjs.error).toMatch(/WebGPU is not available.*choose webgl, wasm or cpu/);
  expect(tfjs.result).toBeNull();

  await page.getByTestId('backend-cpu').check();
  await setRuns(page, 0, 3);
  const next = await runAndSettle(page);
  expect(next.state).toBe('done');
  expect(next.result).toMatchObject({ runtime: 'tfjs', backend: 'cpu', env: { gpu: null } });
  expect(errors).toEqual([]);
});
