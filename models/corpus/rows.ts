/**
 * The format corpus, in the spirit of Netron's model list: one row per model the user might
 * drop, with the format it must be recognised as and what must happen. Rows either point at
 * the zoo's generated models or carry their own bytes (written to public/zoo/_corpus/<id>/).
 *
 * outcome: runs (a benchmark), explains (a card: what it is, why no browser runs it, how to
 * convert), errors (a message of class `errorClass`: the mistake's format id, or a load error
 * class of workers/errors.ts).
 */
import {
  concat, flatbufferHead, ggufHeader, hdf5, HTML_404, LFS_POINTER, MLPACKAGE_MANIFEST, mlmodel, noise, npy,
  OPENVINO_XML, pickleBytes, pytorchZip, safetensorsFile, savedModelPb, TORCH_LEGACY_MAGIC, zip,
} from './fixtures.ts';

export type Outcome = 'runs' | 'explains' | 'errors';

export interface CorpusRow {
  id: string;
  note: string;
  /** The folder under public/ holding the files. */
  root: string;
  /** Paths under root, dropped together (one file, or a folder's contents). */
  files: string[];
  /** What ?model= names, relative to root: one of the files, or '' for the folder. Default: files[0]. */
  url?: string;
  format: string;
  outcome: Outcome;
  errorClass?: string;
  /** The format its URL names when that one file says less than the set (default: format). */
  urlFormat?: string;
  /** For runs: the runtime the file must route to, and a task when that runtime needs one. */
  runtime?: 'ort' | 'tfjs' | 'transformers' | 'litert';
  task?: 'feature-extraction';
}

type Bytes = Uint8Array | string;
/** Rows that carry their bytes: path → content. */
export const CORPUS_FILES: Record<string, Record<string, Bytes>> = {};

const CORPUS_ROOT = 'zoo/_corpus';

function made(id: string, files: Record<string, Bytes>, row: Omit<CorpusRow, 'id' | 'root' | 'files'>): CorpusRow {
  CORPUS_FILES[id] = files;
  return { id, root: `${CORPUS_ROOT}/${id}`, files: Object.keys(files), ...row };
}

function zoo(id: string, root: string, files: string[], row: Omit<CorpusRow, 'id' | 'root' | 'files'>): CorpusRow {
  return { id, root, files, ...row };
}

const SMALL_TENSORS = {
  'embed.weight': { dtype: 'F16', shape: [64, 16] },
  'layer.0.weight': { dtype: 'F32', shape: [16, 16] },
  'layer.0.bias': { dtype: 'F32', shape: [16] },
  'head.weight': { dtype: 'BF16', shape: [10, 16] },
};
const HF_CONFIG = JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_size: 16 });

