import { expect, test } from '@playwright/test';
import { runAndSettle, setRuns, watchPageErrors } from './helpers.ts';

test('Synthesize builds a model in the browser, labelled synthetic, and benchmarks it', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await page.getByTestId('synthesize').locator('summary').click();
  await page.getByTestId('synth-architecture').selectOption('mobilenetv2');
  await page.getByTestId('synth-preset').selectOption('tiny');
  await page.getByTestId('synth-run').click();
  await expect(page.getByTestId('synth-done')).toContainText(/MobileNetV2 \(tiny\).*parameters/);
  await expect(page.getByTestId('model-name')).toHaveText('mobilenet-v2-tiny.onnx');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible();
  await page.getByTestId('threads').fill('1');
  await setRuns(page, 1, 5);
  const { state, result } = await runAndSettle(page);
  expect(state).toBe('done');
  expect(result!.model).toMatchObject({ source: 'file', synthetic: true });
  expect(result!.domainDetection.domain).toBe('vision');
  expect(errors).toEqual([]);
});
