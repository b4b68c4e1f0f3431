import { architecture } from './arch/registry.ts';
import type { CatalogEntry, Dtype, Preset } from './catalog.ts';
import { DTYPE_SUFFIX, GGUF_TYPES, type GgufType } from './catalog.ts';
import type { LlamaConfig } from './arch/llama.ts';
import { llamaGguf, type LlamaGguf } from './gguf/index.ts';
import { encodeModel } from './onnx/encode.ts';
import { parameterCount } from './core/params.ts';
import { toTfjsGraphModel } from './tfjs/graph-model.ts';
import type { ValueInfoProto } from './onnx/types.ts';

/**
 * Turns a catalog entry into the files of its hub-layout folder. Pure: no
 * file system, so the same code runs in the CLI and in a browser Worker.
 */

export interface ZooFile {
  /** Path inside the entry's folder, e.g. "onnx/model.onnx". */
  path: string;
  data: Uint8Array | string;
}

/** One graph input or output as declared in the file; symbolic dims are strings. */
export interface TensorSignature {
  name: string;
  type: string;
  shape: (number | string)[];
}

export interface GeneratedEntry {
  entry: CatalogEntry;
  parameters: number;
  /** Inputs and outputs of each ONNX file stem (fp32 variant; other variants keep the same IO). */
  signatures: Record<string, { inputs: TensorSignature[]; outputs: TensorSignature[] }>;
  files: ZooFile[];
}

const TYPE_NAMES: Record<number, string> = { 1: 'float32', 3: 'int8', 6: 'int32', 7: 'int64', 9: 'bool', 10: 'float16' };

function signature(info: ValueInfoProto): TensorSignature {
  const t = info.type.tensor_type;
  return { name: info.name, type: TYPE_NAMES[t.elem_type] ?? String(t.elem_type), shape: t.shape.dim.map((d) => d.dim_param ?? d.dim_value ?? '?') };
}

export const DEFAULT_SEED = 42;
export const ALL_DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8'];

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Parameters and IO of an entry, from a shapes-only build: cheap even for full presets. */
export function describeEntry(entry: CatalogEntry): Pick<GeneratedEntry, 'parameters' | 'signatures'> {
  const family = architecture(entry.architecture);
  const config = family.presets[entry.preset];
  family.validate(config);
  const graphs = family.build(config, { seed: DEFAULT_SEED, variant: 'fp32', dryRun: true });
  const signatures: GeneratedEntry['signatures'] = {};
  for (const { fileStem, model } of graphs) {
    signatures[fileStem] = { inputs: model.graph.input.map(signature), outputs: model.graph.output.map(signature) };
  }
  return { parameters: parameterCount(graphs.map((g) => g.model)), signatures };
}

/**
 * Yields the files of one entry one at a time, so a caller can write each and
 * drop it (full presets run to hundreds of MB per file). Validates first:
 * an impossible preset throws InvalidConfigError before any weight exists.
 */
export function* entryFiles(entry: CatalogEntry, options: { seed?: number; dtypes?: readonly Dtype[]; ggufTypes?: readonly GgufType[] } = {}): Generator<ZooFile> {
  const family = architecture(entry.architecture);
  const config = family.presets[entry.preset];
  family.validate(config);
  for (const [path, value] of Object.entries(family.hubFiles(config))) yield { path, data: json(value) };
  for (const dtype of options.dtypes ?? ALL_DTYPES) {
    const graphs = family.build(config, { seed: options.seed ?? DEFAULT_SEED, variant: dtype });
    for (const { fileStem, model } of graphs) {
      yield { path: `onnx/${fileStem}${DTYPE_SUFFIX[dtype]}.onnx`, data: encodeModel(model) };
    }
    const first = graphs[0];
    if (dtype === 'fp32' && family.tfjsInputSize && first) {
      const { modelJson, shards } = toTfjsGraphModel(first.model.graph, family.tfjsInputSize(config));
      yield { path: 'tfjs/model.json', data: json(modelJson) };
      for (const [name, data] of Object.entries(shards)) yield { path: `tfjs/${name}`, data };
    }
  }
  // The same seeded weights as GGUF for llama.cpp (wllama); one file per GGML type.
  for (const type of entry.gguf ? (options.ggufTypes ?? GGUF_TYPES) : []) {
    const file = llamaGguf(config as LlamaConfig, { type, seed: options.seed ?? DEFAULT_SEED, name: entry.name });
    yield { path: `gguf/model-${type}.gguf`, data: file.whole() };
  }
}

