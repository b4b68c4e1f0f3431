/**
 * Which runtime reads what the user dropped or chose: the one function to change when formats
 * choose their runtime (a GGUF file, a .tflite file…). A single model file is read as a file; a
 * folder or several files as a folder (model.json means TF.js, config.json transformers.js).
 */
import type { FolderFile } from '../../workers/protocol.ts';
import type { RuntimeId } from '../core/result.ts';
import { runtimeForFiles } from './runtime-sources.ts';

export type DropRoute =
  | { kind: 'file'; file: File; runtime: RuntimeId }
  | { kind: 'folder'; runtime: RuntimeId };

export function routeDroppedFiles(files: readonly FolderFile[], current: RuntimeId): DropRoute {
  const detected = runtimeForFiles(files.map((f) => f.path));
  const only = files.length === 1 ? files[0]! : null;
  if (only && (detected === null || detected === 'ort')) {
    // An .onnx file is onnxruntime-web's whatever runtime was showing; anything else is tried by
    // the current runtime, which says what is wrong with it.
    return { kind: 'file', file: only.file, runtime: detected ?? current };
  }
  return { kind: 'folder', runtime: detected && detected !== 'ort' ? detected : current };
}
