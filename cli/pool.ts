/**
 * Jobs of one target fanned out over `parallel` sessions. A session that dies takes its job back
 * to the queue, to run on a fresh session, up to `retries` times; a benchmark that fails on its
 * own is recorded as failed and never retried. A target that never gives a single session is
 * declared unreachable, and its remaining jobs end at once instead of each waiting out retries.
 */
import type { JobSpec } from '../src/core/fleet/jobs.ts';
import { JOB_FORMAT, type Attempt, type JobRecord } from '../src/core/fleet/record.ts';
import { fleetRoofline } from '../src/core/fleet/roofline.ts';
import type { TargetSpec } from '../src/core/fleet/targets.ts';
import { runJob } from './job.ts';
import { errorText, type BrowserSession, type Driver, type PageProgress } from './session.ts';

export interface PoolOptions {
  parallel: number;
  retries: number;
  jobTimeoutMs: number;
  /** Measure each target's ceilings after its jobs and place them on its roofline (`--ceilings`). */
  ceilings?: boolean;
  /** Ctrl+C: jobs not started end as not run, live sessions are closed, nothing is retried. */
  signal?: AbortSignal;
}

export type PoolEvent =
  | { type: 'start'; job: JobSpec; session: string; attempt: number }
  | { type: 'progress'; job: JobSpec; progress: PageProgress }
  | { type: 'retry'; job: JobSpec; error: string }
  | { type: 'end'; record: JobRecord };

interface Pending {
  job: JobSpec;
  url: string;
  attempts: Attempt[];
  startedAt: string;
  started: number;
}

export async function runPool(
  target: TargetSpec, driver: Driver, jobs: readonly { job: JobSpec; url: string }[], options: PoolOptions,
  onEvent: (event: PoolEvent) => void,
): Promise<JobRecord[]> {
  const queue: Pending[] = jobs.map(({ job, url }) => ({ job, url, attempts: [], startedAt: '', started: 0 }));
  const records: JobRecord[] = [];
  let everOpened = false;
  let unreachable: string | null = null;
  const live = new Set<BrowserSession>();
  const stopped = () => options.signal?.aborted === true;
  options.signal?.addEventListener('abort', () => {
    unreachable = 'stopped by the user (Ctrl+C)';
    for (const session of live) void session.close();
  });

  const finish = (item: Pending, fields: Pick<JobRecord, 'status' | 'error' | 'target' | 'overhead' | 'result' | 'samplesMs' | 'roofline'>) => {
    const record: JobRecord = {
      format: JOB_FORMAT, version: 1, job: item.job, attempts: item.attempts,
      startedAt: item.startedAt || new Date().toISOString(), endedAt: new Date().toISOString(), ...fields,
    };
    records.push(record);
    onEvent({ type: 'end', record });
  };
  const infra = (item: Pending, error: string) => finish(item, { status: 'infra', error, target: null, overhead: null, result: null, samplesMs: [], roofline: null });
  const failAttempt = (item: Pending, error: string) => {
    item.attempts.at(-1)!.error = error;
    if (item.attempts.length <= options.retries && !unreachable && !stopped()) {
      onEvent({ type: 'retry', job: item.job, error });
      queue.unshift(item);
    } else {
      infra(item, unreachable ?? `${error} (after ${item.attempts.length} attempt${item.attempts.length > 1 ? 's' : ''})`);
    }
  };

  async function worker(): Promise<void> {
    let session: BrowserSession | null = null;
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (unreachable) {
        infra(item, unreachable);
        continue;
      }
      if (!item.startedAt) [item.startedAt, item.started] = [new Date().toISOString(), performance.now()];
      const attempt: Attempt = { session: '', startedAt: new Date().toISOString(), error: null };
      item.attempts.push(attempt);
      let sessionMs = 0;
      if (!session) {
        const opening = performance.now();
        try {
          session = await driver.openSession();
          live.add(session);
          everOpened = true;
          sessionMs = performance.now() - opening;
        } catch (error) {
          if (!everOpened && item.attempts.length > options.retries) unreachable = errorText(error);
          failAttempt(item, errorText(error));
          continue;
        }
      }
      attempt.session = session.id;
      onEvent({ type: 'start', job: item.job, session: session.id, attempt: item.attempts.length });
      try {
        const job = item.job;
        const outcome = await runJob(session, target, item.url, options.jobTimeoutMs, (progress) => onEvent({ type: 'progress', job, progress }), options.ceilings);
        const totalMs = performance.now() - item.started;
        finish(item, {
          status: outcome.status, error: outcome.error, target: outcome.target, result: outcome.result, samplesMs: outcome.samplesMs,
          overhead: { sessionMs, ...outcome.overhead, totalMs }, roofline: fleetRoofline(outcome.result, outcome.ceilingsError),
        });
      } catch (error) {
        // The session is gone or cannot be trusted: drop it; the job runs again on a new one.
        const dead: BrowserSession = session;
        session = null;
        live.delete(dead);
        await dead.close();
        failAttempt(item, `session ${dead.id} died: ${errorText(error)}`);
      }
    }
    if (session) live.delete(session);
    await session?.close();
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, jobs.length)) }, worker));
  return records.sort((a, b) => a.job.index - b.job.index);
}
