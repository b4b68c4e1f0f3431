/**
 * Links are strangers' input. Every mutated, malformed or hostile fragment must end in
 * `{ ok: false, error }` with a sentence for the user: no exception, no prototype pollution.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { toShared } from '../../../src/core/share/convert.ts';
import { decodeResult, encodeResult } from '../../../src/core/share/link.ts';
import { sharedResultSchema, type SharedResult } from '../../../src/core/share/schema.ts';
import { pack } from '../../../src/core/share/wire.ts';
import { parseShared } from '../../../src/core/share/validate.ts';
import { typicalResult } from './fixtures.ts';
import { fragmentOf } from './payload.ts';

const shared = toShared(typicalResult(), '0.1.0');
const valid = await encodeResult(shared);
const payload = valid.slice('#r='.length);
let failures = 0;

async function expectRefused(fragment: string): Promise<string> {
  const decoded = await decodeResult(fragment);
  if (decoded.ok) throw new Error(`accepted a hostile fragment: ${fragment.slice(0, 80)}`);
  expect(decoded.error).toMatch(/^This link .{10,}/);
  expect(decoded.error.length).toBeLessThan(600);
  failures++;
  return decoded.error;
}

/** The valid result in its wire form (JSON text), with one edit applied to a deep copy first. */
function edited(edit: (copy: Record<string, any>) => void): string {
  const copy = structuredClone(shared) as Record<string, any>;
  edit(copy);
  return JSON.stringify(pack(sharedResultSchema, copy));
}

const wireText = edited(() => undefined);

afterAll(() => {
  console.log(`hostile fragments refused with a message: ${failures}`);
  expect(failures).toBeGreaterThanOrEqual(200);
});

describe('mutated fragments', () => {
  test('truncated anywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: payload.length - 1 }), async (keep) => {
      await expectRefused(`#r=${payload.slice(0, keep)}`);
    }), { numRuns: 80 });
  });

  test('a character outside base64url inserted anywhere', async () => {
    const bad = fc.constantFrom('!', '%', ' ', '=', '+', '/', '.', 'é', '\u0000', '<');
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: payload.length }), bad, async (at, char) => {
      await expectRefused(`#r=${payload.slice(0, at)}${char}${payload.slice(at)}`);
    }), { numRuns: 60 });
  });

  test('random base64url text', async () => {
    await fc.assert(fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_-]{0,3000}$/), async (text) => {
      await expectRefused(`#r=${text}`);
    }), { numRuns: 60 });
  });

  test('random edits never throw, and anything accepted is a valid result', async () => {
    const edit = fc.tuple(fc.integer({ min: 0, max: payload.length - 1 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,3}$/), fc.nat(3));
    await fc.assert(fc.asyncProperty(edit, async ([at, text, removed]) => {
      const decoded = await decodeResult(`#r=${payload.slice(0, at)}${text}${payload.slice(at + removed)}`);
      if (decoded.ok) expect(parseShared(decoded.result).ok).toBe(true);
      else expect(decoded.error.length).toBeGreaterThan(10);
    }), { numRuns: 150 });
  });
});

describe('hostile JSON inside a well-formed link', () => {
  const numericPaths: [string, (copy: Record<string, any>, value: unknown) => void][] = [
    ['stats.p50', (c, v) => { c.stats.p50 = v; }],
    ['stats.count', (c, v) => { c.stats.count = v; }],
    ['model.bytes', (c, v) => { c.model.bytes = v; }],
    ['config.iterations', (c, v) => { c.config.iterations = v; }],
    ['timings.initMs', (c, v) => { c.timings.initMs = v; }],
    ['distribution[3]', (c, v) => { c.distribution.quantileDeltasUs[3] = v; }],
    ['device.hardwareConcurrency', (c, v) => { c.device.hardwareConcurrency = v; }],
  ];

  test('absurd or mistyped numbers', async () => {
    const absurd = fc.constantFrom<unknown>(-1, 1e13, 1.5e308, -1e308, '12', true, [], {}, null, 0.5);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...numericPaths), absurd, async ([path, set], value) => {
      // 0.5 is fine for a latency; skip it where the field takes fractions.
      fc.pre(!(value === 0.5 && (path === 'stats.p50' || path === 'timings.initMs')));
      await expectRefused(await fragmentOf(edited((copy) => set(copy, value))));
    }), { numRuns: 60 });
  });

  test('numbers too large for a double (1e400 parses as Infinity)', async () => {
    const p50 = JSON.stringify(shared.stats.p50);
    expect(wireText).toContain(`,${p50},`);
    await expectRefused(await fragmentOf(wireText.replace(`,${p50},`, ',1e400,')));
  });

  test('missing required fields', async () => {
    const required = ['model', 'stats', 'distribution', 'device', 'config', 'startedAt', 'version', 'format'] as const;
    for (const key of required) await expectRefused(await fragmentOf(edited((copy) => { delete copy[key]; })));
  });

  test('strings over their caps, bad enums, URLs that are not http(s)', async () => {
    await expectRefused(await fragmentOf(edited((copy) => { copy.model.name = 'x'.repeat(257); })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.backend = 'tpu'; })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.model.url = 'javascript:alert(1)'; })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.model.sha256 = '<script>'; })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.stats.p99 = copy.stats.max + 1; })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.precision.count += 1; })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.validity.valid = !copy.validity.valid; })));
    await expectRefused(await fragmentOf(edited((copy) => { copy.checklist.counts.pass += 1; })));
  });

  test('not JSON, not UTF-8, not an object, deeply nested', async () => {
    for (const text of ['', 'null', '[]', '"result"', '{"format":"benchtab.result"', '<html><script>alert(1)</script>', '[['.repeat(20_000)]) {
      await expectRefused(await fragmentOf(text));
    }
    const { bytesToBase64Url } = await import('../../../src/core/share/base64url.ts');
    const { deflateRaw } = await import('./payload.ts');
    await expectRefused(`#r=${bytesToBase64Url(await deflateRaw(new Uint8Array([0xff, 0xfe, 0x7b])))}`);
  });

  test('the keyed JSON form is not a link', async () => {
    expect(await expectRefused(await fragmentOf(JSON.stringify(shared)))).toContain('not a benchtab result link');
  });

  test('a newer schema version gets its own message', async () => {
    const error = await expectRefused(await fragmentOf(edited((copy) => { copy.version = 2; })));
    expect(error).toContain('newer benchtab');
  });

  test('__proto__, constructor and prototype keys are refused and pollute nothing', async () => {
    // The wire form's only objects are the records: dims and versions.
    expect(wireText).toContain('{"batch_size":1}');
    const texts = [
      wireText.replace('{"batch_size":1}', '{"__proto__":{"polluted":"yes"},"batch_size":1}'),
      wireText.replace('{"onnxruntime-web"', '{"constructor":{"prototype":{"polluted":"yes"}},"onnxruntime-web"'),
      wireText.replace('{"batch_size":1}', '{"batch_size":1,"prototype":1}'),
      `[{"__proto__":{"polluted":"yes"}},${wireText.slice(1)}`,
      JSON.stringify(shared).replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"'),
    ];
    for (const text of texts) {
      expect(await expectRefused(await fragmentOf(text))).toMatch(/forbidden key "(__proto__|constructor|prototype)"/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('markup in names is data, not an error', () => {
  test('a name holding script survives as the same plain string', async () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const hostile: SharedResult = { ...shared, model: { ...shared.model, name } };
    const decoded = await decodeResult(await encodeResult(hostile));
    expect(decoded.ok && decoded.result.model.name).toBe(name);
  });
});
