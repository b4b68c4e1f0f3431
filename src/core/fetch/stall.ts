/**
 * The download watchdog's rule and words. A download may take as long as it likes while bytes
 * keep coming; it ends only when nothing arrives for the stall limit (no headers, or no body
 * bytes), because a server that stops sending would otherwise leave the page waiting forever.
 */

/** 30 s: longer than any pause a working CDN or object store makes, short enough to wait out. */
export const DEFAULT_STALL_MS = 30_000;
export const STALL_PARAM = 'stallSeconds';
export const STALL_LIMITS_S = { min: 0.1, max: 3600 } as const;

/** Reads `stallSeconds=` from the page's URL; problems go to `errors` in words. */
export function parseStallParam(params: URLSearchParams, errors: string[]): number | undefined {
  const raw = params.get(STALL_PARAM);
  if (raw === null) return undefined;
  const seconds = Number(raw);
  const { min, max } = STALL_LIMITS_S;
  if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < min || seconds > max) {
    errors.push(`URL parameter ${STALL_PARAM}=${raw} must be a number of seconds from ${min} to ${max}.`);
    return undefined;
  }
  return seconds * 1000;
}

/** "0.5 MB", "12.3 MB", "1,536 MB": the unit the stall message promises. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  if (bytes === 0) return '0 MB';
  return `${mb < 10 ? mb.toFixed(mb < 0.1 ? 3 : 1) : Math.round(mb).toLocaleString('en')} MB`;
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

/**
 * The error a stalled download ends with. `bytes` counts what arrived in all, `trickle` what
 * arrived in the last `stallMs` (a few bytes: a drip, not a download).
 */
export function stallMessage(url: string, bytes: number, stallMs: number, gotHeaders: boolean, trickle = 0): string {
  const what = !gotHeaders
    ? `the server accepted the request but sent nothing for ${seconds(stallMs)} (it stopped sending after 0 MB)`
    : trickle > 0
      ? `the server stopped sending after ${megabytes(bytes)}: only ${trickle} byte${trickle === 1 ? '' : 's'} in the last ${seconds(stallMs)}`
      : `the server stopped sending after ${megabytes(bytes)} (nothing for ${seconds(stallMs)})`;
  return `Downloading ${url} was given up: ${what}. Try again later, or drop the file instead; ` +
    `a slow but steady download is never cut off (the limit is ${STALL_PARAM}= in the page's URL).`;
}

/** Bytes per second as people read it: "850 kB/s", "12.4 MB/s". */
export function rateText(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '0 B/s';
  if (bytesPerSecond < 1e3) return `${Math.round(bytesPerSecond)} B/s`;
  if (bytesPerSecond < 1e6) return `${Math.round(bytesPerSecond / 1e3)} kB/s`;
  return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
}
