/**
 * Opens whatever the user gives (dropped files, a chosen folder, a URL): detects its format from
 * its first bytes and names, picks the runtime that runs it, and loads it; or, for a format no
 * browser runs (or a mistake), shows a card that says what it is and how to convert it. The
 * runtime stays the user's to override (the runtime picker, or runtime= in the URL).
 */
import { detectSet, type Detection, type FileSample } from '../core/formats/index.ts';
import { problemMessage } from '../core/formats/sniff.ts';
import type { RuntimeId } from '../core/result.ts';
import { isHubId, RUNTIME_LABELS, RUNTIMES } from '../core/runtimes.ts';
import type { FolderFile, ModelSource } from '../../workers/protocol.ts';
import type { AutomationFormat } from './automation.svelte.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { fileSource, type BuiltinModel } from './model-sources.ts';
import { sampleFiles, sampleUrl, StalledError } from './model-sample.ts';
import { switchRuntime } from './runtime-choice.svelte.ts';
import { folderSource } from './runtime-sources.ts';

/** What the card shows: the detection, and whether it is a format to convert or a mistake. */
export interface FormatCardView {
  detection: Detection;
  outcome: 'explains' | 'errors';
  /** The whole explanation in one message, for automation. */
  message: string;
}

function runnable(detection: Detection): RuntimeId | null {
  const runtime = detection.runtime;
  return runtime && detection.kind === 'model' && runtime in RUNTIMES ? (runtime as RuntimeId) : null;
}

function cardFor(detection: Detection): FormatCardView {
  if (detection.kind === 'mistake') return { detection, outcome: 'errors', message: problemMessage(detection) };
  const runtime = detection.runtime;
  if (runtime && detection.kind === 'model') {
    // Named by the registry but not in this build (a runtime some builds leave out).
    const why = `${detection.label} runs with ${RUNTIME_LABELS[runtime]}, which this build of benchtab does not include yet.`;
    return { detection: { ...detection, why }, outcome: 'explains', message: problemMessage({ ...detection, why }) };
  }
  return { detection, outcome: 'explains', message: problemMessage(detection) };
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

export class ModelOpener {
  /** What the last model given was recognised as. */
  detection = $state.raw<Detection | null>(null);
  /** Set when that model cannot run here: what it is, why, and how to convert it. */
  card = $state.raw<FormatCardView | null>(null);
  /** Counts detections, so automation can tell this one from the last. */
  seq = $state(0);
  /** True while a model is being sampled and routed (before any worker starts). */
  busy = $state(false);
  readonly #bench: Benchmark;

  constructor(bench: Benchmark) {
    this.#bench = bench;
  }

  /**
   * Dropped or chosen files (one file, several, or a folder's contents). With the runtime given
   * (runtime= in the URL) a runnable model stays with that runtime, which says what it lacks.
   */
  async openFiles(files: FolderFile[], runtimeGiven = false): Promise<boolean> {
    // A drop replaces a model being read (the default one, on a first visit), never a run.
    if (files.length === 0 || this.#bench.status === 'running' || this.busy) return false;
    this.busy = true;
    let runtime: RuntimeId | null;
    try {
      runtime = this.#route(detectSet(await sampleFiles(files)), runtimeGiven);
    } finally {
      this.busy = false;
    }
    const detection = this.detection!;
    if (!runtime) return false;
    const entry = files.find((f) => f.path === detection.entry);
    const single = files.length === 1 || (runtime === 'litert' && entry);
    const source: ModelSource = single ? fileSource((entry ?? files[0]!).file) : folderSource(files);
    return this.#loaded(await this.#bench.load(source));
  }

  /** The format goes into the checklist's evidence once its model has loaded. */
  #loaded(ok: boolean): boolean {
    const d = this.detection;
    if (ok && d && !this.card) this.#bench.addEvidence({ format: { label: d.label, alsoRunsIn: [...(d.alsoRunsIn ?? [])] } });
    return ok;
  }

  /**
   * A URL: detected from its first bytes unless the runtime was given (then that runtime reads it
   * and says what is wrong). A folder URL or a hub id is a transformers.js model.
   */
  async openUrl(url: string, builtins: readonly BuiltinModel[], runtimeGiven = false): Promise<boolean> {
    const text = url.trim();
    this.card = null;
    if (!runtimeGiven) {
      if (isHubId(text)) this.#use('transformers');
      else if (text.endsWith('/')) await this.#openFolderUrl(text);
      else {
        let absolute: string | null = null;
        try {
          absolute = new URL(text, location.href).href;
        } catch {
          // The bench says the URL is invalid.
        }
        this.busy = true;
        try {
          const { stallMs, keepOnDevice } = this.#bench.fetchOptions;
          const sample = absolute ? await sampleUrl(absolute, fileName(absolute), stallMs, keepOnDevice) : null;
          if (sample && !this.#route(detectSet([sample]))) return false;
        } catch (cause) {
          // A server that stops sending: the same clear error a stalled download ends with.
          if (!(cause instanceof StalledError)) throw cause;
          this.#bench.fail(cause.message);
          return false;
        } finally {
          this.busy = false;
        }
      }
    }
    return this.#loaded(await this.#bench.loadUrl(text, builtins));
  }

  /** A folder URL: a hub layout, told by its config.json and onnx/model.onnx (when the server has them). */
  async #openFolderUrl(url: string): Promise<void> {
    this.busy = true;
    try {
      const base = new URL(url, location.href);
      const { stallMs, keepOnDevice } = this.#bench.fetchOptions;
      const samples = (await Promise.all(['config.json', 'onnx/model.onnx'].map((path) => sampleUrl(new URL(path, base).href, path, stallMs, keepOnDevice))))
        .filter((s) => s !== null);
      if (samples.length === 2) this.#route(detectSet(samples));
      else this.#use('transformers');
    } catch {
      this.#use('transformers');
    } finally {
      this.busy = false;
    }
  }

  /** The automation contract's view of the last detection. */
  automation(): AutomationFormat | null {
    const d = this.detection;
    if (!d) return null;
    return { seq: this.seq, id: d.format, label: d.label, entry: d.entry, runtime: d.runtime, outcome: this.card?.outcome ?? 'runs', contents: d.contents };
  }

  /** Chooses the runtime for a detection, or shows the card; returns the runtime or null. */
  #route(detection: Detection, runtimeGiven = false): RuntimeId | null {
    this.detection = detection;
    this.seq++;
    const runtime = runnable(detection);
    this.card = runtime ? null : cardFor(detection);
    // The card replaces the model shown: Run must not benchmark the previous one by mistake.
    if (!runtime) this.#bench.unload();
    else if (runtimeGiven) return this.#bench.config.runtime;
    else this.#use(runtime);
    return runtime;
  }

  #use(runtime: RuntimeId): void {
    if (this.#bench.config.runtime !== runtime) switchRuntime(this.#bench.config, runtime);
  }
}
