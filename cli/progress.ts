/**
 * Live progress: one line per finished job, and in a terminal one live line per job in flight
 * (phase, count, elapsed) redrawn in place with log-update. CI logs (no TTY) get only the
 * finished lines; `--quiet` prints nothing but the final verdict.
 */
import { createLogUpdate } from 'log-update';
import type { JobSpec } from '../src/core/fleet/jobs.ts';
import type { JobRecord } from '../src/core/fleet/record.ts';
import type { PoolEvent } from './pool.ts';

const label = (job: JobSpec): string => `${job.name}${job.config ? ` [${job.config}]` : ''} ${job.runtime}/${job.backend} @ ${job.target}`;
const ms = (value: number | undefined): string => (value === undefined ? '–' : `${+value.toPrecision(3)} ms`);
const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`;

export function finishedLine(record: JobRecord, position: string): string {
  const head = `[${position}] ${label(record.job)}`;
  const took = record.overhead ? ` · ${seconds(record.overhead.totalMs)}` : '';
  const retried = record.attempts.length > 1 ? ` · ${record.attempts.length} attempts` : '';
  if (record.status === 'infra') return `! ${head} · not run: ${record.error}`;
  if (record.status === 'failed' || !record.result) return `✗ ${head} · failed: ${record.error}${took}`;
  const { stats, verdict, validity } = record.result;
  const device = record.target ? ` on ${record.target.deviceClass}` : '';
  const mark = !validity.valid || verdict.status === 'fail' || verdict.status === 'depends' ? '✗' : '✓';
  return `${mark} ${head}${device} · p50 ${ms(stats.p50)} p95 ${ms(stats.p95)} n=${stats.count} · ${verdict.status}`
    + ` · ${validity.valid ? 'valid' : `invalid (${validity.reasons[0] ?? ''})`}${took}${retried}`;
}

export class Progress {
  readonly #live = new Map<JobSpec, { session: string; phase: string; started: number }>();
  readonly #update = process.stdout.isTTY ? createLogUpdate(process.stdout) : null;
  #done = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly total: number, private readonly quiet: boolean) {
    if (this.#update && !quiet) this.#timer = setInterval(() => this.#render(), 500);
  }

  #render(): void {
    if (!this.#update) return;
    const now = performance.now();
    const lines = [...this.#live].map(([job, live]) => `  … ${label(job)} · ${live.session} · ${live.phase} · ${seconds(now - live.started)}`);
    this.#update(lines.join('\n'));
  }

  #print(line: string): void {
    if (this.quiet) return;
    this.#update?.clear();
    console.log(line);
    this.#render();
  }

  onEvent = (event: PoolEvent): void => {
    if (event.type === 'start') {
      this.#live.set(event.job, { session: event.session, phase: 'loading', started: performance.now() });
    } else if (event.type === 'progress') {
      const live = this.#live.get(event.job);
      const { phase, done, total } = event.progress;
      if (live) live.phase = total > 0 ? `${phase} ${done}/${total}` : phase;
    } else if (event.type === 'retry') {
      this.#live.delete(event.job);
      this.#print(`↻ ${label(event.job)} · ${event.error}; retrying on a new session`);
    } else {
      this.#live.delete(event.record.job);
      this.#done++;
      this.#print(finishedLine(event.record, `${this.#done}/${this.total}`));
    }
  };

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#update?.clear();
    this.#update?.done();
  }
}
