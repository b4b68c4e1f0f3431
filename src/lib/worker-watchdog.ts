/**
 * Notices a bench worker that died or stopped answering, so the page never waits on it forever.
 *
 * - Death: the worker holds a Web Lock named after itself for its whole life; the browser
 *   releases it the moment the worker's global goes away (a crash, `self.close()`, an OOM kill),
 *   even though no event reaches the page then. The page queues for the same lock, so getting it
 *   means the worker is gone. `error` and `messageerror` events end the task too.
 * - Silence: a heartbeat (`ping`) every second. A worker answers between two inferences, but one
 *   enormous inference (or a synchronous session creation) blocks its thread, so silence alone
 *   proves nothing; it only colours the message. What ends a blocked or stuck worker is the
 *   phase limit: no progress report for `limitMs` during any phase but the download (whose stall
 *   watchdog belongs to the fetch layer).
 */
import { formatWait, phaseText, type WatchedPhase } from '../core/watchdog.ts';

/** Lock names carry this prefix, then a random id; the worker reads its own from `self.name`. */
export const WORKER_LOCK_PREFIX = 'benchtab-bench:';

/** The default phase limit: 5 minutes with no progress (issue 12; URL parameter `phaseLimit`). */
export const DEFAULT_PHASE_LIMIT_MS = 5 * 60_000;

const HEARTBEAT_MS = 1000;

export class WorkerLostError extends Error {
  constructor(readonly phase: WatchedPhase, detail: string) {
    super(`The benchmark worker stopped responding during ${phaseText(phase)}: ${detail}.`);
    this.name = 'WorkerLostError';
  }
}

export interface WatchdogOptions {
  /** Ends the task when no progress was reported for this long; absent: no phase limit. */
  limitMs?: number;
  /** The phase the task starts in. */
  phase?: WatchedPhase;
}

export class WorkerWatchdog {
  /** Rejects when the worker is lost; never resolves. */
  readonly lost: Promise<never>;
  #phase: WatchedPhase;
  #lastProgress = performance.now();
  #lastAnswer = performance.now();
  #pingInFlight = false;
  #timer: ReturnType<typeof setInterval>;
  #lockRequest = new AbortController();
  #fail: (error: WorkerLostError) => void = () => {};
  #failed = false;

  constructor(worker: Worker, lockName: string, ping: () => Promise<unknown>, private readonly options: WatchdogOptions = {}) {
    this.#phase = options.phase ?? 'run';
    this.lost = new Promise<never>((_, reject) => {
      this.#fail = reject;
    });
    this.lost.catch(() => {}); // observed by the bridge's race; never an unhandled rejection
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#lose(`it crashed (${event.message || 'unknown error'}); the model may be too large for this device`);
    });
    worker.addEventListener('messageerror', () => this.#lose('a message from it could not be read'));
    const beat = (): void => {
      if (this.#pingInFlight) return;
      this.#pingInFlight = true;
      ping().then(() => {
        this.#pingInFlight = false;
        this.#lastAnswer = performance.now();
      }, () => {});
    };
    // The first answer means the worker holds its lock: only then may the page queue for it.
    this.#pingInFlight = true;
    ping().then(() => {
      this.#pingInFlight = false;
      this.#lastAnswer = performance.now();
      this.#watchLock(lockName);
    }, () => {});
    const tick = Math.min(HEARTBEAT_MS, Math.max(50, (options.limitMs ?? HEARTBEAT_MS) / 20));
    this.#timer = setInterval(() => {
      beat();
      this.#checkLimit();
    }, tick);
  }

  /** A progress report from the worker: it is alive and moving; `phase` is where it is now. */
  progress(phase: WatchedPhase): void {
    this.#phase = phase;
    this.#lastProgress = performance.now();
    this.#lastAnswer = this.#lastProgress;
  }

  get phase(): WatchedPhase {
    return this.#phase;
  }

  dispose(): void {
    clearInterval(this.#timer);
    this.#lockRequest.abort();
  }

  #watchLock(name: string): void {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return; // no Web Locks: the heartbeat and the phase limit still apply
    locks.request(name, { signal: this.#lockRequest.signal }, () => {
      if (!this.#lockRequest.signal.aborted) this.#lose('it closed or was killed (its thread is gone)');
    }).catch(() => {});
  }

  #checkLimit(): void {
    const { limitMs } = this.options;
    if (limitMs === undefined || this.#phase === 'fetch') return;
    const now = performance.now();
    const quiet = now - this.#lastProgress;
    if (quiet < limitMs) return;
    const silent = now - this.#lastAnswer;
    const why = silent >= HEARTBEAT_MS * 2
      ? `no progress and no answer to heartbeats for ${formatWait(quiet)}`
      : `no progress for ${formatWait(quiet)} (it still answers heartbeats)`;
    this.#lose(`${why}, the phase limit; set it with the URL parameter phaseLimit=SECONDS`);
  }

  #lose(detail: string): void {
    if (this.#failed) return;
    this.#failed = true;
    this.dispose();
    this.#fail(new WorkerLostError(this.#phase, detail));
  }
}
