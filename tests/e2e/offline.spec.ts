import { expect, test } from '@playwright/test';
import { runAndSettle, setRuns, watchPageErrors } from './helpers.ts';

test('after the first visit the app works offline: reload with the network off, then run', async ({ page, context }) => {
  test.setTimeout(240_000);
  const errors = watchPageErrors(page);
  // Automated browsers install the offline app only when asked (src/lib/offline.ts).
  await context.addInitScript(() => localStorage.setItem('benchtab.offline', 'on'));
  await page.goto('/?threads=1');
  await expect(page.getByTestId('model-name')).toHaveText('ResNet (tiny)');
  // The service worker has precached the shell, the ORT wasm and the default model.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 180_000 });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('model-name')).toHaveText('ResNet (tiny)', { timeout: 60_000 });
  await setRuns(page, 1, 5);
  const offline = await runAndSettle(page);
  expect(offline.error).toBeNull();
  expect(offline.result!.stats.count).toBe(5);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});
