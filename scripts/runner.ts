/**
 * Drives the production build through the automation contract (URL parameters in,
 * window.benchtab out) in system Chromium. The bench scripts, and later a CLI, stand on this.
 */
import { chromium, type Browser } from '@playwright/test';
import type { BenchResult } from '../src/core/result.ts';
import { BASE_ARGS, chromiumPath, WEBGPU_ARGS } from './chromium.ts';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { ensureBuilt, serve } from './serve.mjs';

export interface Session {
  /** Runs the page with these URL parameters and returns its result, or throws its error. */
  run(params: Record<string, string | number>): Promise<BenchResult>;
  close(): Promise<void>;
}

export async function openSession(port = 4490): Promise<Session> {
  ensureBuilt();
  const server = await serve(port);
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: [...BASE_ARGS, ...WEBGPU_ARGS] });
  return {
    async run(params) {
      const page = await browser.newPage();
      try {
        const query = new URLSearchParams(Object.entries({ ...params, run: 1 }).map(([k, v]) => [k, String(v)]));
        await page.goto(`http://localhost:${port}/?${query}`);
        await page.waitForFunction(() => window.benchtab?.state === 'done' || window.benchtab?.state === 'error', null, { timeout: 600_000 });
        const { result, error } = await page.evaluate(() => window.benchtab);
        if (!result) throw new Error(error ?? 'no result');
        // The page opened no share link, so its result is a run's BenchResult.
        return result as BenchResult;
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
