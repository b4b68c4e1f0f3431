/**
 * Models by URL as people give them, against a loopback server started here: signed URLs, one
 * download per model, a 1 GB file that is not a model, served with and without Content-Types,
 * refused schemes, and servers that stall. Every case ends in a clear message and the app works after.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decodeResult } from '../../src/core/share/link.ts';
import { expectLoaded, openTab, runAndSettle, setRuns, settle, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';
import { SECRET, startModelServer, type ModelServer } from './fetch-server.ts';

let server: ModelServer;
test.beforeAll(async () => {
  server = await startModelServer();
});
test.afterAll(async () => {
  await server.close();
});

/** Types an address and fetches it, as a user would. */
async function fetchUrl(page: Page, url: string): Promise<void> {
  await page.getByTestId('url-input').fill(url);
  await page.getByRole('button', { name: 'Fetch' }).click();
}

/** Epoch ms at which window.benchtab's error first mentions `text`, read in the page every 5 ms. */
function errorAt(page: Page, text: string): Promise<number> {
  return page.evaluate((text) => new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      if (window.benchtab?.state === 'error' && window.benchtab.error?.includes(text)) {
        clearInterval(timer);
        resolve(Date.now());
      }
    }, 5);
  }), text);
}

async function expectUsable(page: Page): Promise<void> {
  await fetchUrl(page, TINY_MODEL_URL);
  await expectLoaded(page, 'ResNet (tiny)');
  await setRuns(page, 1, 3);
  expect((await runAndSettle(page)).state).toBe('done');
}

test('a signed URL runs with one download, and nothing saved or shown holds its secret', async ({ page }) => {
  const errors = watchPageErrors(page);
  const signed = server.url(`/signed/model.onnx?sig=${SECRET}&revision=r1`);
  await page.goto(`/?model=${encodeURIComponent(signed)}&threads=1&warmup=1&iterations=5&run=1`);
  const state = await settle(page);
  expect(state.error).toBeNull();
  // Inspection and run: one download of the model (the page samples its format with one Range request).
  expect(server.requests.get('/signed/model.onnx')).toBe(1);
  expect(server.ranged.get('/signed/model.onnx') ?? 0).toBeLessThanOrEqual(1);
  const model = state.result!.model;
  expect(model.url).toBe(server.url('/signed/model.onnx?revision=r1'));
  expect(model.redacted).toBe(true);
  expect(state.result!.timings.fetchMs).toBeGreaterThan(0);
  const shared = await decodeResult(new URL(state.shareUrl!).hash);
  expect(shared.ok && shared.result.model).toMatchObject({ url: server.url('/signed/model.onnx?revision=r1'), redacted: true });
  await openTab(page, 'History');
  await expect(page.getByTestId('history-list')).toBeVisible();
  expect(await page.locator('main').innerText()).not.toContain(SECRET);
  const stored = await page.evaluate(() => new Promise<string>((resolve) => {
    const open = indexedDB.open('benchtab-history');
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction(db.objectStoreNames[0]!).objectStore(db.objectStoreNames[0]!);
      const all = store.getAll();
      all.onsuccess = () => resolve(JSON.stringify(all.result));
    };
  }));
  expect(stored).toContain('/signed/model.onnx');
  expect(stored).not.toContain(SECRET);

  // Without the signature the server refuses, and the message says what may be wrong.
  await openTab(page, 'Benchmark');
  await fetchUrl(page, server.url('/signed/model.onnx'));
  expect((await settle(page, ['error'])).error).toMatch(/HTTP 403.*signature or token/);

  // The link opens as a claim; re-running it asks for a fresh URL, since the signature was not kept.
  await page.goto(state.shareUrl!);
  await expect(page.getByTestId('link-claim')).toContainText('claim by whoever sent the link');
  await expect(page.getByTestId('link-unchecked')).toHaveCount(0);
  await page.getByTestId('rerun').click();
  await page.getByTestId('rerun-url-input').fill(signed);
  await page.getByTestId('rerun-url').getByRole('button', { name: 'Run it on this device' }).click();
  await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(2, { timeout: 60_000 });
  expect(server.requests.get('/signed/model.onnx')).toBe(3);

  // One character changed: reported as damaged, not opened.
  const hash = new URL(state.shareUrl!).hash;
  const at = hash.length - 20;
  await page.goto(`/${hash.slice(0, at)}${hash[at] === 'A' ? 'B' : 'A'}${hash.slice(at + 1)}`);
  await expect(page.getByTestId('link-error')).toContainText('This link is damaged');
  expect(errors).toEqual([]);
});

test('a model by URL is kept on this device: the next visit reads it from disk and says so; History lists and removes it', async ({ page, context }) => {
  const errors = watchPageErrors(page);
  // Automation keeps models only when asked, so other tests download what they measure.
  await context.addInitScript(() => localStorage.setItem('benchtab.modelCache', 'on'));
  const kept = server.url('/kept/model.onnx');
  const visit = `/?model=${encodeURIComponent(kept)}&threads=1&warmup=1&iterations=5&run=1`;
  await page.goto(visit);
  let state = await settle(page);
  expect(state.error).toBeNull();
  expect(server.requests.get('/kept/model.onnx')).toBe(1);
  expect(state.result!.timings.fromDeviceCache).toBeUndefined();
  await openTab(page, 'History');
  await expect(page.getByTestId('model-cache-total')).toContainText(/1 file, 512\.2 KB/);
  await expect(page.getByTestId('model-cache')).toContainText('/kept/model.onnx');

  // The next visit: neither the format check nor the run asks the server, and the result says
  // its fetch time was a read from the device.
  await page.goto(visit);
  state = await settle(page);
  expect(state.error).toBeNull();
  expect(server.requests.get('/kept/model.onnx')).toBe(1);
  expect(server.ranged.get('/kept/model.onnx') ?? 0).toBe(1);
  expect(state.result!.timings.fromDeviceCache).toBe(true);
  await expect(page.getByTestId('from-device-cache')).toBeVisible();

  // Removed from History: the visit after downloads it again.
  await openTab(page, 'History');
  await page.getByRole('button', { name: /^Remove .*\/kept\/model\.onnx/ }).click();
  await expect(page.getByTestId('model-cache-total')).toContainText('Nothing kept yet.');
  await page.goto(visit);
  state = await settle(page);
  expect(server.requests.get('/kept/model.onnx')).toBe(2);
  expect(state.result!.timings.fromDeviceCache).toBeUndefined();
  expect(errors).toEqual([]);
});

