/**
 * Keras: a legacy .h5 (HDF5, signature 89 48 44 46 0d 0a 1a 0a at offset 0, or 512, 1024… with
 * a user block) whose attributes hold keras_version and the model config as JSON text; and Keras
 * 3's .keras, a zip with config.json, metadata.json and model.weights.h5.
 */
import { ascii, extension, startsWith } from './bytes.ts';
import { KERAS_TO_TFJS, TF_TO_TFLITE } from './conversions.ts';
import type { Contents, FormatModule } from './types.ts';
import { isZip, zipNames } from './zip.ts';

const HDF5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

function isHdf5(head: Uint8Array): boolean {
  for (let at = 0; at < head.length; at = at === 0 ? 512 : at * 2) if (startsWith(head, HDF5, at)) return true;
  return false;
}

function describeH5(head: Uint8Array): Contents {
  const text = ascii(head);
  const keras = /keras_version.{0,40}?(\d+\.\d+(\.\d+)?)/s.exec(text)?.[1];
  const backend = /"?backend"?.{0,20}?(tensorflow|jax|torch|theano)/s.exec(text)?.[1];
  const className = /"class_name":\s*"(\w+)"/.exec(text)?.[1];
  return {
    ...(keras ? { producer: `Keras ${keras}${backend ? ` (${backend})` : ''}` } : {}),
    ...(className ? { architecture: className } : {}),
    notes: keras || className ? [] : ['HDF5: Keras weights or another HDF5 file (no Keras attributes in its first bytes)'],
  };
}

const WHY = 'Keras runs in Python (TensorFlow, JAX or PyTorch). A browser runs its TF.js or TFLite conversion.';

export const kerasH5: FormatModule = {
  id: 'keras-h5',
  label: 'Keras model (HDF5 .h5)',
  kind: 'model',
  runtime: null,
  match: ({ head }) => isHdf5(head),
  describe: ({ head }) => describeH5(head),
  why: WHY,
  convert: [KERAS_TO_TFJS, { ...TF_TO_TFLITE, commands: ['model = keras.models.load_model("model.h5")', 'open("model.tflite", "wb").write(tf.lite.TFLiteConverter.from_keras_model(model).convert())'] }],
};

export const kerasV3: FormatModule = {
  id: 'keras-v3',
  label: 'Keras 3 model (.keras)',
  kind: 'model',
  runtime: null,
  match: ({ head, tail, name }) => {
    if (!isZip(head)) return false;
    const names = zipNames(head, tail);
    return names.includes('config.json') && (names.includes('model.weights.h5') || names.includes('metadata.json') || extension(name) === '.keras');
  },
  describe: ({ head, tail }) => ({ notes: [`members: ${zipNames(head, tail).join(', ')}`] }),
  why: WHY,
  convert: [{ ...KERAS_TO_TFJS, commands: ['pip install tensorflowjs', 'tensorflowjs_converter --input_format=keras_keras3 model.keras ./tfjs-out/'] }],
};
