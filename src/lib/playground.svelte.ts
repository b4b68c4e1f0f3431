/**
 * The whole page's state: the benchmark, history, an opened shared result and the comparison,
 * and how they meet: a finished run is saved and given a share link before it is shown, a link
 * in the address opens read-only, and "Run it on this device" re-runs a shared result here.
 */
import { parseUrlRequest, type UrlRequest } from '../core/config.ts';
import { presetFor } from '../core/method/stopping.ts';
import type { BenchResult } from '../core/result.ts';
import { isShareFragment } from '../core/share/fragment.ts';
import type { SharedResult } from '../core/share/schema.ts';
import { APP_VERSION } from './app-version.ts';
import { automationState, type BenchtabGlobal } from './automation.svelte.ts';
import { Benchmark } from './benchmark.svelte.ts';
import { History } from './history.svelte.ts';
import { fileSource, type BuiltinModel } from './model-sources.ts';
import { installOfflineApp, keepModelsOnDevice } from './offline.ts';
import { ModelMenu } from './model-menu.svelte.ts';
import { CompareSet, OpenedResult } from './shared-results.svelte.ts';
import { Tabs } from './tabs.svelte.ts';
import { DeviceLabel } from './device-label.svelte.ts';
import { ModelOpener } from './model-opener.svelte.ts';
import { splitError } from '../core/error-details.ts';
import type { FolderFile } from '../../workers/protocol.ts';

export interface CurrentShare {
  shared: SharedResult;
  url: string | null;
  error: string | null;
}

export class Playground {
  readonly bench = new Benchmark();
  readonly opener = new ModelOpener(this.bench);
  readonly history = new History();
  readonly opened = new OpenedResult();
  readonly compare = new CompareSet();
  readonly tabs = new Tabs();
  readonly deviceLabel = new DeviceLabel();
  /** The one model picker: runtime, its built-in models, files and URLs. */
  readonly menu = new ModelMenu(this.bench);
  get builtins(): BuiltinModel[] {
    return this.menu.builtins;
  }
  share = $state.raw<CurrentShare | null>(null);
  /** A shared result of a dropped file waits for the user to give the same file again. */
  rerunNeedsFile = $state(false);
  /** A shared result whose URL lost its signature waits for a fresh URL of the same model. */
  rerunNeedsUrl = $state(false);
  readonly #request: UrlRequest;
  /** With run=1 the page reports "running" from the start until the run settles. */
  #autorunPending = $state(false);

  /** runtime= in the URL: the user chose, so the file is not routed by its format. */
  readonly #runtimeGiven: boolean;

  constructor(search: string) {
    this.#request = parseUrlRequest(search);
    this.#runtimeGiven = new URLSearchParams(search).has('runtime');
    this.#autorunPending = this.#request.autorun && this.#request.model !== null;
    this.bench.beforeShow = (result) => this.#saveAndShare(result);
  }

  /** window.benchtab: an opened link wins over the (empty) benchmark behind it. */
  automation(): BenchtabGlobal {
    if (this.opened.from === 'link' && this.opened.view) {
      return { state: 'done', result: this.opened.view.result, error: null, shareUrl: null };
    }
    if (this.opened.error) return { state: 'error', result: null, error: this.opened.error, shareUrl: null };
    const format = this.opener.automation();
    const card = this.opener.card;
    if (this.opener.busy) return { state: 'running', result: this.bench.result, error: null, shareUrl: null, format, errorClass: null };
    if (card && !this.#autorunPending) {
      return { state: 'error', result: this.bench.result, error: card.message, shareUrl: null, format, errorClass: card.detection.format };
    }
    const error = this.bench.error ? splitError(this.bench.error) : null;
    return {
      state: this.#autorunPending ? 'running' : automationState(this.bench.status),
      result: this.bench.result,
      error: this.bench.error,
      shareUrl: this.bench.result ? this.share?.url ?? null : null,
      progress: this.bench.progress && { phase: this.bench.progress.phase, done: this.bench.progress.done, total: this.bench.progress.total },
      format,
      errorClass: error?.errorClass ?? (error ? 'error' : null),
    };
  }

