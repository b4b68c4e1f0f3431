/** The readiness checklist's Framework and Portability items name the detected format. */
import { describe, expect, it } from 'vitest';
import { fillChecklist } from '../../../src/core/method/checklist.ts';
import { judge } from '../../../src/core/method/verdict.ts';

const verdict = judge({ domain: 'vision', count: 200, p95: 20, validity: { valid: true, checks: [], reasons: [] } });
const item = (id: string, format?: { label: string; alsoRunsIn: string[] }) =>
  fillChecklist({ verdict, modelBytes: 1e6, attempts: [{ runtime: 'litert', backend: 'wasm', ok: true }], ...(format ? { format } : {}) })
    .items.find((i) => i.id === id)!;

describe('checklist with the detected format', () => {
  it('Framework names the format that ran; Portability says where else it runs, as not measured', () => {
    const tflite = { label: 'TensorFlow Lite model', alsoRunsIn: ['LiteRT on Android, iOS and microcontrollers'] };
    expect(item('framework', tflite)).toMatchObject({ status: 'pass', detail: 'TensorFlow Lite model: runs on this device in litert wasm' });
    expect(item('portability', tflite).status).toBe('not-measured');
    expect(item('portability', tflite).detail).toMatch(/also runs in LiteRT on Android.*\(not measured here\)/);
    expect(item('framework').detail).toBe('runs on this device in litert wasm');
  });
});
