/**
 * `npm run bench:synthesize [architecture…]`: how long the browser takes to generate full-size
 * zoo models in a worker ("Synthesize" in the UI), then a short wasm run of each to show it loads.
 * Default: ResNet-50 and BERT-base.
 */
import { chromium } from '@playwright/test';
import { BASE_ARGS, chromiumPath } from './chromium.ts';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { ensureBuilt, serve } from './serve.mjs';

const architectures = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['resnet', 'bert'];
const port = 4492;

ensureBuilt();
const server = await serve(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: BASE_ARGS });
try {
  for (const architecture of architectures) {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/?mode=fixed&iterations=5&warmup=1`);
    await page.getByTestId('synthesize').locator('summary').click();
    await page.getByTestId('synth-architecture').selectOption(architecture);
    await page.getByTestId('synth-run').click();
    const done = page.getByTestId('synth-done');
    await done.waitFor({ timeout: 300_000 });
    await page.getByTestId('model-card').waitFor();
    await page.getByTestId('run').click();
    await page.waitForFunction(() => ['done', 'error'].includes(window.benchtab.state), null, { timeout: 600_000 });
    const { result, error } = await page.evaluate(() => window.benchtab);
    const run = result ? `wasm p50 ${result.stats.p50.toFixed(1)} ms over ${result.stats.count} runs` : `run failed: ${error}`;
    console.log(`${(await done.textContent())?.replace(/\s+/g, ' ').trim()} ${run}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
