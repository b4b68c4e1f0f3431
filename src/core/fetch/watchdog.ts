/**
 * The stall watchdog's timer, shared by the page (format sampling) and the workers (downloads):
 * it fires when the stall limit passes without progress. Progress is headers or the end of a body
 * (`kick`), or PROGRESS_BYTES of body since the last progress (`bytes`): a server dripping one byte
 * a second is as stuck as a silent one (a 10 MB model would take four months).
 */

/** At least this many bytes within the stall limit are progress (1 KiB in 30 s: 34 bytes/s). */
export const PROGRESS_BYTES = 1024;

export interface Watchdog {
  kick(): void;
  bytes(n: number): void;
  stop(): void;
}

/** `onStall` gets the bytes that did arrive since the last progress (a trickle, or 0). */
export function watchdog(ms: number, onStall: (bytesSinceProgress: number) => void): Watchdog {
  let pending = 0;
  const fire = () => onStall(pending);
  let timer = setTimeout(fire, ms);
  const kick = () => {
    pending = 0;
    clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  return {
    kick,
    bytes(n) {
      pending += n;
      if (pending >= PROGRESS_BYTES) kick();
    },
    stop: () => clearTimeout(timer),
  };
}
