/**
 * The model catalog, as plain data: every synthetic zoo entry and the real hub
 * model of the same architecture. The app imports this file alone (it pulls in
 * no generator code); `npm run models` writes the files each entry names.
 */

export type Domain = 'vision' | 'nlp' | 'speech' | 'multimodal';
export type Preset = 'tiny' | 'full';
/** transformers.js dtype names and the file suffix each one selects. */
export type Dtype = 'fp32' | 'fp16' | 'q8';

/** GGML tensor types the GGUF writer produces (models/gguf/). */
export type GgufType = 'F32' | 'F16' | 'Q8_0' | 'Q4_0';
export const GGUF_TYPES: readonly GgufType[] = ['F32', 'F16', 'Q8_0', 'Q4_0'];

/** gguf/model-Q4_0.gguf and so on: one file per type, llama.cpp's own naming. */
export const ggufPaths = (id: string): Record<GgufType, string> =>
  Object.fromEntries(GGUF_TYPES.map((t) => [t, `zoo/${id}/gguf/model-${t}.gguf`])) as Record<GgufType, string>;

export const DTYPE_SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };

export interface CatalogEntry {
  /** Folder name under zoo/, also the id the app and the automation use. */
  id: string;
  /** Display name, without the "synthetic" label the UI adds. */
  name: string;
  /** Generator family key (models/arch/registry.ts). */
  architecture: string;
  preset: Preset;
  domain: Domain;
  /** transformers.js pipeline task of the real model. */
  task: string;
  /** The hub-layout folder, relative to the site root (public/ in the repo). */
  path: string;
  /** ONNX file stems under onnx/; the file for a dtype is `${stem}${DTYPE_SUFFIX[dtype]}.onnx`. */
  onnxStems: string[];
  /** TF.js graph model (model.json + shards) of the fp32 weights, relative to the site root; vision models only. */
  tfjsModel?: string;
  /** GGUF files of the same weights, relative to the site root, by GGML type (llama-family models). */
  gguf?: Partial<Record<GgufType, string>>;
  /** The real model of the same architecture on the Hugging Face hub. */
  hubId: string;
  /** False where that repository has no transformers.js ONNX files (PyTorch weights only). */
  hubHasOnnx: boolean;
  /** Parameter count of the published model this preset reproduces (full presets only). */
  publishedParameters?: number;
  /** Always true: weights are seeded noise; latency is real, outputs are meaningless. */
  synthetic: true;
  /** The app's runtimes that can run it: its pickers offer it only there (tested by catalog.spec.ts). */
  runtimes: ('ort' | 'transformers' | 'tfjs')[];
}

interface Family {
  architecture: string;
  domain: Domain;
  task: string;
  hubId: string;
  hubHasOnnx: boolean;
  onnxStems: string[];
  tfjs?: true;
  /** False where transformers.js has no model class for the architecture (YOLOv8: "Unsupported model type"). */
  transformersJs?: false;
  /** Also written as GGUF (F32, F16, Q8_0, Q4_0) for llama.cpp / wllama. */
  gguf?: true;
  tiny: { id: string; name: string };
  full: { id: string; name: string; publishedParameters: number };
}

