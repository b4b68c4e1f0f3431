/**
 * The ORT format (.ort): onnxruntime's own flatbuffer serialisation of an ONNX model, file
 * identifier "ORTM" at bytes 4-7. onnxruntime-web loads it like an .onnx file.
 */
import { startsWith } from './bytes.ts';
import type { FormatModule } from './types.ts';

export const ortFormat: FormatModule = {
  alsoRunsIn: ['onnxruntime mobile (Android, iOS)'],
  id: 'ort-format',
  label: 'ONNX Runtime format (.ort)',
  kind: 'model',
  runtime: 'ort',
  match: ({ head }) => startsWith(head, 'ORTM', 4),
};
