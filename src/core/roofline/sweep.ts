/**
 * A sweep's points on the main run's roofline chart. Each point has its own work (a batch of 4
 * does four times the FLOPs, a float16 file moves half the weight bytes) and its own p50, so its
 * intensity and achieved GFLOP/s are its own. A point is placed against the ceilings shown only
 * when they were measured for its backend (and, on wasm, its thread count): another backend's
 * roof says nothing about it, so it is drawn but not judged.
 */
import { placeRun, type DeviceCeilings, type RooflinePoint, type RunWork } from './place.ts';

/** One swept configuration as the roofline needs it. */
export interface SweepRun {
  /** The sweep point's id: `wasm/4t/b1/fp32`. */
  label: string;
  backend: string;
  threads: number;
  work: RunWork;
  p50Ms: number;
  valid: boolean;
}

export interface SweepPlacement extends SweepRun {
  intensity: number;
  achievedGflops: number;
  /** The placement under the ceilings shown, or null when they are another backend's. */
  point: RooflinePoint | null;
}

/**
 * The wasm threads a run really had: TF.js's wasm backend runs its single-threaded SIMD build
 * whatever `threads` asks (workers/tfjs-runtime.ts), so its ceilings are the 1-thread ones.
 */
export function threadsThatRan(runtime: string, threads: number): number {
  return runtime === 'tfjs' ? 1 : threads;
}

/** Ceilings judge a run only when they were probed on the run's backend and thread count. */
export function ceilingsFit(ceilings: DeviceCeilings | null | undefined, backend: string, threads: number): ceilings is DeviceCeilings {
  return !!ceilings && ceilings.backend === backend && (ceilings.backend !== 'wasm' || ceilings.threads === threads);
}

export function placeSweep(runs: readonly SweepRun[], ceilings: DeviceCeilings | null): SweepPlacement[] {
  return runs
    .filter((run) => run.p50Ms > 0 && run.work.flops > 0 && run.work.bytes > 0)
    .map((run) => ({
      ...run,
      intensity: run.work.flops / run.work.bytes,
      achievedGflops: run.work.flops / (run.p50Ms / 1000) / 1e9,
      point: ceilingsFit(ceilings, run.backend, run.threads) ? placeRun(run.work, run.p50Ms, ceilings) : null,
    }));
}