export const CORPUS: readonly CorpusRow[] = [
  // ONNX: the zoo's models run; broken ones say why.
  zoo('onnx-resnet', 'zoo/resnet-tiny', ['onnx/model.onnx'], { note: 'a vision ONNX model', format: 'onnx', outcome: 'runs', runtime: 'ort' }),
  zoo('onnx-truncated', 'zoo/_fixtures', ['truncated.onnx'], { note: 'a download cut in half', format: 'onnx', outcome: 'errors', errorClass: 'corrupt-model' }),
  zoo('onnx-unknown-op', 'zoo/_fixtures', ['unknown-op.onnx'], { note: 'an op no runtime has', format: 'onnx', outcome: 'errors', errorClass: 'unsupported-operator' }),
  made('onnx-external-data-alone', { 'model.onnx_data': noise(256) }, { note: 'external data without its .onnx', format: 'onnx-external-data', outcome: 'explains' }),
  made('ort-format-header', { 'model.ort': flatbufferHead('ORTM') }, { note: 'ORT format, header only', format: 'ort-format', outcome: 'errors', errorClass: 'corrupt-model' }),
  // TF.js
  zoo('tfjs-graph', 'zoo/cnn-graph-tfjs', ['model.json', 'group1-shard1of2.bin', 'group1-shard2of2.bin'], { note: 'graph model folder', format: 'tfjs-graph', outcome: 'runs', runtime: 'tfjs' }),
  zoo('tfjs-layers', 'zoo/cnn-layers-tfjs', ['model.json', 'group1-shard1of2.bin', 'group1-shard2of2.bin'], { note: 'layers model folder', format: 'tfjs-layers', outcome: 'runs', runtime: 'tfjs' }),
  made('json-empty', { 'model.json': '{}\n' }, { note: 'an empty JSON object named model.json', format: 'json', outcome: 'errors', errorClass: 'json' }),
  zoo('tfjs-missing-shard', 'zoo/_fixtures/tfjs-missing-shard', ['model.json', 'group1-shard1of2.bin'], { note: 'a shard left behind', format: 'tfjs-graph', outcome: 'errors', errorClass: 'fetch-failed' }),
  zoo('tfjs-shard-alone', 'zoo/cnn-graph-tfjs', ['group1-shard1of2.bin'], { note: 'a weight shard without model.json', format: 'tfjs-weights', outcome: 'explains' }),
  // Hugging Face folders
  zoo('hf-onnx-folder', 'zoo/bert-tiny', ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'], { url: '', note: 'hub layout with ONNX', format: 'hf-onnx', outcome: 'runs', runtime: 'transformers', task: 'feature-extraction' }),
  made('hf-safetensors-folder', { 'config.json': HF_CONFIG, 'model.safetensors': safetensorsFile(SMALL_TENSORS, { format: 'pt' }) }, { url: 'model.safetensors', urlFormat: 'safetensors', note: 'a hub checkpoint without ONNX', format: 'hf-checkpoint', outcome: 'explains' }),
  // TFLite
  zoo('tflite-cnn', 'zoo/cnn-tflite', ['model.tflite'], { note: 'the zoo CNN written with flatbuffers', format: 'tflite', outcome: 'runs', runtime: 'litert' }),
  made('tflite-header-only', { 'model.tflite': flatbufferHead('TFL3') }, { note: 'TFL3 identifier, no model behind it', format: 'tflite', outcome: 'errors', errorClass: 'corrupt-model' }),
  // GGUF
  made('gguf-header', { 'model.gguf': ggufHeader() }, { note: 'GGUF metadata, no tensors', format: 'gguf', outcome: 'errors', errorClass: 'bad-model' }),
  made('gguf-magic-only', { 'tiny.gguf': concat('GGUF', [3, 0, 0, 0]) }, { note: 'GGUF cut after its version', format: 'gguf', outcome: 'errors', errorClass: 'bad-model' }),
  // safetensors
  made('safetensors', { 'model.safetensors': safetensorsFile(SMALL_TENSORS) }, { note: 'weights only', format: 'safetensors', outcome: 'explains' }),
  made('safetensors-metadata', { 'adapter.safetensors': safetensorsFile({ 'lora.A': { dtype: 'F32', shape: [4, 16] } }, { format: 'pt' }) }, { note: '__metadata__ names the producer', format: 'safetensors', outcome: 'explains' }),
  made('safetensors-index', { 'model.safetensors.index.json': JSON.stringify({ metadata: { total_size: 4096 }, weight_map: { 'a.weight': 'model-00001-of-00002.safetensors', 'b.weight': 'model-00002-of-00002.safetensors' } }) }, { note: 'a sharded checkpoint index', format: 'safetensors-index', outcome: 'explains' }),
  made('safetensors-bad-length', { 'broken.safetensors': concat(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]), '{}') }, { note: 'header length past the end', format: 'unknown', outcome: 'errors', errorClass: 'unknown' }),
  // PyTorch and pickles
  made('pytorch-zip', { 'model.pt': pytorchZip(false) }, { note: 'torch.save checkpoint', format: 'pytorch-zip', outcome: 'explains' }),
  made('pytorch-bin', { 'pytorch_model.bin': pytorchZip(false) }, { note: 'the hub name for a torch.save file', format: 'pytorch-zip', outcome: 'explains' }),
  made('torchscript', { 'model.pt': pytorchZip(true) }, { note: 'torch.jit.save archive', format: 'torchscript', outcome: 'explains' }),
  made('pytorch-legacy', { 'model.pth': concat(TORCH_LEGACY_MAGIC, noise(64)) }, { note: 'pre-1.6 torch.save', format: 'pytorch-legacy', outcome: 'explains' }),
  made('pickle-sklearn', { 'model.pkl': pickleBytes('sklearn.linear_model._base', 'LinearRegression') }, { note: 'a research format the seed warns about', format: 'pickle', outcome: 'explains' }),
  made('pickle-joblib', { 'model.joblib': concat([0x80, 0x03], 'cjoblib.numpy_pickle\nNumpyArrayWrapper\nq\x00.') }, { note: 'joblib dump', format: 'pickle', outcome: 'explains' }),
  // Keras
  made('keras-h5', { 'model.h5': hdf5(true) }, { note: 'legacy Keras HDF5', format: 'keras-h5', outcome: 'explains' }),
  made('keras-h5-weights', { 'weights.h5': hdf5(false) }, { note: 'HDF5 without Keras attributes', format: 'keras-h5', outcome: 'explains' }),
  made('keras-v3', { 'model.keras': zip({ 'metadata.json': '{"keras_version": "3.3.3"}', 'config.json': '{"class_name": "Sequential"}', 'model.weights.h5': hdf5(false) }) }, { note: 'Keras 3 zip', format: 'keras-v3', outcome: 'explains' }),
  // SavedModel
  made('savedmodel-folder', { 'saved_model.pb': savedModelPb(), 'variables/variables.index': noise(32), 'variables/variables.data-00000-of-00001': noise(128) }, { note: 'saved_model.pb beside variables/', format: 'savedmodel', outcome: 'explains' }),
  made('savedmodel-pb-alone', { 'saved_model.pb': savedModelPb() }, { note: 'the graph file alone', format: 'savedmodel', outcome: 'explains' }),
  // TensorRT
  made('tensorrt-engine', { 'model.engine': concat('ptrt', noise(124)) }, { note: 'engine with its magic', format: 'tensorrt', outcome: 'explains' }),
  made('tensorrt-plan', { 'model.plan': concat([0, 0, 0, 0], 'ftrt', noise(56)) }, { note: 'plan file', format: 'tensorrt', outcome: 'explains' }),
  // Core ML
  made('coreml-mlmodel', { 'model.mlmodel': mlmodel() }, { note: 'protobuf Core ML spec', format: 'coreml', outcome: 'explains' }),
  made('coreml-mlpackage', { 'Tiny.mlpackage/Manifest.json': MLPACKAGE_MANIFEST, 'Tiny.mlpackage/Data/com.apple.CoreML/model.mlmodel': mlmodel() }, { note: 'an .mlpackage folder', format: 'coreml', outcome: 'explains' }),
  // OpenVINO
  made('openvino-ir', { 'model.xml': OPENVINO_XML, 'model.bin': noise(64) }, { note: 'IR with weights', format: 'openvino-ir', outcome: 'explains' }),
  made('openvino-xml-alone', { 'model.xml': OPENVINO_XML }, { note: 'IR without its .bin', format: 'openvino-ir', outcome: 'explains' }),
  // NumPy
  made('numpy-npy', { 'input.npy': npy([2, 3]) }, { note: 'an array, not a model', format: 'numpy', outcome: 'explains' }),
  made('numpy-npz', { 'weights.npz': zip({ 'w.npy': npy([4]), 'b.npy': npy([2]) }) }, { note: 'arrays in a zip', format: 'numpy-zip', outcome: 'explains' }),
  // Mistakes
  zoo('html-as-onnx', 'zoo/_fixtures', ['not-onnx.onnx'], { note: 'a 404 page saved as model.onnx', format: 'html', outcome: 'errors', errorClass: 'html' }),
  zoo('empty-onnx', 'zoo/_fixtures', ['empty.onnx'], { note: 'an empty download', format: 'empty', outcome: 'errors', errorClass: 'empty' }),
  made('lfs-onnx', { 'model.onnx': LFS_POINTER }, { note: 'git clone without git lfs', format: 'git-lfs-pointer', outcome: 'errors', errorClass: 'git-lfs-pointer' }),
  made('lfs-safetensors', { 'model.safetensors': LFS_POINTER }, { note: 'LFS pointer for weights', format: 'git-lfs-pointer', outcome: 'errors', errorClass: 'git-lfs-pointer' }),
  made('html-as-tflite', { 'model.tflite': HTML_404 }, { note: 'a web page saved as a model', format: 'html', outcome: 'errors', errorClass: 'html' }),
  made('json-config-alone', { 'config.json': HF_CONFIG }, { note: 'a hub config without its folder', format: 'json', outcome: 'errors', errorClass: 'json' }),
  made('json-data', { 'labels.json': JSON.stringify(['cat', 'dog']) }, { note: 'a label list', format: 'json', outcome: 'errors', errorClass: 'json' }),
  made('empty-tflite', { 'model.tflite': '' }, { note: 'an empty file', format: 'empty', outcome: 'errors', errorClass: 'empty' }),
  made('text-notes', { 'README.txt': 'This folder holds the model.\nRun export.py first.\n' }, { note: 'notes, not a model', format: 'text', outcome: 'errors', errorClass: 'text' }),
  made('zip-of-folder', { 'model.zip': zip({ 'model/README.md': '# model\n', 'model/weights.dat': noise(32) }) }, { note: 'a zipped folder', format: 'zip', outcome: 'errors', errorClass: 'zip' }),
  made('html-login-page', { 'model.gguf': '<html><head><title>Sign in</title></head><body>Sign in to continue</body></html>' }, { note: 'a login page saved as a model', format: 'html', outcome: 'errors', errorClass: 'html' }),
  made('lfs-gguf', { 'model.gguf': LFS_POINTER }, { note: 'an LFS pointer for a GGUF', format: 'git-lfs-pointer', outcome: 'errors', errorClass: 'git-lfs-pointer' }),
  made('random-bytes', { 'model.bin': noise(200, 99) }, { note: 'bytes nothing recognises', format: 'unknown', outcome: 'errors', errorClass: 'unknown' }),
  made('random-as-onnx', { 'model.onnx': concat([0xff, 0x00, 0x13, 0x88], noise(60, 4)) }, { note: 'not ONNX despite its name', format: 'unknown', outcome: 'errors', errorClass: 'unknown' }),
];
