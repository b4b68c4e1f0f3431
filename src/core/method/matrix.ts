import type { TensorSpec } from '../result.ts';

/**
 * The model selection matrix of the seed document (shared/seed/000_c5e951848589a3bf.txt,
 * "Model Selection Matrix"), as data, in one place. Labels, models, ranges, hardware and
 * complexity are copied from the seed verbatim; only `targetMs` is ours.
 */

export type DomainId = 'vision' | 'nlp' | 'speech' | 'multimodal';
export const DOMAIN_IDS: readonly DomainId[] = ['vision', 'nlp', 'speech', 'multimodal'];

export type ProductionComplexity = 'Medium' | 'High' | 'Very High';

export interface LatencyRange {
  minMs: number;
  maxMs: number;
  /** As the seed writes it, for display. */
  text: string;
}

export interface DomainProfile {
  id: DomainId;
  label: string;
  exampleModels: string[];
  typicalLatency: LatencyRange;
  hardwareNeeds: string;
  complexity: ProductionComplexity;
  /**
   * The p95 a model of this domain must beat for the verdict to pass: the upper end of the
   * typical range. A model slower than that is slower than the production models the matrix
   * lists for its domain, which is the one claim the seed supports. The user's SLA is the
   * tighter, product-specific bound and is judged alongside.
   */
  targetMs: number;
}

function profile(
  id: DomainId, label: string, exampleModels: string[], typicalLatency: LatencyRange,
  hardwareNeeds: string, complexity: ProductionComplexity,
): DomainProfile {
  return { id, label, exampleModels, typicalLatency, hardwareNeeds, complexity, targetMs: typicalLatency.maxMs };
}

export const SELECTION_MATRIX: Readonly<Record<DomainId, DomainProfile>> = {
  vision: profile('vision', 'Computer Vision', ['YOLOv8', 'ResNet', 'EfficientNet'],
    { minMs: 1, maxMs: 50, text: '1-50ms' }, 'GPU recommended', 'Medium'),
  nlp: profile('nlp', 'NLP/LLMs', ['BERT', 'GPT', 'LLaMA'],
    { minMs: 10, maxMs: 5000, text: '10ms-5s' }, 'GPU/TPU required', 'High'),
  speech: profile('speech', 'Speech/Audio', ['Whisper', 'Wav2Vec2'],
    { minMs: 30, maxMs: 200, text: '30-200ms' }, 'CPU/GPU hybrid', 'Medium'),
  multimodal: profile('multimodal', 'Multimodal', ['CLIP', 'GPT-4V', 'Flamingo'],
    { minMs: 50, maxMs: 10000, text: '50ms-10s' }, 'High-end GPU', 'Very High'),
};

/** Accepts our ids and the common spellings a catalog or a URL might use. */
const DOMAIN_ALIASES: Readonly<Record<string, DomainId>> = {
  vision: 'vision', cv: 'vision', 'computer-vision': 'vision', image: 'vision',
  nlp: 'nlp', text: 'nlp', llm: 'nlp', language: 'nlp',
  speech: 'speech', audio: 'speech',
  multimodal: 'multimodal', 'vision-language': 'multimodal',
};

export function parseDomain(raw: string): DomainId | null {
  const key = raw.trim().toLowerCase().replace(/[\s_/]+/g, '-');
  return DOMAIN_ALIASES[key] ?? null;
}

/** Hugging Face pipeline task names (the `pipeline_tag` of a model card) by domain. */
const TASK_DOMAINS: Readonly<Record<string, DomainId>> = {
  'image-classification': 'vision', 'object-detection': 'vision', 'image-segmentation': 'vision',
  'depth-estimation': 'vision', 'image-feature-extraction': 'vision', 'image-to-image': 'vision',
  'mask-generation': 'vision', 'keypoint-detection': 'vision',
  'text-classification': 'nlp', 'token-classification': 'nlp', 'question-answering': 'nlp',
  'fill-mask': 'nlp', 'feature-extraction': 'nlp', 'sentence-similarity': 'nlp',
  'text-generation': 'nlp', 'text2text-generation': 'nlp', translation: 'nlp',
  summarization: 'nlp', 'zero-shot-classification': 'nlp',
  'automatic-speech-recognition': 'speech', 'audio-classification': 'speech',
  'text-to-speech': 'speech', 'text-to-audio': 'speech', 'audio-to-audio': 'speech',
  'voice-activity-detection': 'speech',
  'zero-shot-image-classification': 'multimodal', 'zero-shot-object-detection': 'multimodal',
  'image-to-text': 'multimodal', 'image-text-to-text': 'multimodal',
  'visual-question-answering': 'multimodal', 'document-question-answering': 'multimodal',
};

export type DetectionSource = 'catalog' | 'task' | 'inputs' | 'none';

export interface DomainDetection {
  /** Null when nothing told us; the UI then asks the user to choose. */
  domain: DomainId | null;
  source: DetectionSource;
  reason: string;
}

export interface DetectionHints {
  task?: string;
  catalogDomain?: string;
  inputs: TensorSpec[];
}

const SPEECH_INPUT = /^(input_values|input_features|waveform|audio|audio_values|speech|pcm)$/;
const TEXT_INPUT = /^(input_ids|token_ids|tokens)$/;

/** A float tensor of rank 4 with 1 or 3 channels first (NCHW) or last (NHWC) is an image batch. */
function isImageLike(spec: TensorSpec): boolean {
  if (!spec.dtype.startsWith('float') || spec.shape.length !== 4) return false;
  const channels = (d: TensorSpec['shape'][number] | undefined): boolean => d === 1 || d === 3;
  return channels(spec.shape[1]) || channels(spec.shape[3]);
}

function fromInputs(inputs: TensorSpec[]): DomainDetection | null {
  const named = (pattern: RegExp): TensorSpec | undefined => inputs.find((i) => pattern.test(i.name.toLowerCase()));
  const image = named(/^pixel_values$/) ?? inputs.find(isImageLike);
  const text = named(TEXT_INPUT);
  const speech = named(SPEECH_INPUT);
  const describe = (s: TensorSpec): string => `${s.name} [${s.shape.join(', ')}]`;
  if (image && text) {
    return { domain: 'multimodal', source: 'inputs', reason: `image input ${describe(image)} and text input ${describe(text)}` };
  }
  if (speech) return { domain: 'speech', source: 'inputs', reason: `audio input ${describe(speech)}` };
  if (image) return { domain: 'vision', source: 'inputs', reason: `image input ${describe(image)}` };
  if (text) return { domain: 'nlp', source: 'inputs', reason: `token input ${describe(text)}` };
  return null;
}

/**
 * The model's domain, from the most explicit hint available: the catalog entry, then the task
 * name, then the inputs' names and shapes. The reason says which hint decided, for the UI.
 */
export function detectDomain(hints: DetectionHints): DomainDetection {
  if (hints.catalogDomain !== undefined) {
    const domain = parseDomain(hints.catalogDomain);
    if (domain) return { domain, source: 'catalog', reason: `the catalog lists it as ${hints.catalogDomain}` };
  }
  if (hints.task !== undefined) {
    const task = hints.task.trim().toLowerCase();
    const domain = TASK_DOMAINS[task];
    if (domain) return { domain, source: 'task', reason: `its task is ${task}` };
  }
  return fromInputs(hints.inputs)
    ?? { domain: null, source: 'none', reason: 'neither the catalog, the task nor the input names say; choose a domain' };
}
