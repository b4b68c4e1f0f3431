import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from '../../../models/arch/registry.ts';
import { CATALOG, DTYPE_SUFFIX } from '../../../models/catalog.ts';
import type { Dtype } from '../../../models/catalog.ts';
import { generateEntry } from '../../../models/zoo.ts';
import { makeFeeds, resolveShape } from './feeds.ts';
import type { DimValues } from './feeds.ts';
import { createSession } from './ort.ts';

/**
 * Every tiny zoo entry, in every dtype, loads in onnxruntime-web (wasm, Node)
 * and runs with its declared input and output names and shapes. fp16 and q8
 * hold the fp32 weights rounded or quantised, so their outputs must stay close
 * to fp32's: the app's drift check (src/core/method/drift.ts) accepts cosine
 * ≥ 0.999 for fp16 and ≥ 0.99 for quantised weights.
 */
const MIN_COSINE: Record<Dtype, number> = { fp32: 1, fp16: 0.999, q8: 0.99 };

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 && bb === 0 ? 1 : dot / Math.sqrt(aa * bb);
}

/** Scenarios per file stem: the prompt step (empty cache) and a cached step where there is a cache. */
const SCENARIOS: Record<string, { dims: DimValues; flags?: Record<string, boolean> }[]> = {
  default: [{ dims: { batch: 2, sequence: 7, samples: 4000, image_batch: 2, text_batch: 3 } }],
  gpt2: [
    { dims: { batch: 2, sequence: 5, past_sequence: 0, total_sequence: 5 } },
    { dims: { batch: 2, sequence: 1, past_sequence: 5, total_sequence: 6 } },
  ],
  llama: [
    { dims: { batch: 2, sequence: 5, past_sequence: 0, total_sequence: 5 } },
    { dims: { batch: 2, sequence: 1, past_sequence: 5, total_sequence: 6 } },
  ],
  whisper_decoder: [
    { dims: { batch: 2, decoder_sequence: 4, past_decoder_sequence: 0, total_decoder_sequence: 4, encoder_sequence: 0, encoder_sequence_out: 100 }, flags: { use_cache_branch: false } },
    { dims: { batch: 2, decoder_sequence: 1, past_decoder_sequence: 4, total_decoder_sequence: 5, encoder_sequence: 100 }, flags: { use_cache_branch: true } },
  ],
};

const tiny = CATALOG.filter((e) => e.preset === 'tiny' && e.architecture in ARCHITECTURES);
const DTYPES: Dtype[] = ['fp32', 'fp16', 'q8'];

describe.each(tiny)('$id', (entry) => {
  const generated = generateEntry(entry);
  /** fp32 outputs of the first scenario, per stem, for the drift comparison (fp32 runs first). */
  const reference = new Map<string, Record<string, Float32Array>>();

  it('gives the same bytes for the same seed', () => {
    const again = generateEntry(entry);
    expect(again.files.map((f) => f.path)).toEqual(generated.files.map((f) => f.path));
    generated.files.forEach((f, i) => {
      const other = again.files[i]?.data;
      const same = typeof f.data === 'string' ? f.data === other : other instanceof Uint8Array && Buffer.compare(Buffer.from(f.data), Buffer.from(other)) === 0;
      expect(same, f.path).toBe(true);
    });
  });

  it('writes config.json and every ONNX file', () => {
    const paths = generated.files.map((f) => f.path);
    expect(paths).toContain('config.json');
    for (const stem of entry.onnxStems) for (const d of DTYPES) expect(paths).toContain(`onnx/${stem}${DTYPE_SUFFIX[d]}.onnx`);
  });

  for (const stem of entry.onnxStems) {
    it.each(DTYPES)(`${stem} %s runs with the declared IO`, async (dtype) => {
      const file = generated.files.find((f) => f.path === `onnx/${stem}${DTYPE_SUFFIX[dtype]}.onnx`)?.data;
      if (!(file instanceof Uint8Array)) throw new Error('missing file');
      const signature = generated.signatures[stem];
      if (!signature) throw new Error('missing signature');
      const session = await createSession(file);
      expect(session.inputNames).toEqual(signature.inputs.map((i) => i.name));
      expect(session.outputNames).toEqual(signature.outputs.map((o) => o.name));
      const key = stem === 'decoder_model_merged' ? 'whisper_decoder' : entry.architecture === 'llama3' ? 'llama' : entry.architecture;
      for (const [index, scenario] of (SCENARIOS[key] ?? SCENARIOS.default ?? []).entries()) {
        const dims = { ...(SCENARIOS.default?.[0]?.dims ?? {}), ...scenario.dims };
        const outputs = await session.run(makeFeeds(signature.inputs, dims, scenario.flags));
        if (index === 0) {
          const floats = Object.fromEntries(Object.entries(outputs).filter(([, t]) => t.type === 'float32').map(([name, t]) => [name, t.data as Float32Array]));
          if (dtype === 'fp32') reference.set(stem, floats);
          else expect(reference.has(stem), 'fp32 ran first').toBe(true);
          for (const [name, data] of Object.entries(floats)) {
            const fp32 = reference.get(stem)?.[name];
            if (fp32) expect(cosine(fp32, data), `${name} cosine to fp32`).toBeGreaterThanOrEqual(MIN_COSINE[dtype]);
          }
        }
        for (const out of signature.outputs) {
          const tensor = outputs[out.name];
          expect(tensor, out.name).toBeDefined();
          const expected = resolveShape(out.shape, dims);
          expected.forEach((d, i) => {
            if (d !== undefined) expect(tensor?.dims[i], `${out.name} dim ${i}`).toBe(d);
          });
          expect(tensor?.dims.length).toBe(out.shape.length);
          if (tensor?.type === 'float32') expect(Array.from(tensor.data as Float32Array).every(Number.isFinite), `${out.name} finite`).toBe(true);
        }
      }
      await session.release();
    });
  }
});
