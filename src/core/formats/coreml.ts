/**
 * Core ML: a .mlmodel (a protobuf Model: field 1 specificationVersion) or an .mlpackage folder
 * with Manifest.json and Data/com.apple.CoreML/model.mlmodel. Recognised by name: the protobuf
 * alone looks like any other.
 */
import { baseName, extension } from './bytes.ts';
import { readVarint } from './protobuf.ts';
import type { FormatModule } from './types.ts';

export const coreMl: FormatModule = {
  id: 'coreml',
  label: 'Core ML model',
  kind: 'model',
  runtime: null,
  match: ({ name, head }) => extension(name) === '.mlmodel' || (baseName(name) === 'Manifest.json' && /com\.apple\.CoreML/.test(new TextDecoder().decode(head))),
  describe: ({ head, name }) => {
    if (extension(name) !== '.mlmodel' || head[0] !== 0x08) return { notes: ['an .mlpackage (Manifest.json)'] };
    try {
      return { version: `specification ${readVarint(head, 1)[0]}` };
    } catch {
      return {};
    }
  },
  why: 'Core ML runs only on Apple\'s frameworks (macOS, iOS); no browser runs it.',
  convert: [{ to: 'ONNX', runtime: 'ort', commands: ['torch.onnx.export(model, (example_input,), "model.onnx")'], note: 'Export the source model (PyTorch or TensorFlow) that coremltools converted; Core ML has no maintained exporter back to ONNX.' }],
};
