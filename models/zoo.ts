import { architecture } from './arch/registry.ts';
import type { CatalogEntry, Dtype } from './catalog.ts';
import { DTYPE_SUFFIX } from './catalog.ts';
import { encodeModel } from './onnx/encode.ts';
import { parameterCount } from './core/params.ts';
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

/** Builds every file of one entry. Throws InvalidConfigError before building if the preset is impossible. */
export function generateEntry(entry: CatalogEntry, options: { seed?: number; dtypes?: readonly Dtype[] } = {}): GeneratedEntry {
  const family = architecture(entry.architecture);
  const config = family.presets[entry.preset];
  family.validate(config);
  const files: ZooFile[] = Object.entries(family.hubFiles(config)).map(([path, value]) => ({ path, data: json(value) }));
  let parameters = 0;
  const signatures: GeneratedEntry['signatures'] = {};
  for (const dtype of options.dtypes ?? ALL_DTYPES) {
    const graphs = family.build(config, { seed: options.seed ?? DEFAULT_SEED, variant: dtype });
    if (dtype === 'fp32') parameters = parameterCount(graphs.map((g) => g.model));
    for (const { fileStem, model } of graphs) {
      signatures[fileStem] ??= { inputs: model.graph.input.map(signature), outputs: model.graph.output.map(signature) };
    }
    for (const { fileStem, model } of graphs) {
      files.push({ path: `onnx/${fileStem}${DTYPE_SUFFIX[dtype]}.onnx`, data: encodeModel(model) });
    }
  }
  return { entry, parameters, signatures, files };
}

/** Parameter count of an entry's fp32 graphs, built shapes-only (no weight bytes), so full presets count in milliseconds. */
export function countParameters(entry: CatalogEntry): number {
  const family = architecture(entry.architecture);
  const config = family.presets[entry.preset];
  family.validate(config);
  return parameterCount(family.build(config, { seed: DEFAULT_SEED, variant: 'fp32', dryRun: true }).map((g) => g.model));
}