const FAMILIES: Family[] = [
  { architecture: 'resnet', tfjs: true, domain: 'vision', task: 'image-classification', hubId: 'Xenova/resnet-50', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'resnet-tiny', name: 'ResNet (tiny)' }, full: { id: 'resnet-50', name: 'ResNet-50', publishedParameters: 25_557_032 } },
  { architecture: 'mobilenetv2', tfjs: true, domain: 'vision', task: 'image-classification', hubId: 'Xenova/mobilenet_v2_1.0_224', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'mobilenet-v2-tiny', name: 'MobileNetV2 (tiny)' }, full: { id: 'mobilenet-v2', name: 'MobileNetV2 1.0 224', publishedParameters: 3_504_872 } },
  { architecture: 'efficientnet', tfjs: true, domain: 'vision', task: 'image-classification', hubId: 'google/efficientnet-b0', hubHasOnnx: false, onnxStems: ['model'],
    tiny: { id: 'efficientnet-tiny', name: 'EfficientNet (tiny)' }, full: { id: 'efficientnet-b0', name: 'EfficientNet-B0', publishedParameters: 5_288_548 } },
  { architecture: 'yolov8', tfjs: true, transformersJs: false, domain: 'vision', task: 'object-detection', hubId: 'Ultralytics/YOLOv8', hubHasOnnx: false, onnxStems: ['model'],
    tiny: { id: 'yolov8-tiny', name: 'YOLOv8 (tiny)' }, full: { id: 'yolov8n', name: 'YOLOv8n', publishedParameters: 3_157_200 } },
  { architecture: 'bert', domain: 'nlp', task: 'feature-extraction', hubId: 'Xenova/bert-base-uncased', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'bert-tiny', name: 'BERT (tiny)' }, full: { id: 'bert-base', name: 'BERT-base', publishedParameters: 109_482_240 } },
  { architecture: 'gpt2', domain: 'nlp', task: 'text-generation', hubId: 'Xenova/gpt2', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'gpt2-tiny', name: 'GPT-2 (tiny)' }, full: { id: 'gpt2', name: 'GPT-2 small', publishedParameters: 124_439_808 } },
  { architecture: 'llama', gguf: true, domain: 'nlp', task: 'text-generation', hubId: 'Xenova/TinyLlama-1.1B-Chat-v1.0', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'llama-tiny', name: 'LLaMA (tiny)' }, full: { id: 'tinyllama-1.1b', name: 'TinyLlama-1.1B', publishedParameters: 1_100_048_384 } },
  { architecture: 'llama3', gguf: true, domain: 'nlp', task: 'text-generation', hubId: 'onnx-community/Llama-3.2-1B-Instruct', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'llama3-tiny', name: 'Llama 3 (tiny, tied embeddings)' }, full: { id: 'llama-3.2-1b', name: 'Llama-3.2-1B', publishedParameters: 1_235_814_400 } },
  { architecture: 'wav2vec2', domain: 'speech', task: 'automatic-speech-recognition', hubId: 'Xenova/wav2vec2-base-960h', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'wav2vec2-tiny', name: 'Wav2Vec2 CTC (tiny)' }, full: { id: 'wav2vec2-base', name: 'Wav2Vec2-base CTC', publishedParameters: 94_396_320 } },
  { architecture: 'whisper', domain: 'speech', task: 'automatic-speech-recognition', hubId: 'Xenova/whisper-tiny', hubHasOnnx: true, onnxStems: ['encoder_model', 'decoder_model_merged'],
    tiny: { id: 'whisper-micro', name: 'Whisper (micro, below tiny)' }, full: { id: 'whisper-tiny', name: 'Whisper-tiny', publishedParameters: 37_760_640 } },
  { architecture: 'clip', domain: 'multimodal', task: 'zero-shot-image-classification', hubId: 'Xenova/clip-vit-base-patch32', hubHasOnnx: true, onnxStems: ['model'],
    tiny: { id: 'clip-tiny', name: 'CLIP ViT (tiny)' }, full: { id: 'clip-vit-b32', name: 'CLIP ViT-B/32', publishedParameters: 151_277_313 } },
];

function entry(f: Family, preset: Preset): CatalogEntry {
  const { id, name } = f[preset];
  const base = { id, name, architecture: f.architecture, preset, domain: f.domain, task: f.task, path: `zoo/${id}`,
    onnxStems: f.onnxStems, hubId: f.hubId, hubHasOnnx: f.hubHasOnnx, synthetic: true as const,
    runtimes: [
      ...(f.onnxStems.includes('model') ? ['ort' as const] : []),
      ...(f.transformersJs === false ? [] : ['transformers' as const]),
      ...(f.tfjs ? ['tfjs' as const] : []),
    ] };
  const withTfjs = f.tfjs ? { ...base, tfjsModel: `zoo/${id}/tfjs/model.json` } : f.gguf ? { ...base, gguf: ggufPaths(id) } : base;
  return preset === 'full' ? { ...withTfjs, publishedParameters: f.full.publishedParameters } : withTfjs;
}

/** Every entry, tiny presets first (they are the built-in offline zoo). */
export const CATALOG: readonly CatalogEntry[] = [...FAMILIES.map((f) => entry(f, 'tiny')), ...FAMILIES.map((f) => entry(f, 'full'))];

export const catalogByDomain = (domain: Domain): CatalogEntry[] => CATALOG.filter((e) => e.domain === domain);

export const catalogEntry = (id: string): CatalogEntry | undefined => CATALOG.find((e) => e.id === id);

/** The path of one ONNX file of an entry, relative to the site root. */
export function onnxPath(entry: CatalogEntry, dtype: Dtype, stem = entry.onnxStems[0] ?? 'model'): string {
  return `${entry.path}/onnx/${stem}${DTYPE_SUFFIX[dtype]}.onnx`;
}
