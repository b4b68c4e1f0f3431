/**
 * Task pipelines: a model used the way an application uses it, timed end to end from a real
 * input (image, audio, text) to a usable answer, and split into pre-processing, model and
 * post-processing. Plain data only, like result.ts.
 */
import type { DomainId } from '../method/matrix.ts';
import type { Stats } from '../result.ts';

export type TaskId =
  | 'image-classification' | 'object-detection'
  | 'feature-extraction' | 'text-generation'
  | 'automatic-speech-recognition'
  | 'zero-shot-image-classification';

export type InputKind = 'image' | 'audio' | 'text';

export interface TaskInfo {
  id: TaskId;
  domain: DomainId;
  /** What the task reads: zero-shot reads an image and candidate labels (text). */
  inputs: InputKind[];
}

export const TASKS: Readonly<Record<TaskId, TaskInfo>> = {
  'image-classification': { id: 'image-classification', domain: 'vision', inputs: ['image'] },
  'object-detection': { id: 'object-detection', domain: 'vision', inputs: ['image'] },
  'feature-extraction': { id: 'feature-extraction', domain: 'nlp', inputs: ['text'] },
  'text-generation': { id: 'text-generation', domain: 'nlp', inputs: ['text'] },
  'automatic-speech-recognition': { id: 'automatic-speech-recognition', domain: 'speech', inputs: ['audio'] },
  'zero-shot-image-classification': { id: 'zero-shot-image-classification', domain: 'multimodal', inputs: ['image', 'text'] },
};

export const TASK_IDS = Object.keys(TASKS) as TaskId[];

export function parseTask(raw: string): TaskId | null {
  return (TASK_IDS as string[]).includes(raw) ? (raw as TaskId) : null;
}

/**
 * A task's input as the page hands it to the worker. Files stay Blobs (structured-clone safely);
 * decoding happens once in the worker, outside every timed region.
 */
export interface TaskInput {
  /** The sample's or the user's file name, for the result. */
  name: string;
  image?: Blob;
  /** A WAV file (PCM 8/16/24/32-bit or float32). */
  audio?: Blob;
  /** The prompt, the sentence, or for zero-shot the comma-separated candidate labels. */
  text?: string;
}

/** One end-to-end run as a task pipeline sees it. All times in ms from the run's start. */
export interface RunSplit {
  preMs: number;
  modelMs: number;
  postMs: number;
  /** Generation only: when each new token arrived, measured from the run's start. */
  tokenTimesMs?: number[];
  /** Generation only: tokens in the prompt, as the runtime's tokenizer counted them. */
  promptTokens?: number;
  /** Generation only: the engine's own account of the run, where it gives one (llama.cpp's timings). */
  engine?: EngineTimings;
}

/** What an inference engine reports about one generation (llama.cpp: prompt_n/ms, predicted_n/ms). */
export interface EngineTimings {
  promptTokens: number;
  promptMs: number;
  decodeTokens: number;
  decodeMs: number;
}

export interface GenerationMetrics {
  /** New tokens per run (the same every run: generation is greedy with a fixed length). */
  tokens: number;
  /** Time to first token, median over runs; includes tokenisation and the prompt pass. */
  ttftMs: number;
  /** Median over runs of the mean gap between consecutive new tokens. */
  perTokenMs: number;
  /** Decode rate: 1000 / perTokenMs. */
  tokensPerSecond: number;
  /** Prompt length in tokens, where the runtime tells it. */
  promptTokens?: number;
  /** Prompt tokens / TTFT (wall clock, so tokenisation and the first sampling are in it). */
  prefillTokensPerSecond?: number;
  /** Distribution of every gap between consecutive new tokens, over all measured runs. */
  tokenLatencyMs?: { count: number; p50: number; p90: number; p99: number; max: number };
  /** The engine's own timings (medians over runs) beside ours, and how far apart they are. */
  engine?: EngineSummary;
  /** Where the model's layers ran, as the engine reported it ("22/22 layers on WebGPU"). */
  placement?: string;
}

export interface EngineSummary {
  /** Prompt processing as the engine timed it. */
  promptMs: number;
  prefillTokensPerSecond: number;
  /** Mean decode step as the engine timed it. */
  perTokenMs: number;
  tokensPerSecond: number;
  /** Our TTFT minus the engine's prompt time: messaging, tokenisation and the first sampling. */
  ttftGapMs: number;
  /** Our per-token latency minus the engine's: what each token costs outside the engine's clock. */
  perTokenGapMs: number;
}

export interface SpeechMetrics {
  audioSeconds: number;
  /** Real-time factor: median end-to-end time / audio duration (below 1 is faster than real time). */
  rtf: number;
}

export interface TaskMetrics {
  task: TaskId;
  dtype: string | null;
  input: { name: string; kinds: InputKind[]; audioSeconds?: number };
  /** Each part over the measured runs; post is end-to-end minus pre minus model. */
  split: { pre: Stats; model: Stats; post: Stats };
  /** A short rendering of the last run's answer ("LABEL_3 0.12", "3 boxes", the text). */
  output: string;
  generation?: GenerationMetrics;
  speech?: SpeechMetrics;
}
