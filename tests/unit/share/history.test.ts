import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import { toShared } from '../../../src/core/share/convert.ts';
import type { SharedResult } from '../../../src/core/share/schema.ts';
import { HistoryStore } from '../../../src/lib/history/store.ts';
import { typicalResult } from './fixtures.ts';

const shared = toShared(typicalResult(), '0.1.0');
const opened: HistoryStore[] = [];
let dbCount = 0;

async function freshStore(): Promise<{ store: HistoryStore; name: string }> {
  const name = `history-test-${++dbCount}`;
  const store = await HistoryStore.open(name);
  opened.push(store);
  return { store, name };
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('HistoryStore', () => {
  test('save returns an id; get gives back the result, its name and raw samples', async () => {
    const { store } = await freshStore();
    const samplesMs = typicalResult().timings.samplesMs;
    const id = await store.save(shared, { name: 'laptop on battery', samplesMs, savedAt: new Date('2026-11-28T03:00:00Z') });
    expect(await store.get(id)).toEqual({
      ok: true,
      result: { id, name: 'laptop on battery', savedAt: '2026-11-28T03:00:00.000Z', result: shared, samplesMs },
    });
  });

  test('list is newest first, with a default name and a summary', async () => {
    const { store } = await freshStore();
    const first = await store.save(shared);
    const second = await store.save({ ...shared, backend: 'wasm' }, { name: '  spaced \n name ' });
    const items = await store.list();
    expect(items.map((item) => item.id)).toEqual([second, first]);
    expect(items[0]!.name).toBe('spaced name');
    expect(items[1]!.name).toBe('mobilenetv2-12.onnx · webgpu');
    expect(items[1]!.summary).toBe('mobilenetv2-12.onnx · webgpu · p50 12.9 ms · p95 15.3 ms · Chrome 131 on macOS · apple metal-3 · 10 cores · 8 GiB · isolated');
    expect(items.every((item) => item.readable)).toBe(true);
  });

  test('rename and delete', async () => {
    const { store } = await freshStore();
    const id = await store.save(shared, { samplesMs: [1, 2, 3] });
    expect(await store.rename(id, 'desktop')).toBe(true);
    expect((await store.list())[0]!.name).toBe('desktop');
    expect(await store.rename(id, '   ')).toBe(true);
    expect((await store.list())[0]!.name).toBe('mobilenetv2-12.onnx · webgpu');
    expect(await store.rename(999, 'x')).toBe(false);
    await store.delete(id);
    expect(await store.list()).toEqual([]);
    expect(await store.get(id)).toEqual({ ok: false, error: expect.stringContaining(`No saved result has id ${id}`) });
  });

  test('survives closing and reopening (a reload)', async () => {
    const { store, name } = await freshStore();
    const id = await store.save(shared, { name: 'kept' });
    store.close();
    const reopened = await HistoryStore.open(name);
    opened.push(reopened);
    expect((await reopened.list()).map((item) => item.name)).toEqual(['kept']);
    expect((await reopened.get(id)).ok).toBe(true);
  });

  test('saveAll imports many in one go; all() exports them oldest first', async () => {
    const { store } = await freshStore();
    const ids = await store.saveAll([{ name: 'a', result: shared }, { result: { ...shared, backend: 'wasm' } }]);
    expect(ids).toHaveLength(2);
    const all = await store.all();
    expect(all.map((entry) => entry.name)).toEqual(['a', 'mobilenetv2-12.onnx · wasm']);
    expect(all[0]!.result).toEqual(shared);
  });

  test('a tampered record is listed as unreadable, and get explains why', async () => {
    const { store, name } = await freshStore();
    const id = await store.save(shared);
    const db = await openDB(name);
    const record = await db.get('results', id);
    (record.result as SharedResult).stats.p50 = -5;
    await db.put('results', record);
    db.close();
    const [item] = await store.list();
    expect(item!.readable).toBe(false);
    expect(item!.summary).toMatch(/^This saved result does not match .*stats\.p50/);
    const got = await store.get(id);
    expect(got.ok).toBe(false);
    expect(await store.all()).toEqual([]);
    expect(await store.rename(id, 'still renamable')).toBe(true);
  });
});
