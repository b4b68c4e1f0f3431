import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { fromShared, toShared } from '../../../src/core/share/convert.ts';
import { decodeResult, encodeResult, isShareFragment, linkForm, MAX_DECODED_BYTES, shareUrl } from '../../../src/core/share/link.ts';
import { summarize } from '../../../src/core/stats.ts';
import { assess, benchResultArb, latencies, typicalResult } from './fixtures.ts';
import { deflateRaw, fragmentOf } from './payload.ts';

/** 10,000 samples and every name at its cap, in text that deflate cannot shrink much. */
function largeResult() {
  const result = typicalResult(10_000);
  const noise = latencies(1000, 50, 99).map((ms) => ms.toString(36).replace('.', '')).join('');
  result.model.name = `${noise.slice(0, 251)}.onnx`;
  result.io.inputs = Array.from({ length: 8 }, (_, i) => ({ name: `${noise.slice(300 + i * 40, 340 + i * 40)}`, dtype: 'float32', shape: ['batch', 3, 224, 224] }));
  result.env.gpu = { ...result.env.gpu!, description: noise.slice(700, 956) };
  return result;
}

/** A transformers.js text-generation task run: the pre / model / post split and generation metrics. */
function taskResult() {
  const result = typicalResult(130, 'standard');
  const split = (centre: number, seed: number) => summarize(latencies(130, centre, seed));
  result.runtime = 'transformers';
  result.config = { ...result.config, runtime: 'transformers', task: 'text-generation', dtype: 'q4' };
  result.task = {
    task: 'text-generation', dtype: 'q4',
    input: { name: 'prompt', kinds: ['text'] },
    split: { pre: split(0.4, 2), model: split(11, 3), post: split(0.2, 4) },
    output: 'Once upon a time, in a small village at the edge of a great forest, there lived an old clockmaker who',
    generation: { tokens: 32, ttftMs: 41.207, perTokenMs: 9.815, tokensPerSecond: 101.885 },
  };
  return result;
}

