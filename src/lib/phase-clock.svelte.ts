/**
 * Elapsed time of the phase in flight, ticking while nothing arrives: compiling a model or its
 * first WebGPU inference can take tens of seconds with no progress event, and the user must see
 * that time passes. The estimate of what is left comes from the stopping rule where there is one.
 */
import type { Phase, Progress } from '../../workers/protocol.ts';

export class PhaseClock {
  now = $state(performance.now());
  #phase: Phase | 'start' | null = null;
  phaseStartedAt = $state(0);
  runStartedAt = $state(0);
  #timer: ReturnType<typeof setInterval> | null = null;

  /** Call with each progress report (null before the first). */
  observe(progress: Progress | null, running: boolean): void {
    if (!running) {
      this.#stop();
      return;
    }
    const phase = progress?.phase ?? 'start';
    if (this.#timer === null) {
      this.runStartedAt = performance.now();
      this.#timer = setInterval(() => (this.now = performance.now()), 250);
    }
    if (phase !== this.#phase) {
      this.#phase = phase;
      this.phaseStartedAt = performance.now();
    }
  }

  get phaseMs(): number {
    return Math.max(0, this.now - this.phaseStartedAt);
  }

  get totalMs(): number {
    return Math.max(0, this.now - this.runStartedAt);
  }

  #stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#phase = null;
  }
}

/**
 * Seconds left in the measured phase: both minimums of the stopping rule must be met, so the
 * later of "runs left at the mean pace" and "time left" ends it. Null when it cannot be told.
 */
export function measureSecondsLeft(progress: Progress, meanMs: number | null): number | null {
  if (progress.phase !== 'measure') return null;
  const byTime = progress.minDurationMs ? Math.max(0, progress.minDurationMs - (progress.elapsedMs ?? 0)) : 0;
  const byCount = meanMs !== null ? Math.max(0, progress.total - progress.done) * meanMs : null;
  if (byCount === null && !progress.minDurationMs) return null;
  return Math.max(byTime, byCount ?? 0) / 1000;
}
