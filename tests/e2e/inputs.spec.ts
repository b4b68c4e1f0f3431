import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { runState, settle, watchPageErrors } from './helpers.ts';

const AWKWARD = 'public/zoo/_awkward';
const RUN = 'iterations=2&warmup=0&run=1';

/** Drops several files from disk at once, as a user dragging a selection would. */
async function dropFiles(page: Page, names: string[]): Promise<void> {
  const files = names.map((name) => ({ name, base64: readFileSync(`${AWKWARD}/${name}`).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of files) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    return transfer;
  }, files);
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
}

test('awkward models run on their defaults from a URL, external data beside them', async ({ page }) => {
  const errors = watchPageErrors(page);
  for (const name of ['recurrent', 'external-data', 'unnamed-dims']) {
    await page.goto(`/?model=/zoo/_awkward/${name}.onnx&${RUN}`);
    const state = await settle(page);
    expect(state.error, name).toBeNull();
    expect(state.result!.stats.count).toBe(2);
    if (name === 'recurrent') expect(state.result!.config.inputs).toMatchObject({ sr: '16000', state: 'zeros' });
  }
  expect(errors).toEqual([]);
});

test('the inputs table gives reasons, the dry run passes, and a bad fill is named with its fix', async ({ page }) => {
  await page.goto('/?model=/zoo/_awkward/encoder-50.onnx');
  await expect(page.getByTestId('input-reason-input_ids')).toHaveText('from the embedding table: 50 tokens');
  await expect(page.getByTestId('dim-reason-sequence')).toHaveText('from the position table: 16 positions');
  await expect(page.getByTestId('dry-run')).toContainText('The model takes these inputs');
  await page.getByTestId('fill-params-input_ids').fill('0,99');
  await page.getByTestId('fill-params-input_ids').dispatchEvent('change');
  await expect(page.getByTestId('input-reason-input_ids')).toHaveText('your choice');
  const error = page.getByTestId('dry-run-error');
  await expect(error).toContainText('fill input_ids with int:0,49');
  await expect(error.locator('details pre')).toContainText('idx=');
  await expect(error.locator('details pre')).not.toContainText('/onnxruntime');
});

test('URL fills and dims override the defaults; a too-long sequence names the dim to set', async ({ page }) => {
  await page.goto('/?model=/zoo/_awkward/encoder-50.onnx&dim.sequence=40');
  await expect(page.getByTestId('dry-run-error')).toContainText('dim.sequence=16');
  await page.goto(`/?model=/zoo/_awkward/recurrent.onnx&in.sr=8000&dim.N=128&${RUN}`);
  const state = await settle(page);
  expect(state.error).toBeNull();
  expect(state.result!.config).toMatchObject({ inputs: { sr: '8000' }, dims: { N: 128 } });
});

test('dropping model.onnx with model.onnx_data runs; without it the file is named', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, ['external-dotdata.onnx', 'external-dotdata.onnx.data']);
  await expect(page.getByTestId('dry-run')).toContainText('The model takes these inputs');
  await dropFiles(page, ['external-data.onnx']);
  expect((await settle(page, ['error'])).error).toMatch(/external-data\.onnx_data.*drop external-data\.onnx together with external-data\.onnx_data/);
  await page.goto('/?model=/zoo/_awkward/external-missing.onnx');
  expect((await settle(page, ['error'])).error).toMatch(/external-missing\.onnx_data failed with HTTP 404: the model keeps its weights in external-missing\.onnx_data/);
  await page.goto('/?model=/zoo/_awkward/external-escape.onnx');
  expect((await settle(page, ['error'])).error).toMatch(/"\.\.\/escape\.onnx_data" climbs out/);
});

test('an unknown URL parameter is an error naming the closest known one', async ({ page }) => {
  await page.goto('/?model=/zoo/resnet-tiny/onnx/model.onnx&iteratons=5&run=1');
  const state = await settle(page, ['error']);
  expect(state.error).toMatch(/Unknown URL parameter "iteratons": did you mean iterations\?/);
  expect((await runState(page)).result).toBeNull();
});
