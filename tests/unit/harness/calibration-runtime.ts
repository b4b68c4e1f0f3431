/**
 * A Runtime for tests only: every inference busy-waits for a latency drawn from a known
 * distribution (method/calibration.ts), so the real harness can be checked against the truth.
 * It records what each run was asked to take, and what it took: on a busy machine a run can be
 * preempted and take longer than asked, and the harness must report what it took.
 */
import { createCalibrationRuntime, type CalibrationOptions, type LatencyDistribution } from '../../../src/core/method/calibration.ts';
import type { LoadedModel, PreparedInputs, Runtime } from '../../../workers/runtime.ts';

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* spin: a sleep would round to the event loop's grain */ }
}

export interface CalibratedRuntime extends Runtime {
  /** Latencies each inference was asked to take, in order (first run and warmups included). */
  readonly asked: number[];
  /** What each inference took, timed inside it: the sample the harness should report. */
  readonly taken: number[];
}

export function calibratedRuntime(dist: LatencyDistribution, options: CalibrationOptions): CalibratedRuntime {
  const source = createCalibrationRuntime(dist, options);
  const asked: number[] = [];
  const taken: number[] = [];
  const model: LoadedModel = {
    backend: 'wasm',
    io: { inputs: [{ name: 'x', dtype: 'float32', shape: [1] }], outputs: [{ name: 'y', dtype: 'float32', shape: [1] }] },
    prepare: () => ({ brand: 'prepared-inputs' }) as PreparedInputs,
    async runOnce() {
      const ms = source.next();
      asked.push(ms);
      const start = performance.now();
      busyWait(ms);
      taken.push(performance.now() - start);
    },
    readOutputs: async () => ({ y: Float32Array.of(0) }),
    dispose: async () => {},
  };
  return {
    id: 'ort',
    asked,
    taken,
    versions: () => ({ calibration: '1' }),
    inspect: async () => ({ io: model.io }),
    load: async () => model,
  };
}
