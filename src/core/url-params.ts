/**
 * The URL parameters the automation contract knows, as data: a parameter nobody reads is an
 * error naming the closest known one (`iteratons` → `iterations`), never silently ignored.
 * Adding a parameter: add its name to KNOWN_PARAMS (or a prefix to KNOWN_PREFIXES) beside the
 * code that reads it, and its row to the README's table.
 */
import { closest, distance } from 'fastest-levenshtein';

export const KNOWN_PARAMS: readonly string[] = [
  'model', 'run', 'runtime', 'backend', 'device', 'task', 'dtype', 'sample',
  'warmup', 'iterations', 'threads', 'seed', 'vocabSize',
  'mode', 'minRuns', 'minSeconds', 'maxRuns', 'maxSeconds', 'sla', 'domain',
  // The worker watchdog (src/core/watchdog.ts): its phase limit, and a test hook.
  'phaseLimit', 'testWorkerExit',
];

/** Families of parameters: `in.NAME=` fills the input NAME, `dim.NAME=` binds a dimension. */
export const KNOWN_PREFIXES: readonly string[] = ['in.', 'dim.'];

export function isKnownParam(name: string, known: readonly string[] = KNOWN_PARAMS): boolean {
  return known.includes(name) || KNOWN_PREFIXES.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** "did you mean …?" for a name within a few edits of a known one (case differences are free). */
export function suggestParam(name: string, known: readonly string[] = KNOWN_PARAMS): string | null {
  const byCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (byCase) return byCase;
  const prefix = KNOWN_PREFIXES.find((p) => name.toLowerCase().startsWith(p.replace('.', '')) && /[._:-]/.test(name[p.length - 1] ?? ''));
  if (prefix) return `${prefix}${name.slice(prefix.length)}`;
  const best = closest(name, [...known]);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** One message per unknown parameter, naming it and the closest known one. */
export function unknownParamErrors(params: URLSearchParams, known: readonly string[] = KNOWN_PARAMS): string[] {
  const errors: string[] = [];
  for (const name of new Set(params.keys())) {
    if (isKnownParam(name, known)) continue;
    const suggestion = suggestParam(name, known);
    errors.push(`Unknown URL parameter "${name}"${suggestion ? `: did you mean ${suggestion}?` : '.'} Known parameters: ${known.join(', ')}, in.NAME, dim.NAME.`);
  }
  return errors;
}
