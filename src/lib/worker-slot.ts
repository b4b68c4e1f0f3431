/**
 * One task at a time in a fresh worker, for a state class with a Stop button (Synthesize, the
 * roofline's ceilings): the worker is terminated when its task ends, when Stop is pressed, or
 * when a newer task replaces it. A stopped or replaced task's outcome belongs to nobody.
 */
export type SlotOutcome<T> = { value: T } | { error: string };

export class WorkerSlot {
  #current: Worker | null = null;

  /** Runs `work` in the worker `start` makes; null when it was stopped or replaced meanwhile. */
  async run<T>(start: () => Worker, work: (worker: Worker) => Promise<T>): Promise<SlotOutcome<T> | null> {
    this.#current?.terminate();
    const worker = (this.#current = start());
    try {
      const value = await work(worker);
      return this.#current === worker ? { value } : null;
    } catch (cause) {
      return this.#current === worker ? { error: cause instanceof Error ? cause.message : String(cause) } : null;
    } finally {
      worker.terminate();
      if (this.#current === worker) this.#current = null;
    }
  }

  stop(): void {
    this.#current?.terminate();
    this.#current = null;
  }
}
