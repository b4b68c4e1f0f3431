/**
 * A model as a set of files, whatever it arrived as: one dropped file, a dropped folder (TF.js
 * shards, a hub-layout repository), a URL (its folder is the base for relative paths) or a
 * Hugging Face hub id. Runtimes read through it, so every byte is timed and counted the same way,
 * a missing file is reported by name, a file's first bytes are checked before the rest is read,
 * and a file an earlier worker downloaded (the inspection's) is not downloaded again.
 */
import { DEFAULT_STALL_MS } from '../src/core/fetch/stall.ts';
import { download, HEAD_BYTES } from './download.ts';
import { keep, readKept } from './model-cache.ts';
import { BenchError } from './errors.ts';
import { describeMissing, describePath, HUB_HOST, locate, urlOf, type Origin } from './model-origin.ts';
import type { DownloadProgress, FetchedFile, ModelSource } from './protocol.ts';
import { headCheckFor, sha256Hex, sourceName, type HeadCheck } from './source.ts';
import { unionMs, type Span } from './spans.ts';

export { HUB_HOST } from './model-origin.ts';

interface FileRecord {
  bytes: Uint8Array;
  url: string | null;
  /** The download's interval in the clock of the worker that fetched it. */
  span: Span;
  /** True when an earlier worker fetched it: its span is in that worker's clock. */
  reused: boolean;
  /** Read from this device's model cache, not downloaded: its span is a disk read. */
  kept?: true;
  blob?: Blob;
}

export interface ReadOptions {
  /** Why the file is needed, for the message when it is missing. */
  why?: string;
  /** Throws when the first bytes say the file is unusable; default: by the file's name. */
  checkHead?: HeadCheck;
}

export interface ModelFilesOptions {
  onDownload?: (progress: DownloadProgress) => void;
  /** Called when a download ends and none is left in flight: the next phase (compiling) begins. */
  onDownloadsDone?: () => void;
}

export class ModelFiles {
  readonly name: string;
  /** The file a runtime starts from ('model.onnx', 'model.json'); '' for a hub-layout folder. */
  readonly entry: string;
  readonly #origin: Origin;
  readonly #stallMs: number;
  /** Read from and write to this device's model cache (the page decides: workers/model-cache.ts). */
  readonly #keepOnDevice: boolean;
  readonly #fetched = new Map<string, FetchedFile>();
  readonly #options: ModelFilesOptions;
  #inFlight = 0;
  readonly #read = new Map<string, FileRecord>();
  /** Missing paths and the HTTP status that said so (0 for a dropped set). */
  readonly #missing = new Map<string, number>();
  /** Time this worker spent waiting for reads, downloads or not. */
  readonly #waits: Span[] = [];
  readonly #loading = new Map<string, Promise<FileRecord | number>>();

  constructor(source: ModelSource, options: ModelFilesOptions = {}) {
    const { origin, entry } = locate(source);
    this.name = sourceName(source);
    this.entry = entry;
    this.#origin = origin;
    const remote = source.kind === 'file' || source.kind === 'folder' ? null : source;
    this.#stallMs = remote?.stallMs ?? DEFAULT_STALL_MS;
    this.#keepOnDevice = remote?.keepOnDevice === true;
    for (const file of remote?.fetched ?? []) this.#fetched.set(file.url, file);
    this.#options = options;
  }

  /** The dropped files' paths; null where only asking tells (a URL or the hub). */
  get paths(): string[] | null {
    return this.#origin.kind === 'local' ? [...this.#origin.files.keys()] : null;
  }

