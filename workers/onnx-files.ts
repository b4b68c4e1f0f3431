/**
 * The files an .onnx model needs besides itself: external data (weights beside the model,
 * `model.onnx_data` or `model.onnx.data`), read through ModelFiles like every other byte, and a
 * hub folder's preprocessor_config.json (the image size its processor feeds).
 */
import { externalDataPath, externalLocationProblem } from '../src/core/external-data.ts';
import { externalLocations, type OnnxGraph } from '../src/core/inputs/onnx-graph.ts';
import { BenchError } from './errors.ts';
import type { ModelFiles } from './model-files.ts';

export interface ExternalDataFile {
  /** The location as the model names it: onnxruntime matches on this. */
  path: string;
  data: Uint8Array;
}

/** Every external data file the graph names; refused locations and missing files are errors. */
export async function readExternalData(files: ModelFiles, onnxPath: string, graph: OnnxGraph): Promise<ExternalDataFile[]> {
  const locations = externalLocations(graph);
  for (const location of locations) {
    const problem = externalLocationProblem(location);
    if (problem) throw new BenchError('BadModelError', problem);
  }
  return Promise.all(locations.map(async (location) => ({
    path: location,
    data: await files.read(externalDataPath(onnxPath, location),
      `the model keeps its weights in ${location}; ${files.paths ? `drop ${onnxPath} together with ${location}` : `put ${location} beside the model`}`),
  })));
}

/** The image size a hub folder's processor resizes to, where the folder has one. */
export async function preprocessorImageSize(files: ModelFiles): Promise<{ height: number; width: number } | undefined> {
  // A dropped folder says what it holds; a URL in a hub layout (…/onnx/model.onnx) has it one up.
  const path = files.paths
    ? (files.paths.includes('preprocessor_config.json') ? 'preprocessor_config.json' : null)
    : (files.describe('').endsWith('/onnx/') ? '../preprocessor_config.json' : null);
  if (!path) return undefined;
  const bytes = await files.tryRead(path).catch(() => null);
  if (!bytes) return undefined;
  try {
    type Size = number | { height?: number; width?: number; shortest_edge?: number };
    const config = JSON.parse(new TextDecoder().decode(bytes)) as { size?: Size; crop_size?: Size };
    const size = config.crop_size ?? config.size;
    if (typeof size === 'number') return { height: size, width: size };
    const edge = size?.shortest_edge;
    const height = size?.height ?? edge;
    const width = size?.width ?? edge;
    return height && width ? { height, width } : undefined;
  } catch {
    return undefined;
  }
}