test('a 1 GB file that is not a model is refused from its first bytes; models load with or without a Content-Type', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/');
  // The baseline: a 1-byte file, refused the same way, timed in this same page.
  let start = Date.now();
  await fetchUrl(page, server.url('/one-byte.onnx'));
  expect((await settle(page, ['error'])).error).toMatch(/not an ONNX model/);
  const smallMs = Date.now() - start;
  start = Date.now();
  await fetchUrl(page, server.url('/sparse.onnx'));
  expect((await settle(page, ['error'])).error).toMatch(/not an ONNX model/);
  const sparseMs = Date.now() - start;
  // Refused after its first chunk: far less than the gigabyte left the server.
  await expect.poll(() => server.sparseBytesSent()).toBeGreaterThan(0);
  expect(server.sparseBytesSent()).toBeLessThan(64 * 1024 ** 2);
  expect(sparseMs).toBeLessThan(smallMs + 1500);
  console.log(`refusal: 1-byte file ${smallMs} ms, 1 GB file ${sparseMs} ms, ${(server.sparseBytesSent() / 1e6).toFixed(1)} MB sent`);

  for (const path of ['/untyped/model.onnx', '/typed/model.onnx']) {
    await fetchUrl(page, server.url(path));
    await expectLoaded(page, 'model.onnx');
  }
  expect(errors).toEqual([]);
});

test('npm start serves model files and .wasm with their Content-Types', async ({ request }) => {
  const typeOf = async (path: string) => (await request.get(path)).headers()['content-type'];
  expect(await typeOf(TINY_MODEL_URL)).toBe('application/octet-stream');
  expect(await typeOf('/zoo/cnn-graph-tfjs/group1-shard1of2.bin')).toBe('application/octet-stream');
  const wasm = readdirSync('dist/assets').find((name) => name.endsWith('.wasm'))!;
  expect(await typeOf(`/assets/${wasm}`)).toBe('application/wasm');
});

test('schemes a page must not fetch are refused with what to do instead', async ({ page }) => {
  await page.goto('/');
  for (const [address, message] of [
    ['javascript:alert(1)', /javascript: address runs code.*drop the file instead/],
    ['file:///etc/passwd', /file: address names a file on your disk.*drop the file instead/],
    ['ftp://example.com/model.onnx', /ftp: address cannot be fetched.*drop the file instead/],
  ] as const) {
    await fetchUrl(page, address);
    await expect(page.getByTestId('error')).toContainText(message);
  }
  await page.goto(`/?model=${encodeURIComponent('file:///etc/passwd')}&run=1`);
  expect((await settle(page, ['error'])).error).toMatch(/file: address.*drop the file instead/);
});

const STALLS = [
  ['/silent.onnx', /sent nothing for 2 s \(it stopped sending after 0 MB\)/],
  ['/headers-then-stall.onnx', /the server stopped sending after 0.000 MB: only 8 bytes in the last 2 s/],
  ['/drip.onnx', /the server stopped sending after 0.000 MB: only [1-3] bytes? in the last 2 s/],
] as const;

function expectWithinLimit(path: string, endedAt: number, limitMs: number, via: string): void {
  const waited = endedAt - server.stallStart.get(path)!;
  console.log(`${path} (${via}): error ${waited} ms after the server's last progress (limit ${limitMs} ms)`);
  // Lower bound loose: the page starts its timer before the request reaches the server.
  expect(waited).toBeGreaterThan(limitMs * 0.75);
  expect(waited).toBeLessThan(limitMs * 1.1);
}

test('a server that never answers, stalls after its headers, or drips a byte a second ends in a clear error within the stall limit', async ({ page }) => {
  const errors = watchPageErrors(page);
  const limitMs = 2000;
  // Typed into the picker: the page samples the first bytes to tell the format, under the watchdog.
  await page.goto(`/?stallSeconds=${limitMs / 1000}`);
  for (const [path, message] of STALLS) {
    const ended = errorAt(page, path);
    await fetchUrl(page, server.url(path));
    expectWithinLimit(path, await ended, limitMs, 'page sample');
    await expect(page.getByTestId('error')).toContainText(message);
  }
  // With the runtime given, the worker downloads at once: its own watchdog, and progress shown meanwhile.
  for (const [path, message] of STALLS.slice(1)) {
    await page.goto(`/?stallSeconds=${limitMs / 1000}&runtime=ort&model=${encodeURIComponent(server.url(path))}`);
    const ended = errorAt(page, path);
    if (path === '/drip.onnx') await expect(page.getByTestId('download-progress')).toContainText(/Downloading drip\.onnx:\s+0\.000 MB · \d+ B\/s/);
    expectWithinLimit(path, await ended, limitMs, 'worker download');
    await expect(page.getByTestId('error')).toContainText(message);
  }
  await expectUsable(page);
  expect(errors).toEqual([]);
});
