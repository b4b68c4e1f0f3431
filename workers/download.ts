/**
 * One model file over the network, as a stream: its first bytes are checked before the rest is
 * fetched (a file that cannot be a model ends the download at once, whatever its size), progress
 * is reported with the rate, and a watchdog (src/core/fetch/watchdog.ts) gives up when the stall
 * limit passes without progress.
 * Total time has no cap: a slow, steady download is fine.
 */
import { shownAddress } from '../src/core/fetch/model-url.ts';
import { HEAD_BYTES } from '../src/core/formats/index.ts';
import { stallMessage } from '../src/core/fetch/stall.ts';
import { watchdog, type Watchdog } from '../src/core/fetch/watchdog.ts';
import { BenchError } from './errors.ts';
import type { DownloadProgress } from './protocol.ts';

/** What format detection reads of a file's start (src/core/formats): every format's signature. */
export { HEAD_BYTES };
const PROGRESS_INTERVAL_MS = 100;
/** Content-Length above this is not trusted for one allocation (a wasm32 heap tops out at 4 GB). */
const MAX_RESERVE = 2 ** 32 - 1;

export interface DownloadOptions {
  stallMs: number;
  /** Throws (a BenchError) when the first bytes say this is not a file the runtime can use. */
  checkHead?: (head: Uint8Array, size: number) => void;
  onProgress?: (progress: DownloadProgress) => void;
  /** The fetch's failure in words ("Could not reach the hub…"); default: the network or CORS. */
  unreachable?: (cause: unknown) => string;
}

/** The bytes, or the HTTP status of a file that is not there (401, 403, 404). */
export type Downloaded = Uint8Array | number;

/**
 * Growing byte buffer. Small until the head is checked (a 1 GB Content-Length must not allocate
 * 1 GB for a file about to be refused), then one allocation of the announced size.
 */
class ByteSink {
  #bytes = new Uint8Array(1 << 16);
  length = 0;
  /** Makes room for `size` bytes in all, so an honest Content-Length means no copying. */
  reserve(size: number): void {
    try {
      if (size > this.#bytes.byteLength) this.#grow(size);
    } catch {
      // Out of memory for one block (or a lying header): keep growing as bytes arrive.
    }
  }
  push(chunk: Uint8Array): void {
    if (this.length + chunk.byteLength > this.#bytes.byteLength) this.#grow(Math.max(this.#bytes.byteLength * 2, this.length + chunk.byteLength));
    this.#bytes.set(chunk, this.length);
    this.length += chunk.byteLength;
  }
  #grow(size: number): void {
    const grown = new Uint8Array(size);
    grown.set(this.#bytes.subarray(0, this.length));
    this.#bytes = grown;
  }
  head(n: number): Uint8Array {
    return this.#bytes.subarray(0, Math.min(n, this.length));
  }
  bytes(): Uint8Array {
    return this.length === this.#bytes.byteLength ? this.#bytes : this.#bytes.slice(0, this.length);
  }
}

function contentLength(response: Response): number | null {
  const raw = response.headers.get('content-length');
  const value = raw === null ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  const shown = shownAddress(url);
  const controller = new AbortController();
  let stalled = false;
  let trickle = 0;
  let gotHeaders = false;
  let sink: ByteSink | null = null;
  const dog = watchdog(options.stallMs, (bytesSinceProgress) => {
    stalled = true;
    trickle = bytesSinceProgress;
    controller.abort();
  });
  const stallError = () => new BenchError('FetchError', stallMessage(shown, sink?.length ?? 0, options.stallMs, gotHeaders, trickle));
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (cause) {
      if (stalled) throw stallError();
      throw new BenchError('FetchError', options.unreachable?.(cause) ??
        `Could not download ${shown}: the network failed, or the server does not allow cross-origin requests ` +
        `(it must send CORS and Cross-Origin-Resource-Policy headers). (${String(cause)})`);
    }
    gotHeaders = true;
    dog.kick();
    if (response.status === 404 || response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      return response.status;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new BenchError('FetchError', `Downloading ${shown} failed with HTTP ${response.status} ${response.statusText}.`);
    }
    const total = contentLength(response);
    sink = new ByteSink();
    await readBody(response, sink, { ...options, dog, file: shown, total });
    return sink.bytes();
  } catch (cause) {
    controller.abort();
    if (stalled && !(cause instanceof BenchError)) throw stallError();
    throw cause;
  } finally {
    dog.stop();
  }
}

interface BodyOptions extends DownloadOptions {
  dog: Watchdog;
  file: string;
  total: number | null;
}

async function readBody(response: Response, sink: ByteSink, options: BodyOptions): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const start = performance.now();
  let lastReport = -Infinity;
  let headChecked = false;
  const checkHead = options.checkHead ?? (() => {});
  const report = (force: boolean) => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
    lastReport = now;
    const seconds = Math.max(now - start, 1) / 1000;
    options.onProgress({ file: options.file, bytes: sink.length, totalBytes: options.total, bytesPerSecond: sink.length / seconds });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      options.dog.bytes(value.byteLength);
      sink.push(value);
      if (!headChecked && sink.length >= HEAD_BYTES) {
        headChecked = true;
        checkHead(sink.head(HEAD_BYTES), options.total ?? Number.MAX_SAFE_INTEGER);
        if (options.total !== null && options.total <= MAX_RESERVE) sink.reserve(options.total);
      }
      report(false);
    }
    if (!headChecked) checkHead(sink.head(HEAD_BYTES), sink.length);
    report(true);
  } catch (cause) {
    // Ends the download now: a refused or stalled file must not keep streaming in.
    await reader.cancel().catch(() => undefined);
    throw cause;
  }
}
