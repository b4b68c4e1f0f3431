import { expect, test } from '@playwright/test';
import { expectLoaded, runAndSettle, setRuns, watchPageErrors } from './helpers.ts';

test('a run on webgpu uses the SwiftShader adapter and records it', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await page.getByTestId('builtin-select').selectOption('resnet-tiny');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expectLoaded(page, 'ResNet (tiny)');
  await page.getByTestId('backend-webgpu').check();
  await setRuns(page, 1, 5);
  const automation = await runAndSettle(page);
  expect(automation.error).toBeNull();
  expect(automation.state).toBe('done');
  const result = automation.result!;
  expect(result.backend).toBe('webgpu');
  expect(result.config.backend).toBe('webgpu');
  expect(result.env.gpu).toMatchObject({ vendor: 'google', architecture: 'swiftshader' });
  expect(result.timings.samplesMs).toHaveLength(5);
  await expect(page.getByTestId('ran-backend')).toHaveText('ort · webgpu');
  await expect(page.getByTestId('gpu')).toContainText('swiftshader');
  expect(errors).toEqual([]);
});
