/**
 * The worker's side of the device's model cache (src/core/fetch/model-cache.ts): a kept file is
 * read from Cache Storage instead of the network, and a downloaded one is stored after it
 * arrived, inside the fetch phase, never beside a timed run. Failures (no Cache Storage, a full
 * disk) only mean the file is not kept.
 */
import { keepable, keptHeaders, MODEL_CACHE } from '../src/core/fetch/model-cache.ts';

function cacheFor(url: string): Promise<Cache> | null {
  if (typeof caches === 'undefined' || !keepable(url, self.location.origin)) return null;
  return caches.open(MODEL_CACHE);
}

/** The kept bytes of this URL, or null. */
export async function readKept(url: string): Promise<Uint8Array | null> {
  try {
    const response = await (await cacheFor(url))?.match(url);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

export async function keep(url: string, bytes: Uint8Array): Promise<void> {
  try {
    const cache = await cacheFor(url);
    await cache?.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers: keptHeaders(bytes.byteLength, new Date()) }));
  } catch {
    // Quota exceeded or storage unavailable: the model still runs, it is just not kept.
  }
}
