/**
 * Saved results in IndexedDB. A result is saved before it is shown, so a reload or a crash loses
 * nothing. Records are read back through the same validator as links: storage written by an older
 * build, or edited in devtools, is untrusted input too.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { pastPhasesOf, type PastPhases } from '../../core/phase-estimate.ts';
import { deviceSummary } from '../../core/share/device.ts';
import type { NamedResult } from '../../core/share/export.ts';
import type { Parsed, SharedResult } from '../../core/share/schema.ts';
import { parseShared } from '../../core/share/validate.ts';

export const HISTORY_DB = 'benchtab-history';
const DB_VERSION = 1;
const NAME_MAX = 256;

interface StoredResult {
  /** Assigned by IndexedDB on save; increasing, so newest first is descending id. */
  id?: number;
  name: string;
  /** ISO 8601. */
  savedAt: string;
  /** A SharedResult when written; validated again on every read. */
  result: unknown;
}

/** Raw samples live apart from results, so listing history never reads them. */
interface StoredSamples {
  id: number;
  samplesMs: number[];
}

interface HistorySchema extends DBSchema {
  results: { key: number; value: StoredResult };
  samples: { key: number; value: StoredSamples };
}

export interface HistoryEntry {
  id: number;
  name: string;
  savedAt: string;
  result: SharedResult;
  /** The raw measured samples where they were saved (runs made here, not links or imports). */
  samplesMs?: number[];
}

export interface HistoryListItem {
  id: number;
  name: string;
  savedAt: string;
  /** "mobilenet.onnx · webgpu · p50 12.9 ms · p95 15.3 ms · Chrome 131 on macOS …", or why the record is unreadable. */
  summary: string;
  /** False for a record that no longer validates; it can still be renamed or deleted. */
  readable: boolean;
  /** What it says about session creation and the first inference, for the next run's estimate. */
  phases?: PastPhases;
}

const ms = (value: number) => `${value.toFixed(value >= 100 ? 0 : 1)} ms`;

export function summaryLine(result: SharedResult): string {
  const { p50, p95 } = result.stats;
  return `${result.model.name} · ${result.backend} · p50 ${ms(p50)} · p95 ${ms(p95)} · ${deviceSummary(result.device)}`;
}

function cleanName(name: string | undefined, result: SharedResult): string {
  const trimmed = (name ?? '').replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
  return trimmed || `${result.model.name} · ${result.backend}`.slice(0, NAME_MAX);
}

export class HistoryStore {
  readonly #db: IDBPDatabase<HistorySchema>;

  private constructor(db: IDBPDatabase<HistorySchema>) {
    this.#db = db;
  }

  /** Opens (creating on first use) the history database; rejects where IndexedDB is unavailable. */
  static async open(name = HISTORY_DB): Promise<HistoryStore> {
    const db = await openDB<HistorySchema>(name, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('results', { keyPath: 'id', autoIncrement: true });
        database.createObjectStore('samples', { keyPath: 'id' });
      },
      // Another tab wants a newer schema: step aside rather than block its upgrade.
      blocking() {
        db.close();
      },
    });
    return new HistoryStore(db);
  }

  /** Saves a result (and optionally its raw samples) in one transaction; returns its id. */
  async save(result: SharedResult, options: { name?: string; samplesMs?: readonly number[]; savedAt?: Date } = {}): Promise<number> {
    const tx = this.#db.transaction(['results', 'samples'], 'readwrite');
    const record: StoredResult = { name: cleanName(options.name, result), savedAt: (options.savedAt ?? new Date()).toISOString(), result };
    const id = await tx.objectStore('results').add(record);
    if (options.samplesMs) await tx.objectStore('samples').put({ id, samplesMs: [...options.samplesMs] });
    await tx.done;
    return id;
  }

  /** Saves imported results, all or none; returns their ids in order. */
  async saveAll(entries: readonly NamedResult[], savedAt = new Date()): Promise<number[]> {
    const tx = this.#db.transaction('results', 'readwrite');
    const ids: number[] = [];
    for (const { name, result } of entries) {
      ids.push(await tx.store.add({ name: cleanName(name, result), savedAt: savedAt.toISOString(), result }));
    }
    await tx.done;
    return ids;
  }

  /** Every saved result, newest first. */
  async list(): Promise<HistoryListItem[]> {
    const items: HistoryListItem[] = [];
    let cursor = await this.#db.transaction('results').store.openCursor(null, 'prev');
    while (cursor) {
      const { id, name, savedAt, result } = cursor.value;
      const parsed = parseShared(result, 'This saved result');
      items.push({
        id: id ?? cursor.key, name, savedAt,
        summary: parsed.ok ? summaryLine(parsed.result) : parsed.error,
        readable: parsed.ok,
        ...(parsed.ok ? { phases: pastPhasesOf(parsed.result) } : {}),
      });
      cursor = await cursor.continue();
    }
    return items;
  }

  async get(id: number): Promise<Parsed<HistoryEntry>> {
    const tx = this.#db.transaction(['results', 'samples']);
    const [record, samples] = await Promise.all([tx.objectStore('results').get(id), tx.objectStore('samples').get(id)]);
    if (!record) return { ok: false, error: `No saved result has id ${id}; it may have been deleted.` };
    const parsed = parseShared(record.result, 'This saved result');
    if (!parsed.ok) return parsed;
    const entry: HistoryEntry = { id, name: record.name, savedAt: record.savedAt, result: parsed.result };
    if (samples) entry.samplesMs = samples.samplesMs;
    return { ok: true, result: entry };
  }

  /** Renames a saved result; false when there is no such id. A blank name restores the default. */
  async rename(id: number, name: string): Promise<boolean> {
    const tx = this.#db.transaction('results', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) return false;
    const parsed = parseShared(record.result);
    record.name = parsed.ok ? cleanName(name, parsed.result) : name.trim().slice(0, NAME_MAX) || 'unreadable result';
    await tx.store.put(record);
    await tx.done;
    return true;
  }

  async delete(id: number): Promise<void> {
    const tx = this.#db.transaction(['results', 'samples'], 'readwrite');
    await Promise.all([tx.objectStore('results').delete(id), tx.objectStore('samples').delete(id)]);
    await tx.done;
  }

  /** Every readable saved result with its name, oldest first: what "export all" writes. */
  async all(): Promise<NamedResult[]> {
    const records = await this.#db.getAll('results');
    return records.flatMap((record) => {
      const parsed = parseShared(record.result);
      return parsed.ok ? [{ name: record.name, result: parsed.result }] : [];
    });
  }

  close(): void {
    this.#db.close();
  }
}
