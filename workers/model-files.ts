/**
 * A model as a set of files, whatever it arrived as: one dropped file, a dropped folder (TF.js
 * shards, a hub-layout repository), a URL (its folder is the base for relative paths) or a
 * Hugging Face hub id. Runtimes read through it, so every byte is timed and counted the same way,
 * and a missing file is reported by name.
 */
import { BenchError } from './errors.ts';
import type { ModelSource } from './protocol.ts';
import { sha256Hex, sourceName } from './source.ts';

export const HUB_HOST = 'https://huggingface.co';

interface FileRecord {
  bytes: Uint8Array;
  startMs: number;
  endMs: number;
}

/** Where the files come from: a dropped set, or a base URL relative paths resolve against. */
type Origin = { kind: 'local'; files: Map<string, Blob> } | { kind: 'remote'; base: string; hubId?: string };

function originOf(source: ModelSource): { origin: Origin; entry: string } {
  switch (source.kind) {
    case 'file':
      return { origin: { kind: 'local', files: new Map([[source.file.name, source.file]]) }, entry: source.file.name };
    case 'folder': {
      const files = new Map(source.files.map((f) => [f.path, f.file] as const));
      const paths = [...files.keys()];
      const entry = paths.find((p) => p.endsWith('model.json')) ?? (files.has('config.json') ? '' : paths.find((p) => p.endsWith('.onnx')) ?? '');
      return { origin: { kind: 'local', files }, entry };
    }
    case 'hub':
      return { origin: { kind: 'remote', base: `${HUB_HOST}/${source.name}/resolve/main/`, hubId: source.name }, entry: '' };
    default: {
      const url = new URL(source.url);
      const slash = url.pathname.lastIndexOf('/');
      const entry = decodeURIComponent(url.pathname.slice(slash + 1));
      url.pathname = url.pathname.slice(0, slash + 1);
      url.search = '';
      return { origin: { kind: 'remote', base: url.href }, entry };
    }
  }
}

export class ModelFiles {
  readonly name: string;
  /** The file a runtime starts from ('model.onnx', 'model.json'); '' for a hub-layout folder. */
  readonly entry: string;
  readonly #origin: Origin;
  readonly #read = new Map<string, FileRecord>();
  /** Missing paths and the HTTP status that said so (0 for a dropped set). */
  readonly #missing = new Map<string, number>();

  constructor(source: ModelSource) {
    const { origin, entry } = originOf(source);
    this.name = sourceName(source);
    this.entry = entry;
    this.#origin = origin;
  }

  /** The dropped files' paths; null where only asking tells (a URL or the hub). */
  get paths(): string[] | null {
    return this.#origin.kind === 'local' ? [...this.#origin.files.keys()] : null;
  }

  /** Paths asked for that did not exist, in order (how "this dtype has no files" is told). */
  get missing(): string[] {
    return [...this.#missing.keys()];
  }

  /** Where a path is, for messages: its URL, or its place among the dropped files. */
  describe(path: string): string {
    return this.#origin.kind === 'local' ? `${path} of the dropped files` : new URL(path, this.#origin.base).href;
  }

  /** "The dropped files have no config.json" / "https://…/config.json is missing". */
  describeMissing(path: string): string {
    return this.#origin.kind === 'local' ? `The dropped files have no ${path}` : `${this.describe(path)} is missing`;
  }

  /** A file's bytes, or null when it does not exist; network failures are FetchErrors. */
  async tryRead(path: string): Promise<Uint8Array | null> {
    const known = this.#read.get(path);
    if (known) return known.bytes;
    const startMs = performance.now();
    const bytes = await this.#load(path);
    if (typeof bytes === 'number') {
      this.#missing.set(path, bytes);
      return null;
    }
    this.#read.set(path, { bytes, startMs, endMs: performance.now() });
    return bytes;
  }

  /** A file's bytes; a missing file is an error that names it. */
  async read(path: string, why = ''): Promise<Uint8Array> {
    const bytes = await this.tryRead(path);
    if (bytes) return bytes;
    const status = this.#missing.get(path) ?? 0;
    throw new BenchError('FetchError', status
      ? `Downloading ${this.describe(path)} failed with HTTP ${status}${why ? `: ${why}` : ''}. Check the address.`
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

  /** Wall time spent reading: the union of the read intervals (reads may overlap). */
  get fetchMs(): number {
    const spans = [...this.#read.values()].map((r) => [r.startMs, r.endMs] as const).sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [s, e] of spans) {
      if (e <= end) continue;
      total += e - Math.max(s, end);
      end = e;
    }
    return total;
  }

  /** One file: its sha256. Several: the sha256 of "sha256  path" lines, sorted (like sha256sum). */
  async digest(): Promise<string> {
    const entries = [...this.#read.entries()];
    if (entries.length === 1) return sha256Hex(entries[0]![1].bytes);
    const lines = await Promise.all(entries.map(async ([path, r]) => `${await sha256Hex(r.bytes)}  ${path}`));
    return sha256Hex(new TextEncoder().encode(`${lines.sort().join('\n')}\n`));
  }

  /** The bytes, or the status that says the file is not there (0 for a dropped set). */
  async #load(path: string): Promise<Uint8Array | number> {
    if (this.#origin.kind === 'local') {
      const blob = this.#origin.files.get(path);
      return blob ? new Uint8Array(await blob.arrayBuffer()) : 0;
    }
    const url = new URL(path, this.#origin.base).href;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (cause) {
      const hubId = this.#origin.hubId;
      throw new BenchError('FetchError', hubId
        ? `Could not reach the Hugging Face hub for "${hubId}": this device is offline or ${HUB_HOST} is blocked. ` +
          'Use a mirror instead: give the URL of a folder laid out like the hub (for example /zoo/bert-tiny/), or drop the folder.'
        : `Could not download ${url}: the network failed, or the server does not allow cross-origin requests ` +
          `(it must send CORS and Cross-Origin-Resource-Policy headers). (${String(cause)})`);
    }
    if (response.status === 404 || response.status === 401 || response.status === 403) return response.status;
    if (!response.ok) {
      throw new BenchError('FetchError', `Downloading ${url} failed with HTTP ${response.status} ${response.statusText}.`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
}
