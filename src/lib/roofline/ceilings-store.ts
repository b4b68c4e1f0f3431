/**
 * Measured ceilings, cached per device and backend in IndexedDB: probing takes seconds, and a
 * device's ceilings do not change from one run to the next. "Measure again" replaces the entry.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DeviceCeilings } from '../../core/roofline/place.ts';

interface CeilingsSchema extends DBSchema {
  ceilings: { key: string; value: { key: string; ceilings: DeviceCeilings } };
}

let db: Promise<IDBPDatabase<CeilingsSchema>> | null = null;

function open(): Promise<IDBPDatabase<CeilingsSchema>> {
  db ??= openDB<CeilingsSchema>('benchtab-ceilings', 1, {
    upgrade(database) {
      database.createObjectStore('ceilings', { keyPath: 'key' });
    },
  });
  return db;
}

export async function cachedCeilings(key: string): Promise<DeviceCeilings | null> {
  return (await (await open()).get('ceilings', key))?.ceilings ?? null;
}

export async function saveCeilings(key: string, ceilings: DeviceCeilings): Promise<void> {
  await (await open()).put('ceilings', { key, ceilings });
}
