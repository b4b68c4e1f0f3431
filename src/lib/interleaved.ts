/**
 * Interleaved measurement of several configurations (core/method/interleave.ts): each point's
 * model is opened in its own worker, then they take turns in short windows, A B C C B A …, each
 * until it has met the stopping rule's minimums over enough rounds, or a cap of its own.
 */
import { pointDone, roundOrder, windowMs, windowRuns } from '../core/method/interleave.ts';
import type { StoppingRule } from '../core/method/stopping.ts';
import type { RunSplit } from '../core/tasks/types.ts';
import type { OpenedModel, RunRequest } from '../../workers/protocol.ts';
import { withHeldWorkers } from './held-workers.ts';

export interface InterleavedPoint {
  /** Set once the point's model is open in its worker. */
  opened?: OpenedModel;
  /** Why it could not be opened; it then takes no turns. */
  error?: string;
  /** Its latencies in each round, in round order. */
  windows: number[][];
  elapsedMs: number;
  /** Task runs: every request's split, in order, and the last answer (LoopWindow). */
  splits: RunSplit[];
  output?: string;
}

export async function measureInterleaved(
  signal: AbortSignal, requests: RunRequest[], rule: StoppingRule,
  onUpdate: (points: InterleavedPoint[], round: number, running: number | null) => void,
): Promise<InterleavedPoint[]> {
  const points: InterleavedPoint[] = requests.map(() => ({ windows: [], elapsedMs: 0, splits: [] }));
  await withHeldWorkers(signal, requests.length, async (apis) => {
    // Open one at a time: loading several models at once would time their loads against each other.
    for (const [i, request] of requests.entries()) {
      onUpdate(points, 0, i);
      try {
        points[i]!.opened = await apis[i]!.open(request);
      } catch (cause) {
        points[i]!.error = cause instanceof Error ? cause.message : String(cause);
      }
    }
    const live = points.map((p, i) => (p.opened ? i : -1)).filter((i) => i >= 0);
    const meanMs = (p: InterleavedPoint): number | null => {
      const all = p.windows.flat();
      return all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : null;
    };
    const progress = (i: number) => ({ count: points[i]!.windows.flat().length, elapsedMs: points[i]!.elapsedMs });
    for (let round = 0; ; round++) {
      const turns = roundOrder(live.length, round).map((k) => live[k]!).filter((i) => !pointDone(progress(i), round, rule));
      if (turns.length === 0) break;
      for (const i of turns) {
        onUpdate(points, round, i);
        const window = await apis[i]!.loop(windowMs(rule, meanMs(points[i]!)), windowRuns(rule));
        const point = points[i]!;
        point.windows.push(window.latenciesMs);
        point.elapsedMs += window.endEpochMs - window.startEpochMs;
        if (window.splits) point.splits.push(...window.splits);
        if (window.output !== undefined) point.output = window.output;
      }
    }
  });
  return points;
}
