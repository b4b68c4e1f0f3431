import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { BenchResult } from '../../src/core/result.ts';
import type { BenchtabGlobal } from '../../src/lib/automation.svelte.ts';

/** window.benchtab after a run on this page (not an opened share link): its result is a BenchResult. */
export type RunState = Omit<BenchtabGlobal, 'result'> & { result: BenchResult | null };

/** window.benchtab read as a run's state. */
export function runState(page: Page): Promise<RunState> {
  return page.evaluate(() => window.benchtab) as Promise<RunState>;
}

export const TINY_MODEL = 'public/zoo/resnet-tiny/onnx/model.onnx';
export const TINY_MODEL_URL = '/zoo/resnet-tiny/onnx/model.onnx';
export const fixture = (name: string): string => `public/zoo/_fixtures/${name}`;

type AutomationState = 'idle' | 'running' | 'done' | 'error';

/** Collects uncaught page errors; every test asserts there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Drops a file from disk onto the page (the whole window takes drops), as a user dragging it from a file manager would. */
export async function dropFile(page: Page, path: string, name = path.split('/').at(-1)!): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  const dataTransfer = await page.evaluateHandle(({ base64, name }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: 'application/octet-stream' }));
    return transfer;
  }, { base64, name });
  await page.locator('main').dispatchEvent('drop', { dataTransfer });
}

/** Shows one of the page's tabs (Benchmark, Sweep, Load, Compare, History), as a user would. */
export async function openTab(page: Page, name: 'Benchmark' | 'Sweep' | 'Load' | 'Compare' | 'History'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Waits for window.benchtab to reach one of `states` and returns it. */
export async function settle(page: Page, states: AutomationState[] = ['done', 'error'], timeout = 90_000) {
  await page.waitForFunction((states) => window.benchtab && states.includes(window.benchtab.state), states, { timeout });
  return runState(page);
}

export async function expectLoaded(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('model-name')).toHaveText(name);
  expect((await settle(page, ['idle', 'error'])).error).toBeNull();
}

/** Sets the run length through the form, as a user would. */
export async function setRuns(page: Page, warmup: number, iterations: number): Promise<void> {
  await page.getByTestId('mode').selectOption('fixed');
  await page.getByTestId('warmup').fill(String(warmup));
  await page.getByTestId('iterations').fill(String(iterations));
}

export async function chooseFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
}

/** After any bad input or lost worker, the app must still load and run a good model. */
export async function expectRecovers(page: Page): Promise<void> {
  await chooseFile(page, TINY_MODEL);
  await expectLoaded(page, 'model.onnx');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await setRuns(page, 1, 5);
  const automation = await runAndSettle(page);
  expect(automation.state).toBe('done');
  expect(automation.result!.stats.count).toBe(5);
}

/** Clicks Run and waits for this run's outcome, not a result left from an earlier run. */
export async function runAndSettle(page: Page) {
  const before = await page.evaluate(() => window.benchtab.result?.startedAt ?? null);
  await page.getByTestId('run').click();
  await page.waitForFunction(
    (before) => window.benchtab.state === 'error' || (window.benchtab.state === 'done' && window.benchtab.result?.startedAt !== before),
    before, { timeout: 90_000 },
  );
  return runState(page);
}
