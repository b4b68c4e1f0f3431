import { expect, test } from '@playwright/test';
import { runAndSettle, setRuns, settle, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';

// This file runs in the "no-webgpu" project: Chromium without the WebGPU flags, where
// navigator.gpu exists but requestAdapter() returns null.
test('choosing webgpu without an adapter says it is unavailable, and wasm still runs', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto(`/?model=${TINY_MODEL_URL}&backend=webgpu&warmup=1&iterations=5&run=1`);
  const automation = await settle(page);
  expect(automation.state).toBe('error');
  expect(automation.result).toBeNull();
  expect(automation.error).toMatch(/WebGPU is not available/);
  await expect(page.getByTestId('error')).toContainText('choose the wasm backend');

  await page.getByTestId('backend-wasm').check();
  await setRuns(page, 1, 5);
  const next = await runAndSettle(page);
  expect(next.state).toBe('done');
  expect(next.result!.backend).toBe('wasm');
  expect(next.result!.env.gpu).toBeNull();
  expect(errors).toEqual([]);
});
