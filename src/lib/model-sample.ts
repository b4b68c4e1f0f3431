/**
 * Samples what format detection needs from a dropped file (Blob slices) or a URL (a Range
 * request for the first bytes; a server that ignores Range is read only as far as the head, then
 * the download is cancelled). Nothing beyond the header is read.
 */
import { keepable, MODEL_CACHE } from '../core/fetch/model-cache.ts';
import { shownAddress } from '../core/fetch/model-url.ts';
import { DEFAULT_STALL_MS, stallMessage } from '../core/fetch/stall.ts';
import { watchdog, type Watchdog } from '../core/fetch/watchdog.ts';
import { HEAD_BYTES, sampleFile, type FileSample } from '../core/formats/index.ts';
import type { FolderFile } from '../../workers/protocol.ts';

export function sampleBlob(path: string, blob: Blob): Promise<FileSample> {
  return sampleFile(path, blob.size, async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()));
}

/** Samples of a dropped set: every file, up to a limit (a checkpoint folder can hold thousands). */
export function sampleFiles(files: readonly FolderFile[], limit = 256): Promise<FileSample[]> {
  return Promise.all(files.slice(0, limit).map((f) => sampleBlob(f.path, f.file)));
}

async function readPrefix(response: Response, limit: number, dog: Watchdog): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).subarray(0, limit);
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    dog.bytes(value.length);
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel().catch(() => {});
  const out = new Uint8Array(Math.min(length, limit));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk.subarray(0, out.length - at), at);
    at += Math.min(chunk.length, out.length - at);
    if (at >= out.length) break;
  }
  return out;
}

/** Thrown when the server stops sending while the page samples a URL (the download watchdog's rule). */
export class StalledError extends Error {}

/** The copy of a URL model kept on this device (Cache Storage), sampled without the network. */
async function keptSample(url: string, name: string): Promise<FileSample | null> {
  if (typeof caches === 'undefined' || !keepable(url, location.origin)) return null;
  try {
    const response = await (await caches.open(MODEL_CACHE)).match(url);
    return response ? await sampleBlob(name, await response.blob()) : null;
  } catch {
    return null;
  }
}

/**
 * The URL's first bytes as a sample, or null when they cannot be had (network error, 404, no
 * CORS): the runtime then reports the problem with its usual message. A server that stops
 * sending for `stallMs` ends it with a StalledError, as a stalled download would. With
 * `keepOnDevice`, a copy kept on this device is sampled instead, so a kept model is told offline
 * and costs the server nothing.
 */
export async function sampleUrl(url: string, name: string, stallMs = DEFAULT_STALL_MS, keepOnDevice = false): Promise<FileSample | null> {
  const kept = keepOnDevice ? await keptSample(url, name) : null;
  if (kept) return kept;
  const controller = new AbortController();
  let stalled: string | null = null;
  let gotHeaders = false;
  let received = 0;
  const dog = watchdog(stallMs, (trickle) => {
    stalled = stallMessage(shownAddress(url), received, stallMs, gotHeaders, trickle);
    controller.abort();
  });
  try {
    return await sampleHead(url, name, controller.signal, {
      kick: () => { gotHeaders = true; dog.kick(); },
      bytes: (n) => { received += n; dog.bytes(n); },
      stop: () => dog.stop(),
    });
  } catch (cause) {
    if (stalled) throw new StalledError(stalled);
    throw cause;
  } finally {
    dog.stop();
  }
}

async function sampleHead(url: string, name: string, signal: AbortSignal, dog: Watchdog): Promise<FileSample | null> {
  // no-store: Chromium keeps a 206 as a sparse cache entry and may then answer the runtime's full
  // GET of the same URL from it, truncated (a 524,500-byte model read as 489,258 bytes).
  const range = (start: number, end: number) =>
    fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` }, cache: 'no-store', signal });
  let first: Response;
  try {
    first = await range(0, HEAD_BYTES);
  } catch (cause) {
    if (signal.aborted) throw cause;
    return null;
  }
  // 416: a range past the end, which only an empty file answers to the first bytes.
  if (first.status === 416) return { name, size: 0, head: new Uint8Array(0) };
  dog.kick();
  if (!first.ok) return null;
  const ranged = first.status === 206;
  const total = Number(/\/(\d+)$/.exec(first.headers.get('Content-Range') ?? '')?.[1] ?? first.headers.get('Content-Length') ?? NaN);
  const head = await readPrefix(first, HEAD_BYTES, dog);
  dog.stop();
  const size = Number.isFinite(total) ? total : head.length;
  return sampleFile(name, size, async (start, end) => {
    if (end <= head.length) return head.subarray(start, end);
    if (!ranged) return head.subarray(Math.min(start, head.length), Math.min(end, head.length));
    const response = await range(start, end).catch(() => null);
    return response?.status === 206 ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array(0);
  });
}
