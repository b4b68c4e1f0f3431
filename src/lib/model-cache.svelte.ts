/**
 * The page's view of the models kept on this device (src/core/fetch/model-cache.ts): what is
 * kept, how much space it takes, and a way to remove one file or all of them.
 */
import { keptFile, keptSummary, MODEL_CACHE, type KeptFile } from '../core/fetch/model-cache.ts';

export class ModelCache {
  files = $state.raw<KeptFile[]>([]);
  totalBytes = $state(0);
  /** Why the list could not be read or cleared, in words. */
  error = $state<string | null>(null);
  /** The storage the browser grants this site, when it says. */
  quotaBytes = $state<number | null>(null);

  async refresh(): Promise<void> {
    if (typeof caches === 'undefined') {
      this.error = 'This browser has no Cache Storage here (it needs a secure context): models by URL are downloaded each time.';
      return;
    }
    try {
      const cache = await caches.open(MODEL_CACHE);
      const files: KeptFile[] = [];
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response) files.push(keptFile(request.url, response.headers));
      }
      const summary = keptSummary(files);
      this.files = summary.files;
      this.totalBytes = summary.totalBytes;
      this.quotaBytes = (await navigator.storage?.estimate?.())?.quota ?? null;
      this.error = null;
    } catch (cause) {
      this.error = `The model cache could not be read: ${String(cause)}`;
    }
  }

  async remove(url: string): Promise<void> {
    await this.#change(async () => {
      await (await caches.open(MODEL_CACHE)).delete(url);
    });
  }

  async clear(): Promise<void> {
    await this.#change(async () => {
      await caches.delete(MODEL_CACHE);
    });
  }

  async #change(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (cause) {
      this.error = `The model cache could not be changed: ${String(cause)}`;
    }
    await this.refresh();
  }
}
