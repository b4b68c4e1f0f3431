/**
 * Results that are not the current run: one opened read-only (from a share link or history),
 * and the set being compared side by side.
 */
import { compareResults, MAX_COMPARED, MIN_COMPARED } from '../core/share/compare.ts';
import type { SharedView } from '../core/share/convert.ts';
import type { SharedResult } from '../core/share/schema.ts';
import type { HistoryEntry } from './history/store.ts';

export type OpenedFrom = 'link' | 'history';

export class OpenedResult {
  view = $state.raw<SharedView | null>(null);
  /** Raw samples, where the result was saved on this device: they redraw the timeline. */
  samplesMs = $state.raw<number[] | null>(null);
  from = $state<OpenedFrom | null>(null);
  error = $state<string | null>(null);
  /** The opened link has no checksum (made before links carried one): damage cannot be told. */
  unchecked = $state(false);

  /** Decodes a `#r=…` fragment; a bad one becomes an error message, never an exception. */
  async openFragment(fragment: string): Promise<boolean> {
    // Links are decoded by the share layer (schema, zod), loaded when a link is opened.
    const { decodeResult } = await import('../core/share/link.ts');
    const decoded = await decodeResult(fragment);
    if (!decoded.ok) {
      this.close();
      this.error = decoded.error;
      return false;
    }
    await this.#show(decoded.result, null, 'link');
    this.unchecked = decoded.unchecked === true;
    return true;
  }

  openEntry(entry: HistoryEntry): Promise<void> {
    return this.#show(entry.result, entry.samplesMs ?? null, 'history');
  }

  close(): void {
    this.view = null;
    this.samplesMs = null;
    this.from = null;
    this.error = null;
    this.unchecked = false;
  }

  async #show(result: SharedResult, samplesMs: number[] | null, from: OpenedFrom): Promise<void> {
    const { fromShared } = await import('../core/share/convert.ts');
    this.view = fromShared(result);
    this.samplesMs = samplesMs;
    this.from = from;
    this.error = null;
    this.unchecked = false;
  }
}

export interface ComparedItem {
  label: string;
  result: SharedResult;
}

export class CompareSet {
  items = $state.raw<ComparedItem[]>([]);
  baseline = $state(0);
  /** Why the last add was refused, if it was. */
  notice = $state<string | null>(null);

  comparison = $derived(this.items.length >= MIN_COMPARED
    ? compareResults(this.items.map((item) => item.result), Math.min(this.baseline, this.items.length - 1))
    : null);

  add(label: string, result: SharedResult): void {
    if (this.items.some((item) => item.result === result)) return;
    if (this.items.length >= MAX_COMPARED) {
      this.notice = `At most ${MAX_COMPARED} results can be compared; remove one first.`;
      return;
    }
    this.notice = null;
    this.items = [...this.items, { label, result }];
  }

  remove(index: number): void {
    this.items = this.items.filter((_, i) => i !== index);
    if (this.baseline >= this.items.length) this.baseline = 0;
  }

  clear(): void {
    this.items = [];
    this.baseline = 0;
  }
}
