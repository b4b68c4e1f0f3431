/**
 * The input of a task run, as the user picks it: a shipped sample or their own file for the
 * task's media (image or audio), and the task's text. Every change rebuilds bench.taskInput.
 */
import type { TaskId } from '../core/tasks/types.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { captureCameraFrame, recordMicrophone } from './capture.ts';
import { loadSamples, mediaKind, sampleBlob, taskInput, taskReadsText, type Sample } from './task-inputs.ts';

export class TaskInputChoice {
  readonly bench: Benchmark;
  readonly task: TaskId;
  samples = $state.raw<Sample[]>([]);
  /** A sample id, or "own" for the user's file. */
  selected = $state('');
  text = $state('');
  error = $state<string | null>(null);
  #own: File | null = null;
  #applied = 0;

  constructor(bench: Benchmark, task: TaskId) {
    this.bench = bench;
    this.task = task;
  }

  get media(): Sample['kind'] | null {
    return mediaKind(this.task);
  }

  get readsText(): boolean {
    return taskReadsText(this.task);
  }

  async init(): Promise<void> {
    const catalog = await loadSamples();
    this.samples = catalog.samples.filter((s) => s.kind === this.media);
    this.text = catalog.texts[this.task] ?? '';
    this.selected = this.samples[0]?.id ?? '';
    await this.apply();
  }

  async choose(id: string): Promise<void> {
    this.selected = id;
    await this.apply();
  }

  async chooseFile(file: File | undefined): Promise<void> {
    if (!file) return;
    this.#own = file;
    this.selected = 'own';
    await this.apply();
  }

  /** The microphone (3 s) or one camera frame, as the user's own file. */
  async capture(): Promise<void> {
    this.error = null;
    try {
      await this.chooseFile(this.media === 'audio' ? await recordMicrophone(3) : await captureCameraFrame());
    } catch (cause) {
      this.error = `The ${this.media === 'audio' ? 'microphone' : 'camera'} could not be used: ${cause instanceof Error ? cause.message : String(cause)}`;
    }
  }

  async setText(text: string): Promise<void> {
    this.text = text;
    await this.apply();
  }

  /** Rebuilds bench.taskInput; a run started meanwhile waits for it (bench.taskInputReady). */
  apply(): Promise<void> {
    const ready = this.#apply(++this.#applied);
    this.bench.taskInputReady = ready;
    return ready;
  }

  async #apply(seq: number): Promise<void> {
    this.error = null;
    try {
      const sample = this.samples.find((s) => s.id === this.selected);
      const media = this.selected === 'own' && this.#own ? { name: this.#own.name, blob: this.#own as Blob }
        : sample ? { name: sample.file, blob: await sampleBlob(sample) } : null;
      // A newer choice was made while this one's sample loaded: that one wins.
      if (seq !== this.#applied) return;
      this.bench.taskInput = taskInput(this.task, media, this.text);
      this.bench.config.sample = sample?.id;
    } catch (cause) {
      if (seq === this.#applied) this.error = cause instanceof Error ? cause.message : String(cause);
    }
  }
}
