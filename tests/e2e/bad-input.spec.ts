import { expect, test } from '@playwright/test';
import { chooseFile, expectRecovers, fixture, settle, watchPageErrors } from './helpers.ts';

const BAD_FILES: [string, RegExp][] = [
  ['not-onnx.onnx', /HTML page, not a model/],
  ['truncated.onnx', /could not be parsed.*truncated or corrupt/],
  ['empty.onnx', /empty \(0 bytes\)/],
  ['unknown-op.onnx', /operator this runtime and backend cannot run/],
];

for (const [name, message] of BAD_FILES) {
  test(`${name} shows a clear error and the next run works`, async ({ page }) => {
    const errors = watchPageErrors(page);
    await page.goto('/');
    await chooseFile(page, fixture(name));
    const automation = await settle(page, ['error']);
    expect(automation.state).toBe('error');
    expect(automation.error).toMatch(message);
    // A mistake (an HTML page, an empty file) is named on the format card; a broken model in the error box.
    await expect(page.getByTestId('error').or(page.getByTestId('format-card'))).toContainText(message);
    await expectRecovers(page);
    expect(errors).toEqual([]);
  });
}

test('a URL that 404s says so, and the next run works', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  await page.getByTestId('url-input').fill('/zoo/no-such-model.onnx');
  await page.getByRole('button', { name: 'Fetch' }).click();
  const automation = await settle(page, ['error']);
  expect(automation.state).toBe('error');
  await expect(page.getByTestId('error')).toContainText('HTTP 404');
  await expectRecovers(page);
  expect(errors).toEqual([]);
});

test('bad automation parameters are explained, not ignored', async ({ page }) => {
  await page.goto('/?model=/zoo/resnet-tiny/onnx/model.onnx&backend=cuda&iterations=0&run=1');
  const automation = await settle(page);
  expect(automation.state).toBe('error');
  expect(automation.error).toMatch(/backend=cuda.*iterations=0/);
});
