import { describe, expect, it } from 'vitest';
import { AWKWARD_RUNNABLE, awkwardCorpus } from '../../../models/awkward.ts';
import { CATALOG } from '../../../models/catalog.ts';
import { generateEntry } from '../../../models/zoo.ts';
import { externalDataPath, externalLocationProblem } from '../../../src/core/external-data.ts';
import { explainRunError } from '../../../src/core/inputs/explain.ts';
import { feedsFor } from '../../../src/core/inputs/feeds.ts';
import { graphHints } from '../../../src/core/inputs/graph-hints.ts';
import { specFromMetadata, type ValueMetadata } from '../../../src/core/inputs/io-spec.ts';
import { externalLocations, readOnnxGraph } from '../../../src/core/inputs/onnx-graph.ts';
import { planInputs, type InputPlan } from '../../../src/core/inputs/plan.ts';
import type { ModelIO } from '../../../src/core/result.ts';
import { ort } from '../models/ort.ts';

/**
 * The pipeline the app runs, in Node with onnxruntime-web's wasm: parse the graph, derive the
 * defaults, synthesize the feeds, run once. Every awkward corpus model and every ort built-in
 * must run on its defaults; the failure classes must name the input and the fix.
 */
const corpus = new Map(awkwardCorpus().map((f) => [f.path, f.data as Uint8Array]));

interface Prepared {
  session: ort.InferenceSession;
  io: ModelIO;
  plan: InputPlan;
  config: { dims: Record<string, number>; seed: number; vocabSize: number; inputs: Record<string, string> };
  graph: NonNullable<ReturnType<typeof readOnnxGraph>>;
}

async function prepare(bytes: Uint8Array, files: Map<string, Uint8Array> = corpus, onnxPath = ''): Promise<Prepared> {
  const graph = readOnnxGraph(bytes)!;
  const externalData = externalLocations(graph).map((location) => {
    const problem = externalLocationProblem(location);
    if (problem) throw new Error(problem);
    const data = files.get(externalDataPath(onnxPath, location));
    if (!data) throw new Error(`missing ${location}`);
    return { path: location, data };
  });
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], ...(externalData.length ? { externalData } : {}) });
  const io = { inputs: session.inputMetadata.map((m) => specFromMetadata(m as ValueMetadata)), outputs: [] };
  const plan = planInputs(io, { hints: graphHints(graph), vocabSize: 30522 });
  const config = {
    dims: Object.fromEntries(Object.entries(plan.dims).map(([k, v]) => [k, v.value])),
    inputs: Object.fromEntries(Object.entries(plan.fills).map(([k, v]) => [k, v.value])),
    seed: 42, vocabSize: 30522,
  };
  return { session, io, plan, config, graph };
}

async function runOnce(p: Prepared, overrides: Partial<Prepared['config']> = {}) {
  const config = { ...p.config, ...overrides, dims: { ...p.config.dims, ...overrides.dims }, inputs: { ...p.config.inputs, ...overrides.inputs } };
  const feeds = feedsFor(p.io.inputs, config);
  const tensors = Object.fromEntries(feeds.map((f) => [f.name, new ort.Tensor(f.dtype as ort.Tensor.Type, f.data as ort.Tensor.DataType, f.shape)]));
  try {
    await p.session.run(tensors);
    return null;
  } catch (cause) {
    return explainRunError(String((cause as Error).message), p.graph, feeds, p.io.inputs);
  }
}

describe('the awkward corpus runs on derived defaults', () => {
  for (const name of AWKWARD_RUNNABLE) {
    it(name, async () => {
      const p = await prepare(corpus.get(`${name}.onnx`)!);
      expect(await runOnce(p)).toBeNull();
      await p.session.release();
    });
  }

  it('derives the sample rate, the state, the window and the encoder limits with reasons', async () => {
    const voice = await prepare(corpus.get('recurrent.onnx')!);
    expect(voice.plan.fills.sr).toEqual({ value: '16000', reason: 'a sample rate: 16000 Hz' });
    expect(voice.plan.fills.state!.value).toBe('zeros');
    expect(voice.plan.dims.N).toEqual({ value: 64, reason: "the first convolution's window: 64 values" });
    const encoder = await prepare(corpus.get('encoder-50.onnx')!);
    expect(encoder.plan.fills.input_ids).toEqual({ value: 'int:0,49', reason: 'from the embedding table: 50 tokens' });
    expect(encoder.plan.dims.sequence).toEqual({ value: 16, reason: 'from the position table: 16 positions' });
    expect(encoder.plan.fills.attention_mask!.value).toBe('ones');
  });

  it('refuses external data outside the model folder and names a missing file', async () => {
    await expect(prepare(corpus.get('external-escape.onnx')!)).rejects.toThrow(/"\.\.\/escape\.onnx_data" climbs out/);
    await expect(prepare(corpus.get('external-missing.onnx')!)).rejects.toThrow(/external-missing\.onnx_data/);
  });
});

describe('failures name the input and the fix', () => {
  it('index out of range: token ids beyond the vocabulary', async () => {
    const p = await prepare(corpus.get('encoder-50.onnx')!);
    const error = await runOnce(p, { inputs: { input_ids: 'int:0,99' } });
    expect(error?.input).toBe('input_ids');
    expect(error?.message).toMatch(/input_ids.*50 rows.*in\.input_ids=int:0,49/);
    expect(error?.raw).not.toMatch(/\/onnxruntime_src\//);
  });

  it('index out of range: a sequence longer than the position table', async () => {
    const p = await prepare(corpus.get('encoder-50.onnx')!);
    const error = await runOnce(p, { dims: { sequence: 40 } });
    expect(error?.message).toMatch(/sequence \(40\) meets a fixed size of 16.*dim\.sequence=16/);
  });

  it('shape mismatch between two inputs', async () => {
    const p = await prepare(corpus.get('add-two.onnx')!);
    const error = await runOnce(p, { dims: { n: 3, m: 5 } });
    expect(error?.message).toMatch(/dimensions n \(3\) and m \(5\).*dim\.m=3 \(inputs a and b\)/);
    expect(error?.input).toBe('b');
  });

  it('a signal shorter than the first convolution', async () => {
    const p = await prepare(corpus.get('recurrent.onnx')!);
    const error = await runOnce(p, { dims: { N: 10 } });
    expect(error?.input).toBe('input');
    expect(error?.message).toMatch(/Input input is too short for Conv node .*at least 64 values.*dim\.N=64/);
  });

  it('a wrong sample rate is blamed on sr', async () => {
    const p = await prepare(corpus.get('recurrent.onnx')!);
    const error = await runOnce(p, { inputs: { sr: '44100' } });
    expect(error?.input).toBe('sr');
    expect(error?.message).toMatch(/in\.sr=16000/);
  });
});

describe('the ort built-ins run on derived defaults', () => {
  for (const entry of CATALOG.filter((e) => e.preset === 'tiny' && e.onnxStems.includes('model'))) {
    it(entry.id, async () => {
      const model = generateEntry(entry, { dtypes: ['fp32'] }).files.find((f) => f.path === 'onnx/model.onnx')!;
      const p = await prepare(model.data as Uint8Array);
      expect(await runOnce(p)).toBeNull();
      await p.session.release();
    });
  }
});