/** Every file of one entry in memory, with its description; for tests and the browser. */
export function generateEntry(entry: CatalogEntry, options: { seed?: number; dtypes?: readonly Dtype[]; ggufTypes?: readonly GgufType[] } = {}): GeneratedEntry {
  const files = [...entryFiles(entry, options)];
  return { entry, ...describeEntry(entry), files };
}

/** Parameter count of an entry's fp32 graphs, built shapes-only (no weight bytes), so full presets count in milliseconds. */
export function countParameters(entry: CatalogEntry): number {
  return describeEntry(entry).parameters;
}

/** Preset values with `overrides` on top; nested config objects (CLIP's towers) merge one level deep. */
export function mergeConfig<T>(base: T, overrides: Record<string, unknown>): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    const bothObjects = typeof current === 'object' && current !== null && !Array.isArray(current) && typeof value === 'object' && value !== null && !Array.isArray(value);
    merged[key] = bothObjects ? { ...current, ...value } : value;
  }
  return merged as T;
}

export interface SynthesizeRequest {
  architecture: string;
  preset: Preset;
  /** Parameter overrides on the preset, e.g. { layers: 6 } or { vision: { layers: 6 } }. */
  overrides?: Record<string, unknown>;
  dtype?: Dtype;
  seed?: number;
}

export interface SynthesizedModel {
  /** Learned parameters of the fp32 graph, whatever dtype was asked for. */
  parameters: number;
  /** ONNX files by stem (model, encoder_model, decoder_model_merged). */
  onnx: Record<string, Uint8Array>;
  /** JSON files of the hub layout (config.json, tokenizer.json, …) as text. */
  hubFiles: Record<string, string>;
}

/**
 * One model from any parameters: what the browser's "Synthesize" runs in a
 * Worker. Validates before allocating anything; throws InvalidConfigError.
 */
export function synthesize(request: SynthesizeRequest): SynthesizedModel {
  const family = architecture(request.architecture);
  const config = mergeConfig(family.presets[request.preset], request.overrides ?? {});
  family.validate(config);
  const graphs = family.build(config, { seed: request.seed ?? DEFAULT_SEED, variant: request.dtype ?? 'fp32' });
  const onnx = Object.fromEntries(graphs.map(({ fileStem, model }) => [fileStem, encodeModel(model)]));
  const hubFiles = Object.fromEntries(Object.entries(family.hubFiles(config)).map(([path, value]) => [path, json(value)]));
  const counted = family.build(config, { seed: 0, variant: 'fp32', dryRun: true });
  const parameters = parameterCount(counted.map((g) => g.model));
  return { parameters, onnx, hubFiles };
}

export interface GgufSynthesizeRequest {
  architecture: string;
  preset: Preset;
  type: GgufType;
  seed?: number;
  name: string;
}

/** A LLaMA-family preset as a GGUF file, not yet encoded: its size is known before any weight exists. */
export function synthesizeGguf(request: GgufSynthesizeRequest): LlamaGguf {
  const family = architecture(request.architecture);
  const config = family.presets[request.preset] as LlamaConfig;
  family.validate(config);
  if (!('tiedEmbeddings' in config)) throw new Error(`${request.architecture} has no GGUF form: only the LLaMA families do`);
  return llamaGguf(config, { type: request.type, seed: request.seed ?? DEFAULT_SEED, name: request.name });
}
