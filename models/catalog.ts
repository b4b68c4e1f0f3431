/**
 * The model catalog, as plain data: every synthetic zoo entry and the real hub
 * model of the same architecture. The app imports this file alone (it pulls in
 * no generator code); `npm run models` writes the files each entry names.
 */

export type Domain = 'vision' | 'nlp' | 'speech' | 'multimodal';
export type Preset = 'tiny' | 'full';
/** transformers.js dtype names and the file suffix each one selects. */
export type Dtype = 'fp32' | 'fp16' | 'q8';

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
  const withTfjs = f.tfjs ? { ...base, tfjsModel: `zoo/${id}/tfjs/model.json` } : base;
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
