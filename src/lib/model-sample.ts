/**
 * Samples what format detection needs from a dropped file (Blob slices) or a URL (a Range
 * request for the first bytes; a server that ignores Range is read only as far as the head, then
 * the download is cancelled). Nothing beyond the header is read.
 */
import { HEAD_BYTES, sampleFile, type FileSample } from '../core/formats/index.ts';
import type { FolderFile } from '../../workers/protocol.ts';

export function sampleBlob(path: string, blob: Blob): Promise<FileSample> {
  return sampleFile(path, blob.size, async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()));
}

/** Samples of a dropped set: every file, up to a limit (a checkpoint folder can hold thousands). */
export function sampleFiles(files: readonly FolderFile[], limit = 256): Promise<FileSample[]> {
  return Promise.all(files.slice(0, limit).map((f) => sampleBlob(f.path, f.file)));
}

async function readPrefix(response: Response, limit: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).subarray(0, limit);
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
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

/**
 * The URL's first bytes as a sample, or null when they cannot be had (network error, 404, no
 * CORS): the runtime then reports the problem with its usual message.
 */
export async function sampleUrl(url: string, name: string): Promise<FileSample | null> {
  // no-store: Chromium keeps a 206 as a sparse cache entry and may then answer the runtime's full
  // GET of the same URL from it, truncated (a 524,500-byte model read as 489,258 bytes).
  const range = (start: number, end: number) =>
    fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` }, cache: 'no-store' });
  let first: Response;
  try {
    first = await range(0, HEAD_BYTES);
  } catch {
    return null;
  }
  // 416: a range past the end, which only an empty file answers to the first bytes.
  if (first.status === 416) return { name, size: 0, head: new Uint8Array(0) };
  if (!first.ok) return null;
  const ranged = first.status === 206;
  const total = Number(/\/(\d+)$/.exec(first.headers.get('Content-Range') ?? '')?.[1] ?? first.headers.get('Content-Length') ?? NaN);
  const head = await readPrefix(first, HEAD_BYTES);
  const size = Number.isFinite(total) ? total : head.length;
  return sampleFile(name, size, async (start, end) => {
    if (end <= head.length) return head.subarray(start, end);
    if (!ranged) return head.subarray(Math.min(start, head.length), Math.min(end, head.length));
    const response = await range(start, end).catch(() => null);
    return response?.status === 206 ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array(0);
  });
}