describe('share links', () => {
  test('encode then decode gives back every field, over many generated results', async () => {
    await fc.assert(fc.asyncProperty(benchResultArb, async (result) => {
      const shared = toShared(result, '0.1.0');
      const decoded = await decodeResult(await encodeResult(shared));
      expect(decoded).toEqual({ ok: true, result: linkForm(shared) });
    }), { numRuns: 300 });
  });

  test('the link leaves out only the checklist and finding details, and the view says so', async () => {
    const shared = toShared(typicalResult());
    expect(fromShared(shared).checklistDetailsOmitted).toBe(false);
    const decoded = await decodeResult(await encodeResult(shared));
    expect(decoded.ok && fromShared(decoded.result).checklistDetailsOmitted).toBe(true);
    const { checklist, stability, ...rest } = linkForm(shared);
    const { checklist: original, stability: originalStability, ...expected } = shared;
    expect(rest).toEqual(expected);
    expect(stability!.findings).toEqual(originalStability!.findings.map((f) => ({ ...f, detail: '' })));
    expect(checklist.counts).toEqual(original.counts);
    expect(checklist.items.map(({ detail, ...item }) => [item, detail])).toEqual(original.items.map(({ detail: _, ...item }) => [item, '']));
  });

  test('a typical result (100 samples) fits in 2,000 characters; the lengths are logged', async () => {
    const typical = await shareUrl('https://benchtab.example/', toShared(typicalResult(100), '0.1.0'));
    const standard = await shareUrl('https://benchtab.example/', toShared(typicalResult(130, 'standard'), '0.1.0'));
    const task = await shareUrl('https://benchtab.example/', toShared(taskResult(), '0.1.0'));
    const large = await shareUrl('https://benchtab.example/', toShared(largeResult(), '0.1.0'));
    console.log(`share link length (whole URL on https://benchtab.example/): typical (100 samples, fixed mode) ${typical.length} chars; `
      + `standard mode (130 samples, passing verdict) ${standard.length} chars; text-generation task ${task.length} chars; large (10,000 samples, 256-char names, 8 inputs) ${large.length} chars`);
    expect(typical.length).toBeLessThan(2000);
    expect(standard.length).toBeLessThan(2000);
    expect(task.length).toBeLessThan(2000);
    expect((await decodeResult(new URL(large).hash)).ok).toBe(true);
  });

  test('accepts #r=…, r=… and the bare payload', async () => {
    const fragment = await encodeResult(toShared(typicalResult()));
    expect(fragment.startsWith('#r=')).toBe(true);
    expect(isShareFragment(fragment)).toBe(true);
    expect(isShareFragment('#model=x')).toBe(false);
    for (const form of [fragment, fragment.slice(1), fragment.slice(3)]) expect((await decodeResult(form)).ok).toBe(true);
  });

  test('shareUrl replaces an existing fragment', async () => {
    const url = await shareUrl('https://benchtab.example/app/?model=x#old', toShared(typicalResult()));
    expect(url).toMatch(/^https:\/\/benchtab\.example\/app\/\?model=x#r=[A-Za-z0-9_-]+$/);
  });
});

describe('oversized payloads', () => {
  test('JSON just over 64 KB is refused', async () => {
    const text = JSON.stringify({ format: 'benchtab.result', padding: 'x'.repeat(MAX_DECODED_BYTES) });
    const decoded = await decodeResult(await fragmentOf(text));
    expect(decoded).toEqual({ ok: false, error: expect.stringContaining('larger than 64 KB') });
  });

  test('a decompression bomb (64 MB of zeros in a short link) is refused without inflating it all', async () => {
    const bomb = await deflateRaw(new Uint8Array(64 * 1024 * 1024));
    const { bytesToBase64Url } = await import('../../../src/core/share/base64url.ts');
    const fragment = `#r=${bytesToBase64Url(bomb)}`;
    // Count what the decompressor hands out: stopping early means far less than 64 MB.
    let inflated = 0;
    const Original = globalThis.DecompressionStream;
    vi.stubGlobal('DecompressionStream', class {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
      constructor(format: CompressionFormat) {
        const inner = new Original(format);
        this.writable = inner.writable;
        this.readable = inner.readable.pipeThrough(new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
          transform(chunk, controller) {
            inflated += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }));
      }
    });
    try {
      const decoded = await decodeResult(fragment);
      expect(decoded).toEqual({ ok: false, error: expect.stringContaining('larger than 64 KB') });
      expect(inflated).toBeLessThan(1024 * 1024);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('an absurdly long fragment is refused before decoding', async () => {
    const decoded = await decodeResult(`#r=${'A'.repeat(200_000)}`);
    expect(decoded).toEqual({ ok: false, error: expect.stringContaining('too long') });
  });
});

describe('links made before regimes', () => {
  test('still decode: no stability, no per-regime verdict, a drift check in validity', async () => {
    const shared = toShared(typicalResult(130, 'standard'));
    const { stability: _, ...old } = shared;
    const { decided: _d, regimes: _r, ...oldVerdict } = old.verdict;
    const before = {
      ...old, verdict: { ...oldVerdict, status: 'not-measured' as const },
      validity: { valid: false, checks: [{ id: 'drift' as const, ok: false, detail: 'drift: p50 moved 15%' }], reasons: ['drift: p50 moved 15%'] },
    };
    const decoded = await decodeResult(await encodeResult(before));
    expect(decoded.ok && decoded.result.verdict).toMatchObject({ status: 'not-measured' });
    expect(decoded.ok && decoded.result.validity.checks[0]!.id).toBe('drift');
    expect(decoded.ok && decoded.result.stability).toBeUndefined();
  });

  test('a result with two regimes keeps them and its findings through a link', async () => {
    const result = typicalResult(260, 'standard');
    result.timings.samplesMs = result.timings.samplesMs.map((ms, i) => (i >= 130 ? ms * 1.5 : ms));
    const shared = toShared(assess(result));
    expect(shared.verdict.regimes).toHaveLength(2);
    const decoded = await decodeResult(await encodeResult(shared));
    expect(decoded.ok && decoded.result.verdict.regimes).toEqual(shared.verdict.regimes);
    expect(decoded.ok && decoded.result.stability!.findings.map((f) => f.kind)).toContain('step-up');
  });
});
