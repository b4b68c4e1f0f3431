/**
 * Models given by URL or hub id, kept on this device (Cache Storage, `benchtab-models`) so a
 * second visit, or a visit offline, reads them from disk instead of the network. This is the pure
 * part: which addresses are kept, what is stored beside the bytes, and the totals the History tab
 * shows. The worker reads and writes the cache (workers/model-cache.ts), the page lists and
 * clears it (src/lib/model-cache.svelte.ts).
 */
import { publicAddress } from './model-url.ts';

export const MODEL_CACHE = 'benchtab-models';
/** Stored with each file: when it was downloaded (ISO 8601) and its size in bytes. */
export const SAVED_AT_HEADER = 'x-benchtab-saved-at';
export const SIZE_HEADER = 'x-benchtab-bytes';

/**
 * Kept: http(s) files from another origin whose address holds no secret. The app's own files
 * (the built-in models) are the service worker's to cache; a signed URL is not kept, because its
 * key would store the signature on the device and a fresh signature could never match it.
 */
export function keepable(url: string, pageOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.origin === pageOrigin) return false;
  return publicAddress(url).removed.length === 0;
}

export function keptHeaders(bytes: number, savedAt: Date): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'content-length': String(bytes),
    [SIZE_HEADER]: String(bytes),
    [SAVED_AT_HEADER]: savedAt.toISOString(),
  };
}

export interface KeptFile {
  url: string;
  bytes: number;
  /** ISO 8601, or null for an entry written without one. */
  savedAt: string | null;
}

/** One stored entry's description from its URL and headers; a missing or bad size counts as 0. */
export function keptFile(url: string, headers: { get(name: string): string | null }): KeptFile {
  const size = Number(headers.get(SIZE_HEADER) ?? headers.get('content-length'));
  return { url, bytes: Number.isSafeInteger(size) && size > 0 ? size : 0, savedAt: headers.get(SAVED_AT_HEADER) };
}

/** Files newest first, with their total. */
export function keptSummary(files: readonly KeptFile[]): { files: KeptFile[]; totalBytes: number } {
  const sorted = [...files].sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
  return { files: sorted, totalBytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}
