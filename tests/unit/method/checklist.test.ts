import { describe, expect, it } from 'vitest';
import { fillChecklist, type ChecklistEvidence, type ChecklistItemId } from '../../../src/core/method/checklist.ts';
import { findCapacity, type LoadLevelRun } from '../../../src/core/method/concurrency.ts';
import { compareOutputSets } from '../../../src/core/method/drift.ts';
import { judge } from '../../../src/core/method/verdict.ts';

const valid = { valid: true, checks: [], reasons: [] };
const passing = judge({ domain: 'vision', count: 200, p95: 20, validity: valid });
const unmeasured = judge({ domain: 'vision', count: 10, p95: 20, validity: valid });
const level = (load: number, ms: number): LoadLevelRun => ({ kind: 'workers', load, wallMs: 1000, latenciesMs: Array(200).fill(ms) });
const ref = { logits: new Float32Array([1, 2, 3]) };

const full: ChecklistEvidence = {
  verdict: passing,
  modelBytes: 5e6,
  sha256: 'a'.repeat(64),
  sizeBudgetBytes: 10e6,
  capacity: findCapacity([level(1, 10), level(2, 20), level(4, 60)], 50),
  expectedLoad: 2,
  drift: [compareOutputSets('webgpu', 'fp32', ref, { logits: new Float32Array([1, 2, 3.00001]) })],
  attempts: [{ runtime: 'ort', backend: 'wasm', ok: true }, { runtime: 'ort', backend: 'webgpu', ok: true }],
  variants: [{ dtype: 'fp32', p95: 20, valid: true }, { dtype: 'q8', p95: 12, valid: true }],
  roofline: { summary: 'memory-bound, at 38% of measured bandwidth', share: 0.38, software: false },
};
const MEASURABLE: ChecklistItemId[] = ['latency', 'throughput', 'accuracy', 'size', 'hardware', 'framework', 'optimization', 'portability', 'versioning'];
const OPERATIONAL: ChecklistItemId[] = ['monitoring', 'scaling', 'security', 'dependencies'];
const status = (e: ChecklistEvidence): Record<string, string> =>
  Object.fromEntries(fillChecklist(e).items.map((i) => [i.id, i.status]));

describe('fillChecklist', () => {
  it('lists the seed\'s twelve items in its three groups, and the hardware line from its pitfalls', () => {
    const list = fillChecklist(full);
    expect(list.items.map((i) => i.id)).toEqual([...MEASURABLE, ...OPERATIONAL]);
    expect(list.items.map((i) => i.group)).toEqual([...Array(5).fill('Model Characteristics'), ...Array(4).fill('Format Compatibility'), ...Array(4).fill('Operational Requirements')]);
  });

  it('passes every measurable item on full evidence; operational items stay not measured', () => {
    const list = fillChecklist(full);
    for (const id of MEASURABLE) expect(status(full)[id], id).toBe('pass');
    for (const item of list.items.filter((i) => OPERATIONAL.includes(i.id))) {
      expect(item.status).toBe('not-measured');
      expect(item.detail).toMatch(/^not measured here/);
    }
    expect(list.counts).toEqual({ pass: 9, fail: 0, 'not-measured': 4 });
  });

  it('never passes the hardware line on a software GPU’s ceilings', () => {
    const software = fillChecklist({ ...full, roofline: { ...full.roofline!, software: true } });
    const item = software.items.find((i) => i.id === 'hardware')!;
    expect(item.status).toBe('not-measured');
    expect(item.detail).toMatch(/software GPU/);
  });

  it('never passes without evidence', () => {
    const bare: ChecklistEvidence = { verdict: unmeasured, modelBytes: 5e6 };
    const list = fillChecklist(bare);
    expect(list.counts.pass).toBe(0);
    expect(list.items.every((i) => i.status === 'not-measured')).toBe(true);
  });

  it('never passes an item whose evidence is missing, whatever else is present', () => {
    const optional = ['sha256', 'sizeBudgetBytes', 'capacity', 'expectedLoad', 'drift', 'attempts', 'variants', 'roofline'] as const;
    const needs: Record<(typeof optional)[number], ChecklistItemId[]> = {
      sha256: ['versioning'], sizeBudgetBytes: ['size'], capacity: ['throughput'], expectedLoad: ['throughput'],
      drift: ['accuracy'], attempts: ['framework', 'portability'], variants: ['optimization'], roofline: ['hardware'],
    };
    for (let mask = 0; mask < 1 << optional.length; mask++) {
      const e: ChecklistEvidence = { ...full };
      const removed = optional.filter((_, k) => mask & (1 << k));
      for (const key of removed) delete e[key];
      const s = status(e);
      for (const key of removed) for (const id of needs[key]) expect(s[id], `${id} without ${key}`).not.toBe('pass');
    }
    expect(status({ ...full, verdict: unmeasured }).latency).toBe('not-measured');
  });

  it('fails on contrary evidence', () => {
    const s = status({
      ...full,
      verdict: judge({ domain: 'vision', count: 200, p95: 70, validity: valid }),
      sizeBudgetBytes: 1e6,
      expectedLoad: 4,
      drift: [compareOutputSets('webgpu', 'fp32', ref, { logits: new Float32Array([1, 2, 4]) })],
      attempts: [{ runtime: 'ort', backend: 'wasm', ok: true }, { runtime: 'ort', backend: 'webgpu', ok: false, error: 'no adapter' }],
      variants: [{ dtype: 'q4', p95: null, valid: false }],
    });
    expect(s).toMatchObject({
      latency: 'fail', size: 'fail', throughput: 'fail', accuracy: 'fail',
      framework: 'pass', portability: 'fail', optimization: 'fail',
    });
  });

  it('does not count an untested expected load as a pass or a fail', () => {
    const e = { ...full, capacity: findCapacity([level(1, 10), level(2, 20)], 50), expectedLoad: 8 };
    const item = fillChecklist(e).items.find((i) => i.id === 'throughput')!;
    expect(item.status).toBe('not-measured');
    expect(item.detail).toMatch(/expected load of 8 was not tested/);
  });

  it('fails the framework item only when every attempt failed', () => {
    expect(status({ ...full, attempts: [{ runtime: 'ort', backend: 'wasm', ok: false, error: 'bad model' }] }).framework).toBe('fail');
    expect(status({ ...full, attempts: [{ runtime: 'ort', backend: 'wasm', ok: true }] }).portability).toBe('not-measured');
  });
});
