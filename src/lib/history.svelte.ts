/**
 * The user's saved results: every finished run is stored in IndexedDB before it is shown, and
 * can be listed, renamed, deleted, re-opened, exported and imported. Where IndexedDB is missing
 * (some private modes), history says so and the rest of the app works on.
 */
import type { PastPhases } from '../core/phase-estimate.ts';
import type { NamedResult } from '../core/share/export.ts';
import type { SharedResult } from '../core/share/schema.ts';
import type { HistoryEntry, HistoryListItem, HistoryStore } from './history/store.ts';

export type ExportFormat = 'json' | 'csv' | 'md';

/** The exporters, loaded with the share layer when an export is asked for. */
async function exporter(format: ExportFormat): Promise<{ mime: string; write: (entries: NamedResult[]) => string }> {
  const { exportJson, toCsv, toMarkdown } = await import('../core/share/export.ts');
  return {
    json: { mime: 'application/json', write: (entries: NamedResult[]) => exportJson(entries) },
    csv: { mime: 'text/csv', write: toCsv },
    md: { mime: 'text/markdown', write: toMarkdown },
  }[format];
}

export class History {
  items = $state.raw<HistoryListItem[]>([]);
  /** What the saved runs say about their phases, newest first: the run bar's estimates (core/phase-estimate.ts). */
  pastPhases: PastPhases[] = $derived(this.items.flatMap((item) => (item.phases ? [item.phases] : [])));
  /** Why history is unavailable or what the last action got wrong, in words. */
  error = $state<string | null>(null);
  #opened: Promise<HistoryStore | null> | null = null;

  /**
   * Opened on first use: the store and its validator (zod) are not part of the page's first
   * screen; the page lists history once that screen is ready (Playground.start).
   */
  get #store(): Promise<HistoryStore | null> {
    this.#opened ??= import('./history/store.ts').then(({ HistoryStore }) => HistoryStore.open()).catch((cause) => {
      this.error = `History is unavailable in this browser (IndexedDB: ${String(cause)}). Results still show, but are not kept.`;
      return null;
    });
    return this.#opened;
  }

  async refresh(): Promise<void> {
    const store = await this.#store;
    if (store) this.items = await store.list();
  }

  /** Saves a finished run; resolves once it is durably stored (or history is unavailable). */
  async save(result: SharedResult, samplesMs: readonly number[]): Promise<number | null> {
    const store = await this.#store;
    if (!store) return null;
    const id = await store.save(result, { samplesMs });
    await this.refresh();
    return id;
  }

  async get(id: number): Promise<HistoryEntry | null> {
    const store = await this.#store;
    const entry = await store?.get(id);
    if (!entry) return null;
    if (!entry.ok) this.error = entry.error;
    return entry.ok ? entry.result : null;
  }

  async rename(id: number, name: string): Promise<void> {
    await (await this.#store)?.rename(id, name);
    await this.refresh();
  }

  async remove(id: number): Promise<void> {
    await (await this.#store)?.delete(id);
    await this.refresh();
  }

  /** Every readable saved result as a file's text, in the given format. */
  async export(format: ExportFormat): Promise<{ text: string; mime: string } | null> {
    const store = await this.#store;
    if (!store) return null;
    const { write, mime } = await exporter(format);
    return { text: write(await store.all()), mime };
  }

  /** Imports a JSON export; all or nothing, with a message naming the bad entry. */
  async import(text: string): Promise<number> {
    const { importJson } = await import('../core/share/export.ts');
    const parsed = importJson(text);
    if (!parsed.ok) {
      this.error = parsed.error;
      return 0;
    }
    const store = await this.#store;
    if (!store) return 0;
    const ids = await store.saveAll(parsed.result);
    this.error = null;
    await this.refresh();
    return ids.length;
  }
}
