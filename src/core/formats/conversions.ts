/**
 * The exact commands that turn a format no browser runs into one that runs here. Shared by the
 * format modules (several formats convert the same way).
 */
import type { Conversion } from './types.ts';

export const TO_ONNX_OPTIMUM: Conversion = {
  to: 'ONNX', runtime: 'ort',
  commands: ['pip install "optimum[exporters]"', 'optimum-cli export onnx --model ./model-folder ./onnx-out/'],
  note: 'For a Hugging Face folder (config.json beside the weights); drop the output folder here to run it with transformers.js.',
};

export const TO_GGUF: Conversion = {
  to: 'GGUF', runtime: 'wllama',
  commands: ['git clone https://github.com/ggml-org/llama.cpp', 'python llama.cpp/convert_hf_to_gguf.py ./model-folder --outfile model.gguf --outtype q8_0'],
  note: 'For language models (LLaMA, Mistral, Qwen, Phi…).',
};

export const TORCH_TO_ONNX: Conversion = {
  to: 'ONNX', runtime: 'ort',
  commands: [
    'model = MyModel(); model.load_state_dict(torch.load("model.pt", weights_only=True)); model.eval()',
    'torch.onnx.export(model, (example_input,), "model.onnx", dynamo=True)',
  ],
  note: 'Needs the model\'s Python class; load only checkpoints you trust (weights_only=True refuses code).',
};

export const KERAS_TO_TFJS: Conversion = {
  to: 'TF.js', runtime: 'tfjs',
  commands: ['pip install tensorflowjs', 'tensorflowjs_converter --input_format=keras model.h5 ./tfjs-out/'],
};

export const TF_TO_TFLITE: Conversion = {
  to: 'TFLite', runtime: 'litert',
  commands: [
    'converter = tf.lite.TFLiteConverter.from_saved_model("./saved_model")',
    'open("model.tflite", "wb").write(converter.convert())',
  ],
};

export const TF_TO_ONNX: Conversion = {
  to: 'ONNX', runtime: 'ort',
  commands: ['pip install tf2onnx', 'python -m tf2onnx.convert --saved-model ./saved_model --output model.onnx --opset 17'],
};

export const hfConversions: readonly Conversion[] = [TO_ONNX_OPTIMUM, TO_GGUF];
