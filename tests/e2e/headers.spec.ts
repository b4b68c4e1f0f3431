/**
 * The protective headers are served on the page, its workers and its .wasm, the build has no
 * inline script, and the app runs under the policy (onnxruntime-web on wasm and WebGPU,
 * transformers.js, Observable Plot's charts) with no violation reported. The other specs run
 * under the same headers too, so every runtime they cover is checked to work under the CSP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { settle, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';

const BUILT_HTML = ['dist/index.html', 'dist/src/bench/overhead.html'];

/** Violations seen by the document and console messages the browser writes for blocked loads. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return seen;
}

test('the page, its workers and its wasm carry the protective headers', async ({ request }) => {
  const assets = readdirSync('dist/assets');
  // The bench worker may eval (protobufjs compiles its ONNX readers); the other workers may not.
  const bench = assets.find((name) => /^bench\.worker-.*\.js$/.test(name))!;
  expect((await request.get(`/assets/${bench}`)).headers()['content-security-policy']).toMatch(/script-src [^;]*'unsafe-eval'/);
  const worker = assets.find((name) => /^ceilings\.worker-.*\.js$/.test(name))!;
  const wasm = assets.find((name) => name.endsWith('.wasm'))!;
  for (const path of ['/', `/assets/${worker}`, `/assets/${wasm}`, '/zoo/manifest.json']) {
    const headers = (await request.get(path)).headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval')/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  }
  // A plain-HTTP model named in the page's URL is the one extra origin the page may fetch from.
  const named = (await request.get('/?model=http://models.lan:8000/m.onnx')).headers()['content-security-policy'];
  expect(named).toMatch(/connect-src [^;]*http:\/\/models\.lan:8000/);
});

test('the build emits no inline script', () => {
  for (const file of BUILT_HTML) {
    const html = readFileSync(file, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, file).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, file).toMatch(/\bsrc=/);
      expect(body!.trim(), file).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
  }
});

test('runs under the policy with no violation: ORT on wasm and WebGPU, transformers.js, charts', async ({ page }) => {
  const errors = watchPageErrors(page);
  const violations = await watchViolations(page);
  for (const query of [
    `model=${TINY_MODEL_URL}&backend=wasm&iterations=5&warmup=1&run=1`,
    `model=${TINY_MODEL_URL}&backend=webgpu&iterations=3&warmup=1&run=1`,
    'model=/zoo/bert-tiny/&runtime=transformers&task=feature-extraction&device=wasm&iterations=3&warmup=1&run=1',
  ]) {
    await page.goto(`/?${query}`);
    const automation = await settle(page);
    expect(automation.error, query).toBeNull();
    expect(automation.state).toBe('done');
  }
  await expect(page.locator('svg').first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
