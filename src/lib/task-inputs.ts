/**
 * The sample inputs the app ships (public/samples/, listed in samples.json) and the TaskInput a
 * task run sends to the worker: a sample or the user's own image, WAV file or text.
 */
import { TASKS, type InputKind, type TaskId, type TaskInput } from '../core/tasks/types.ts';

export interface Sample {
  id: string;
  kind: Exclude<InputKind, 'text'>;
  file: string;
  label: string;
}

export interface SampleCatalog {
  samples: Sample[];
  texts: Partial<Record<TaskId, string>>;
}

let catalog: Promise<SampleCatalog> | null = null;

export function loadSamples(): Promise<SampleCatalog> {
  catalog ??= fetch(new URL('samples/samples.json', document.baseURI))
    .then((r) => (r.ok ? r.json() : { samples: [], texts: {} }))
    .catch(() => ({ samples: [], texts: {} }));
  return catalog;
}

/** The media kind a task reads (image or audio), or null for text-only tasks. */
export function mediaKind(task: TaskId): Sample['kind'] | null {
  const kinds = TASKS[task].inputs;
  return kinds.includes('image') ? 'image' : kinds.includes('audio') ? 'audio' : null;
}

export function taskReadsText(task: TaskId): boolean {
  return TASKS[task].inputs.includes('text');
}

export async function sampleBlob(sample: Sample): Promise<Blob> {
  const response = await fetch(new URL(`samples/${sample.file}`, document.baseURI));
  if (!response.ok) throw new Error(`The sample ${sample.file} could not be read (HTTP ${response.status}).`);
  return response.blob();
}

/** A TaskInput from a media file (sample or the user's) and the task's text. */
export function taskInput(task: TaskId, media: { name: string; blob: Blob } | null, text: string): TaskInput {
  const kind = mediaKind(task);
  const input: TaskInput = { name: media?.name ?? 'text' };
  if (kind && media) input[kind] = media.blob;
  if (taskReadsText(task)) input.text = text;
  if (taskReadsText(task) && !media) input.name = text.slice(0, 40);
  return input;
}

/** The input a run uses when the user chose none: the first sample of the right kind, the default text. */
export async function defaultTaskInput(task: TaskId, sampleId?: string | null): Promise<TaskInput> {
  const { samples, texts } = await loadSamples();
  const kind = mediaKind(task);
  const sample = kind ? samples.find((s) => s.kind === kind && (!sampleId || s.id === sampleId)) : undefined;
  if (kind && sampleId && !sample) throw new Error(`There is no ${kind} sample "${sampleId}"; samples: ${samples.filter((s) => s.kind === kind).map((s) => s.id).join(', ')}.`);
  const media = sample ? { name: sample.file, blob: await sampleBlob(sample) } : null;
  return taskInput(task, media, texts[task] ?? '');
}
