/**
 * TensorFlow SavedModel: a folder with saved_model.pb (a SavedModel protobuf: field 1
 * saved_model_schema_version, field 2 meta_graphs) beside variables/. Recognised by name: the
 * .pb alone is any protobuf.
 */
import { baseName } from './bytes.ts';
import { TF_TO_ONNX, TF_TO_TFLITE } from './conversions.ts';
import type { FormatModule } from './types.ts';

export const savedModel: FormatModule = {
  id: 'savedmodel',
  label: 'TensorFlow SavedModel',
  kind: 'model',
  runtime: null,
  match: ({ name }) => baseName(name) === 'saved_model.pb' || baseName(name) === 'saved_model.pbtxt',
  describe: ({ head }) => {
    const text = new TextDecoder().decode(head.subarray(0, 8192));
    const tf = /\b(\d+\.\d+\.\d+)\b/.exec(text)?.[1];
    const tags = text.includes('serve') ? ['tag "serve"'] : [];
    return { ...(tf ? { producer: `TensorFlow ${tf}` } : {}), notes: tags };
  },
  why: 'A SavedModel runs in TensorFlow (Python or C++). Browsers run its TF.js, TFLite or ONNX conversion.',
  convert: [
    { to: 'TF.js', runtime: 'tfjs', commands: ['pip install tensorflowjs', 'tensorflowjs_converter --input_format=tf_saved_model ./saved_model ./tfjs-out/'] },
    TF_TO_TFLITE,
    TF_TO_ONNX,
  ],
};