  /** Paths asked for that did not exist, in order (how "this dtype has no files" is told). */
  get missing(): string[] {
    return [...this.#missing.keys()];
  }

  /** Where a path is, for messages: its URL (without secrets), or its place among the dropped files. */
  describe(path: string): string {
    return describePath(this.#origin, this.entry, path);
  }

  /** "The dropped files have no config.json" / "https://…/config.json is missing". */
  describeMissing(path: string): string {
    return describeMissing(this.#origin, this.entry, path);
  }

  /** A file's bytes, or null when it does not exist; network failures are FetchErrors. */
  async tryRead(path: string, options: ReadOptions = {}): Promise<Uint8Array | null> {
    const known = this.#read.get(path);
    if (known) return known.bytes;
    if (this.#missing.has(path)) return null;
    const start = performance.now();
    // Readers of a file already on its way share its one download (the head check is the first reader's).
    let loading = this.#loading.get(path);
    if (!loading) {
      loading = this.#load(path, options.checkHead ?? headCheckFor(path)).finally(() => this.#loading.delete(path));
      this.#loading.set(path, loading);
    }
    try {
      const loaded = await loading;
      if (typeof loaded === 'number') {
        this.#missing.set(path, loaded);
        return null;
      }
      this.#read.set(path, loaded);
      return loaded.bytes;
    } finally {
      this.#waits.push([start, performance.now()]);
    }
  }

  /** A file's bytes; a missing file is an error that names it. `why` may be given alone. */
  async read(path: string, options: ReadOptions | string = {}): Promise<Uint8Array> {
    const { why = '', ...rest } = typeof options === 'string' ? { why: options } : options;
    const bytes = await this.tryRead(path, rest);
    if (bytes) return bytes;
    const status = this.#missing.get(path) ?? 0;
    throw new BenchError('FetchError', status
      ? `Downloading ${this.describe(path)} failed with HTTP ${status}${why ? `: ${why}` : ''}.${status === 404 ? ' Check the address.' : this.#refusedHint()}`
      : `${this.describeMissing(path)}${why ? `: ${why}` : ''}.`);
  }

  /** A Response for libraries that fetch (transformers.js): 404 for a missing file, as a server would. */
  async response(path: string): Promise<Response> {
    const bytes = await this.tryRead(path);
    return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200 }) : new Response(null, { status: 404, statusText: 'Not Found' });
  }

  /** Bytes read so far. */
  get bytes(): number {
    return [...this.#read.values()].reduce((sum, r) => sum + r.bytes.byteLength, 0);
  }

  /**
   * Wall time the files took to arrive, once: this worker's reads, plus the downloads an earlier
   * worker made of the files reused here (each worker's intervals merged in its own clock).
   */
  get fetchMs(): number {
    const records = [...this.#read.values()];
    return unionMs(records.filter((r) => !r.reused).map((r) => r.span)) + unionMs(records.filter((r) => r.reused).map((r) => r.span));
  }

  /** Whether a file came from this device's model cache: fetchMs then includes a disk read, not only downloads. */
  get fromDeviceCache(): boolean {
    return [...this.#read.values()].some((record) => record.kept);
  }

  /** Time this worker spent waiting for its reads (reused files included): not part of init. */
  get waitMs(): number {
    return unionMs(this.#waits);
  }

  /** What this worker fetched or reused from the network, for the next worker to reuse. */
  fetched(): FetchedFile[] {
    const files: FetchedFile[] = [];
    for (const record of this.#read.values()) {
      if (!record.url) continue;
      const blob = (record.blob ??= new Blob([record.bytes as Uint8Array<ArrayBuffer>]));
      files.push({ url: record.url, blob, startMs: record.span[0], endMs: record.span[1], ...(record.kept ? { kept: true as const } : {}) });
    }
    for (const [path, status] of this.#missing) {
      const url = urlOf(this.#origin, this.entry, path);
      if (url && status > 0) files.push({ url, status });
    }
    return files;
  }

  /** One file: its sha256. Several: the sha256 of "sha256  path" lines, sorted (like sha256sum). */
  async digest(): Promise<string> {
    const entries = [...this.#read.entries()];
    if (entries.length === 1) return sha256Hex(entries[0]![1].bytes);
    const lines = await Promise.all(entries.map(async ([path, r]) => `${await sha256Hex(r.bytes)}  ${path}`));
    return sha256Hex(new TextEncoder().encode(`${lines.sort().join('\n')}\n`));
  }

  #refusedHint(): string {
    return this.#origin.kind === 'remote' && new URL(this.#origin.base).search
      ? ' A signed URL may have expired, or its signature may cover only the file it names: get a fresh URL, or drop the files instead.'
      : ' The server refused it: the address may need a signature or token, or drop the file instead.';
  }

  /** The file, or the status that says it is not there (0: not among the dropped files). */
  async #load(path: string, checkHead?: HeadCheck): Promise<FileRecord | number> {
    const origin = this.#origin;
    if (origin.kind === 'local') {
      const blob = origin.files.get(path);
      if (!blob) return 0;
      const start = performance.now();
      // The first bytes first: a wrong file is refused before the whole of it is read.
      checkHead?.(new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer()), blob.size);
      return { bytes: new Uint8Array(await blob.arrayBuffer()), url: null, span: [start, performance.now()], reused: false };
    }
    const url = urlOf(origin, this.entry, path);
    if (url === null) return 0;
    const cached = this.#fetched.get(url);
    if (cached) {
      if ('status' in cached) return cached.status;
      return {
        bytes: new Uint8Array(await cached.blob.arrayBuffer()), url, span: [cached.startMs, cached.endMs], reused: true, blob: cached.blob,
        ...(cached.kept ? { kept: true as const } : {}),
      };
    }
    const start = performance.now();
    const kept = this.#keepOnDevice ? await readKept(url) : null;
    if (kept) {
      checkHead?.(kept.subarray(0, HEAD_BYTES), kept.byteLength);
      return { bytes: kept, url, span: [start, performance.now()], reused: false, kept: true };
    }
    const hubId = origin.kind === 'remote' ? origin.hubId : undefined;
    const { onDownload, onDownloadsDone } = this.#options;
    this.#inFlight++;
    try {
      const bytes = await download(url, {
        stallMs: this.#stallMs,
        ...(checkHead ? { checkHead } : {}),
        ...(onDownload ? { onProgress: onDownload } : {}),
        ...(hubId ? { unreachable: () => hubUnreachable(hubId) } : {}),
      });
      if (typeof bytes === 'number') return bytes;
      const span: Span = [start, performance.now()];
      if (this.#keepOnDevice) await keep(url, bytes);
      return { bytes, url, span, reused: false };
    } finally {
      if (--this.#inFlight === 0) onDownloadsDone?.();
    }
  }
}

function hubUnreachable(hubId: string): string {
  return `Could not reach the Hugging Face hub for "${hubId}": this device is offline or ${HUB_HOST} is blocked. ` +
    'Use a mirror instead: give the URL of a folder laid out like the hub (for example /zoo/bert-tiny/), or drop the folder.';
}
