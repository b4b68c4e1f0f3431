/**
 * The format registry: every module in the order it is tried (magic numbers first, then names,
 * then loose text checks), the first match names the file. A set of files (a dropped folder)
 * is named by its layout first: model.json, a hub folder, a SavedModel, an .mlpackage, IR.
 */
import { baseName, extension } from './bytes.ts';
import { coreMl } from './coreml.ts';
import { gguf } from './gguf.ts';
import { kerasH5, kerasV3 } from './keras.ts';
import { empty, gitLfsPointer, html, json, text, unknown, unknownWhy, zipArchive } from './mistakes.ts';
import { numpy, numpyZip } from './numpy.ts';
import { onnx, onnxContents, onnxExternalData } from './onnx.ts';
import { inspectOnnx } from './onnx-inspect.ts';
import { openVino } from './openvino.ts';
import { ortFormat } from './ort-format.ts';
import { pickle, pytorchLegacy, pytorchZip, torchScript } from './pytorch.ts';
import { safetensors, safetensorsIndex } from './safetensors.ts';
import { savedModel } from './savedmodel.ts';
import { tensorRt } from './tensorrt.ts';
import { tflite } from './tflite.ts';
import { tfjsGraph, tfjsLayers, tfjsWeights } from './tfjs.ts';
import { TO_GGUF, TO_ONNX_OPTIMUM } from './conversions.ts';
import type { Detection, FileSample, FormatModule } from './types.ts';

export const FORMATS: readonly FormatModule[] = [
  empty, gitLfsPointer, html,
  gguf, tflite, ortFormat, numpy, pytorchLegacy, safetensors,
  torchScript, pytorchZip, kerasV3, numpyZip, zipArchive,
  kerasH5, tensorRt,
  onnxExternalData, tfjsWeights, coreMl, savedModel,
  onnx,
  tfjsGraph, tfjsLayers, safetensorsIndex, openVino,
  pickle, json, text, unknown,
];

export function formatById(id: string): FormatModule | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** How many bytes from the start a file's header needs, once its first bytes are known. */
export function headerBytesFor(sample: FileSample): number {
  const format = FORMATS.find((f) => f.match(sample));
  return format?.headerBytes?.(sample.head) ?? sample.head.length;
}

function detection(format: FormatModule, sample: FileSample, entry = sample.name): Detection {
  let contents = {};
  try {
    contents = format.describe?.(sample) ?? {};
  } catch {
    contents = { notes: ['the header could not be read'] };
  }
  const why = format === unknown ? unknownWhy(sample.name) : format.why;
  return {
    format: format.id, label: format.label, kind: format.kind, runtime: format.runtime, entry, contents,
    ...(why ? { why } : {}), ...(format.convert ? { convert: format.convert } : {}),
    ...(format.alsoRunsIn ? { alsoRunsIn: format.alsoRunsIn } : {}),
  };
}

/** What one file is. */
export function detectFile(sample: FileSample): Detection {
  return detection(FORMATS.find((f) => f.match(sample))!, sample);
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`) || path.includes(`/${folder}/`);

/**
 * What a set of files is (paths relative to the dropped folder). Layouts that only the set
 * tells come first; otherwise the set is named by its model file, or by its first file.
 */
export function detectSet(samples: readonly FileSample[]): Detection {
  if (samples.length === 1) return detectFile(samples[0]!);
  const paths = samples.map((s) => s.name);
  const byName = (test: (name: string) => boolean) => samples.find((s) => test(s.name));
  const modelJson = byName((p) => baseName(p) === 'model.json');
  if (modelJson) return detectFile(modelJson);
  const config = byName((p) => baseName(p) === 'config.json');
  const onnxFile = byName((p) => extension(p) === '.onnx');
  if (config && onnxFile) {
    return { ...detectFile(onnxFile), format: 'hf-onnx', label: 'Hugging Face folder with ONNX weights', runtime: 'transformers', entry: '' };
  }
  const savedModelPb = byName((p) => baseName(p) === 'saved_model.pb');
  if (savedModelPb) {
    const found = detectFile(savedModelPb);
    const variables = paths.some((p) => under(p, 'variables'));
    return { ...found, contents: { ...found.contents, notes: [...(found.contents.notes ?? []), variables ? 'variables/ present' : 'variables/ missing'] } };
  }
  const manifest = byName((p) => baseName(p) === 'Manifest.json' && p.includes('.mlpackage'));
  if (manifest || paths.some((p) => p.includes('.mlpackage/'))) return detection(coreMl, manifest ?? samples[0]!);
  const ir = samples.find((s) => openVino.match(s));
  if (ir) return detection(openVino, ir);
  if (onnxFile) return detectFile(onnxFile);
  const weights = byName((p) => extension(p) === '.safetensors') ?? byName((p) => /\.safetensors\.index\.json$/.test(p));
  if (config && weights) {
    const found = detectFile(weights);
    return { ...found, format: 'hf-checkpoint', label: 'Hugging Face checkpoint (weights and config.json, no ONNX)', convert: [TO_ONNX_OPTIMUM, TO_GGUF] };
  }
  const model = samples.map(detectFile).find((d) => d.kind === 'model');
  return model ?? detectFile(samples[0]!);
}

/** Facts of a whole ONNX file (the worker's inspection has every byte). */
export function describeOnnxBytes(bytes: Uint8Array) {
  const inspection = inspectOnnx(bytes);
  return { inspection, contents: onnxContents(inspection) };
}