  /**
   * The one routing function for a drop anywhere on the window and the file picker: detect,
   * choose the runtime, load or explain. The Benchmark tab shows what happened.
   */
  openFiles(files: FolderFile[]): Promise<boolean> {
    void this.tabs.show('benchmark');
    return this.opener.openFiles(files, this.#runtimeGiven);
  }

  /** A model URL the user typed: detected from its first bytes the same way. */
  openUrl(url: string): Promise<boolean> {
    return this.opener.openUrl(url, this.builtins);
  }

  async start(): Promise<void> {
    const request = this.#request;
    Object.assign(this.bench.config, request.overrides);
    this.bench.fetchOptions = { keepOnDevice: keepModelsOnDevice(), ...(request.stallMs !== undefined ? { stallMs: request.stallMs } : {}) };
    this.bench.inputs.user = request.choices;
    this.bench.autoCheck = !request.autorun;
    if (request.phaseLimitMs !== undefined) this.bench.phaseLimitMs = request.phaseLimitMs;
    this.bench.exitAfterRuns = request.exitAfterRuns;
    const mode = request.overrides.mode;
    if (mode && mode !== 'fixed' && !request.overrides.stopping) this.bench.config.stopping = presetFor(mode);
    const plainVisit = !isShareFragment(location.hash) && request.errors.length === 0;
    // A model will be inspected: its worker starts now, beside the model list fetch.
    if (plainVisit) this.bench.prestart();
    const lists = this.menu.fetchLists();
    // The default model needs only the ONNX zoo's list: it loads while the other lists arrive.
    await (plainVisit && !request.model ? this.menu.builtinsLoaded : lists);
    try {
      if (isShareFragment(location.hash)) await this.opened.openFragment(location.hash);
      else if (request.errors.length > 0) this.bench.fail(request.errors.join(' '));
      else if (request.model && (await this.opener.openUrl(request.model, this.builtins, this.#runtimeGiven)) && request.autorun) await this.bench.run();
      else if (!request.model) await this.menu.loadDefault();
    } finally {
      await lists;
      this.#autorunPending = false;
      installOfflineApp();
      void this.history.refresh();
    }
  }

  async openHistory(id: number): Promise<void> {
    const entry = await this.history.get(id);
    if (!entry) return;
    await this.opened.openEntry(entry);
    await this.tabs.show('benchmark', 'shared-title');
  }

  async compareHistory(id: number): Promise<void> {
    const entry = await this.history.get(id);
    if (entry) this.compare.add(entry.name, entry.result);
  }

  compareCurrent(): void {
    if (this.share) this.compare.add(`this run: ${this.share.shared.model.name}`, this.share.shared);
  }

  /**
   * Re-runs the opened result's model with its config here, then compares the two. `given`: the
   * dropped file, or a fresh URL for a model whose signed URL was not kept.
   */
  async rerunOpened(given?: File | string): Promise<void> {
    const shared = this.opened.view?.result;
    if (!shared) return;
    // The runtime decides how the model is found and read, so it is set before loading.
    this.bench.config.runtime = shared.config.runtime;
    const loaded = await this.#loadModelOf(shared, given);
    if (!loaded) return;
    Object.assign(this.bench.config, structuredClone(shared.config));
    // The run's progress and result show beside the shared one, in the Benchmark tab.
    void this.tabs.show('benchmark', 'run-title');
    if (await this.bench.run()) {
      this.compare.clear();
      this.compare.add(`shared: ${shared.model.name} on ${shared.device.platform}`, shared);
      this.compareCurrent();
      // Both results now stand side by side: show them there.
      await this.tabs.show('compare', 'compare-title');
    }
  }

  async #loadModelOf(shared: SharedResult, given?: File | string): Promise<boolean> {
    const { model } = shared;
    if (model.source === 'file' || !model.url) {
      const file = given instanceof File ? given : undefined;
      this.rerunNeedsFile = !file;
      if (!file || !(await this.bench.load(fileSource(file)))) return false;
      this.rerunNeedsFile = false;
      return this.#sameModel(model.sha256, 'file');
    }
    if (model.redacted) {
      // The signature was not kept, so the saved URL would be refused: ask for a fresh one.
      const url = typeof given === 'string' ? given : undefined;
      this.rerunNeedsUrl = !url;
      if (!url || !(await this.bench.loadUrl(url, this.builtins))) return false;
      this.rerunNeedsUrl = false;
      return this.#sameModel(model.sha256, 'URL');
    }
    // A built-in model is found by its path on this origin; a URL model is fetched again.
    const url = model.source === 'builtin' ? new URL(new URL(model.url).pathname, location.href).href : model.url;
    return this.bench.loadUrl(url, this.builtins);
  }

  #sameModel(sha256: string, what: string): boolean {
    const found = this.bench.inspection?.model.sha256;
    if (found === sha256) return true;
    this.bench.fail(`This ${what}'s model has sha256 ${found}, the shared model's is ${sha256}: it is not the same model.`);
    return false;
  }

  async #saveAndShare(result: BenchResult): Promise<void> {
    // The share layer (schema, zod) loads with the first result, not with the page (lazy-views.ts).
    const { toShared } = await import('../core/share/convert.ts');
    const shared = toShared(result, APP_VERSION, this.deviceLabel.value);
    try {
      await this.history.save(shared, result.timings.samplesMs);
    } catch (cause) {
      this.history.error = `This result could not be saved to history: ${String(cause)}`;
    }
    await this.#share(shared);
  }

  /** Makes the share link again after the result gained evidence (the device's ceilings). */
  async reshare(): Promise<void> {
    if (!this.bench.result) return;
    const { toShared } = await import('../core/share/convert.ts');
    await this.#share(toShared(this.bench.result, APP_VERSION));
  }

  async #share(shared: SharedResult): Promise<void> {
    let url: string | null = null;
    let error: string | null = null;
    try {
      const { shareUrl } = await import('../core/share/link.ts');
      url = await shareUrl(`${location.origin}${location.pathname}`, shared);
    } catch {
      error = 'Share links need CompressionStream, which this browser lacks; export the result from history instead.';
    }
    this.share = { shared, url, error };
  }
}
